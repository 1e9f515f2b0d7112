// Stands in for Node's `crypto` in the browser build. Only the db2 and mssql
// query generators use it (`randomBytes` for savepoint names); bundling
// crypto-browserify for them would add hundreds of kilobytes the SQLite
// playground never runs.
module.exports = {
  randomBytes() {
    throw new Error('crypto.randomBytes is not bundled: only the db2 and mssql dialects use it');
  },
};
