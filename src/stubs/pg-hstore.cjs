// Stands in for `pg-hstore` in the browser build. Sequelize's postgres
// dialect calls `require('pg-hstore')({ sanitize: true })` for HSTORE, but
// pg-hstore is not one of Sequelize's dependencies and the SQLite playground
// never parses an hstore: fail clearly if anything ever does.
function unavailable() {
  throw new Error('pg-hstore is not bundled: HSTORE needs the postgres dialect');
}
module.exports = function pgHstore() {
  return { stringify: unavailable, parse: unavailable };
};
