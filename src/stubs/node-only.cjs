// Stands in for Node-only modules that a browser dependency imports only on
// its Node code path (PGlite's `import('fs/promises')` when it runs in Node;
// Sequelize 7's SQLite dialect's `fs/promises`, used only for a database file
// on disk, never `:memory:`): never reached in the browser, but a bundler
// must resolve the import.
module.exports = {};
