/**
 * What differs between Sequelize 6 and 7 in a reproduction: the packages it
 * pins, what repro.js requires, and how a new instance is connected to the
 * driver the runner prepared. The options are spelled as the engine spells
 * them (src/engine/sequelize-options.ts), so that what user code sees and
 * what Sequelize logs are the same.
 *
 * Each release defines `sqliteOptions(driver)` or `postgresOptions(driver,
 * server)` in repro.js; the dialect runners (./sqlite-runner.ts,
 * ./postgres-runner.ts) call the one of their dialect.
 */
import type { Dialect } from '../engine/scenario';

/** The driver ranges the project itself tests against (package.json devDependencies). */
export const SQLITE3_RANGE = '^6.0.1';
export const PG_RANGE = '^8.23.1';

const DRIVERS: Readonly<Record<Dialect, Record<string, string>>> = {
  sqlite: { sqlite3: SQLITE3_RANGE },
  postgres: { pg: PG_RANGE },
};

export interface ReleaseParts {
  /** The package user code requires and whose version is reported. */
  packageName: string;
  /** package.json's dependencies. */
  dependencies: Record<string, string>;
  /** repro.js's require lines for Sequelize. */
  requires: string[];
  /** The options function the dialect's runner calls. */
  options: string;
}

/** Sequelize 6: one package, the dialect by name, the driver as `dialectModule`. */
function release6(version: string, dialect: Dialect): ReleaseParts {
  const options = {
    sqlite: String.raw`
function sqliteOptions(driver) {
  return { dialect: 'sqlite', storage: ':memory:', dialectModule: driver, database: DATABASE };
}`,
    postgres: String.raw`
function postgresOptions(driver, server) {
  return { dialect: 'postgres', ...server, dialectModule: driver, pool: { max: 1 }, database: DATABASE };
}`,
  };
  return {
    packageName: 'sequelize',
    dependencies: { sequelize: version, ...DRIVERS[dialect] },
    requires: ["const SequelizeModule = require('sequelize');"],
    options: options[dialect],
  };
}

/**
 * Sequelize 7: the core and a package per dialect, released together (same
 * version); the dialect is a class and the driver `sqlite3Module` or
 * `pgModule`. SQLite takes no `database` (7 rejects options it does not
 * know) and refuses an in-memory database unless the pool keeps exactly one
 * connection open forever.
 */
function release7(version: string, dialect: Dialect): ReleaseParts {
  const parts = {
    sqlite: {
      dialectPackage: '@sequelize/sqlite3',
      dialectClass: 'SqliteDialect',
      options: String.raw`
// Sequelize 7 takes no database name for SQLite, and refuses an in-memory database unless the
// pool keeps exactly one connection open forever (another connection would be another database).
function sqliteOptions(driver) {
  return { dialect: SqliteDialect, storage: ':memory:', sqlite3Module: driver, pool: { max: 1, idle: Infinity, maxUses: Infinity } };
}`,
    },
    postgres: {
      dialectPackage: '@sequelize/postgres',
      dialectClass: 'PostgresDialect',
      options: String.raw`
function postgresOptions(driver, server) {
  return { dialect: PostgresDialect, ...server, pgModule: driver, pool: { max: 1 }, database: DATABASE };
}`,
    },
  }[dialect];
  return {
    packageName: '@sequelize/core',
    dependencies: { '@sequelize/core': version, [parts.dialectPackage]: version, ...DRIVERS[dialect] },
    requires: [
      "const SequelizeModule = require('@sequelize/core');",
      `const { ${parts.dialectClass} } = require('${parts.dialectPackage}');`,
    ],
    options: parts.options,
  };
}

/** The parts of a reproduction on exact `version` of Sequelize for `dialect`. */
export function releaseParts(version: string, dialect: Dialect): ReleaseParts {
  return version.startsWith('7.') ? release7(version, dialect) : release6(version, dialect);
}
