// Stands in for the dialect packages that Sequelize 7's `importDialect`
// requires (@sequelize/core/lib/sequelize.internals.js), one per dialect
// name, when the `dialect` option is a string. The engine always passes the
// dialect class (src/engine/sequelize-options.ts), and @sequelize/sqlite3 and
// @sequelize/postgres are chunks of their own, loaded with the scenario's
// dialect: bundling them here would load both with the core, and the other
// dialects are not installed. A string dialect fails clearly instead.
'use strict';

function unavailable() {
  throw new Error('Sequelize 7 dialects are passed as classes here (new Sequelize({ dialect: sequelize.dialect.constructor, … })): loading one by name is not bundled');
}

module.exports = new Proxy(
  {},
  {
    get(_target, property) {
      // Module interop probes these; answer like an empty CommonJS module.
      if (typeof property === 'symbol' || property === '__esModule' || property === 'default' || property === 'then') return undefined;
      return unavailable();
    },
  },
);
