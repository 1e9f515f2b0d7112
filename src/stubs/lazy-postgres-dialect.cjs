// Stands in for `require('./dialects/postgres')` in sequelize/lib/sequelize.js
// in the browser build. The postgres dialect (and PGlite under it) is its own
// chunk, loaded only when a Postgres scenario runs: the worker imports it
// (src/worker/postgres-dialect.ts), which registers it before any
// `new Sequelize({ dialect: 'postgres' })`. A bundler cannot make that
// `require` lazy by itself, since Sequelize calls it synchronously; so this
// looks the dialect up when Sequelize constructs it (`new Dialect(sequelize)`
// returns the object a constructor returns).
function LazyPostgresDialect(sequelize) {
  const Registered = globalThis.__syncPlaygroundPostgresDialect;
  if (!Registered) throw new Error('The postgres dialect is loaded on demand and was not loaded yet');
  return new Registered(sequelize);
}
module.exports = LazyPostgresDialect;
module.exports.default = LazyPostgresDialect;
