// Stands in for the database drivers of the dialects the playground does not
// run (pg, mysql2, tedious, mariadb, oracledb, ibm_db, snowflake-sdk).
// Sequelize 6 loads them with a dynamic `require(name)` that the bundler
// leaves alone, and the playground always passes `dialectModule`; the alias
// guarantees that a static import of one can never pull a driver into the
// bundle. @sequelize/postgres (Sequelize 7) requires `pg` when it loads and
// uses it only when no `pgModule` is given (the engine always gives PGlite's),
// so this answers it too. Using it fails with a clear message.
module.exports = new Proxy(
  {},
  {
    get(_target, property) {
      // Module interop probes these; answer like an empty CommonJS module.
      if (typeof property === 'symbol' || property === '__esModule' || property === 'default' || property === 'then') {
        return undefined;
      }
      throw new Error(`This database driver is not bundled (read of "${String(property)}"): the playground runs SQLite`);
    },
  },
);
