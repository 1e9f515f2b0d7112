// Stands in for `require('./dialects/postgres')` in lib/sequelize.js of each
// shipped Sequelize 6 in the browser build. The postgres dialect (and PGlite
// under it) is its own chunk, loaded only when a Postgres scenario runs: the
// worker loads it (src/worker/postgres-dialect.ts), which registers it by
// Sequelize version before any `new Sequelize({ dialect: 'postgres' })`. A
// bundler cannot make that `require` lazy by itself, since Sequelize calls it
// synchronously; so this looks the dialect up when Sequelize constructs it
// (`new Dialect(sequelize)` returns the object a constructor returns).
function LazyPostgresDialect(sequelize) {
  const version = sequelize.constructor.version;
  const Registered = (globalThis.__syncPlaygroundPostgresDialects || {})[version];
  if (!Registered) throw new Error(`The postgres dialect of Sequelize ${version} is loaded on demand and was not loaded yet`);
  return new Registered(sequelize);
}
module.exports = LazyPostgresDialect;
module.exports.default = LazyPostgresDialect;
