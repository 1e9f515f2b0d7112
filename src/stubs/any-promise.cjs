// Stands in for `any-promise`, which Sequelize 6.5.1's own copy of
// retry-as-promised@3 requires for its Promise class. The package's
// `browser` build (register-shim.js) reads `window`, which the engine worker
// does not have ("window is not defined" on every 6.5.1 run); in Node it
// gives the global Promise, as this does.
'use strict';

module.exports = globalThis.Promise;
