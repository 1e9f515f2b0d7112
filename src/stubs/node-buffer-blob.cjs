// Stands in for `node:buffer` where Sequelize 7's data types require it
// (@sequelize/core/lib/abstract-dialect/data-types.js): they read only its
// `Blob`, to reject Blob values with a clear validation error. The buffer
// polyfill has no Blob, which would silently skip that check; the
// browser's own Blob is the class such a value would be made with.
'use strict';

module.exports = { Blob: globalThis.Blob };
