// Stands in for Node-only modules that a browser dependency imports only on
// its Node code path (PGlite's `import('fs/promises')` when it runs in Node):
// never reached in the browser, but a bundler must resolve the import.
module.exports = {};
