// Stands in for `fast-glob` where Sequelize 7's `importModels` requires it
// (@sequelize/core/lib/import-models.js): it finds model files on disk by
// glob, and the worker has no files. fast-glob and its matchers would add
// tens of kilobytes (and Node's fs) to the chunk for a function that cannot
// work here: calling it fails clearly.
'use strict';

function unavailable() {
  throw new Error('importModels reads model files from disk: there are no files in the browser, define the models in code');
}

module.exports = unavailable;
module.exports.glob = unavailable;
module.exports.default = unavailable;
