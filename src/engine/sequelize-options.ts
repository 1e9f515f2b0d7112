/**
 * A host's connection (./database-host.ts) as each major release of
 * Sequelize wants it in its constructor. The hosts say once what the
 * database is; only this file knows how 6 and 7 spell it.
 */
import type { HostConnection } from './database-host';

export type ConstructorOptions = Record<string, unknown>;

/**
 * Sequelize 6: the driver is `dialectModule`. The key order is the one the
 * hosts used before releases were mapped here, so nothing a scenario can see
 * (`sequelize.options`) changed.
 */
export function sequelize6Options(connection: HostConnection, database: string): ConstructorOptions {
  if (connection.dialect === 'sqlite') {
    return { dialect: 'sqlite', storage: ':memory:', dialectModule: connection.driver, database };
  }
  const { server } = connection;
  return {
    dialect: 'postgres',
    ...(server && { host: server.host, port: server.port, username: server.user }),
    dialectModule: connection.driver,
    // PGlite is one session: one connection (the parity server does the
    // same, so that both logs come from one session).
    pool: { max: 1 },
    database,
  };
}

/** The dialect classes of Sequelize 7, from @sequelize/sqlite3 and @sequelize/postgres. */
export type DialectClass = abstract new (...args: never[]) => unknown;

/**
 * Sequelize 7: the dialect is a class, the driver `sqlite3Module` or
 * `pgModule`, the user `user`. SQLite takes no `database` (7 rejects options
 * it does not know), and refuses an in-memory database unless the pool
 * keeps exactly one connection open forever: each new connection to
 * `:memory:` would be a new, empty database.
 */
export function sequelize7Options(connection: HostConnection, database: string, dialect: DialectClass): ConstructorOptions {
  if (connection.dialect === 'sqlite') {
    return {
      dialect,
      storage: ':memory:',
      sqlite3Module: connection.driver,
      pool: { max: 1, idle: Infinity, maxUses: Infinity },
    };
  }
  const { server } = connection;
  return {
    dialect,
    ...(server && { host: server.host, port: server.port, user: server.user }),
    pgModule: connection.driver,
    pool: { max: 1 },
    database,
  };
}
