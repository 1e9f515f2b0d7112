/**
 * Where a run's databases come from, for any dialect. The engine uses sql.js
 * and PGlite; the parity tests plug native sqlite3 and pg with a PostgreSQL
 * server into the same runner, so that the only difference between the two
 * sides is the driver under Sequelize.
 *
 * The runner opens an empty database for the baseline, saves it once
 * `setup` has run, and opens every mode from that saved baseline, so that no
 * mode sees another's changes.
 */
import type { Tables } from './result';
import type { Dialect } from './scenario';

/**
 * How Sequelize reaches a host's database, said once for every release:
 * Sequelize 6 takes the driver as `dialectModule`, 7 as `sqlite3Module` or
 * `pgModule`, and their connection options differ too.
 */
export type HostConnection =
  | {
      dialect: 'sqlite';
      /** node-sqlite3's API; its first `new Database(':memory:')` is the run's database. */
      driver: object;
    }
  | {
      dialect: 'postgres';
      /** node-postgres's API (`Client`, `types`). */
      driver: object;
      /** A real server to connect to; absent when the driver is the database (PGlite). */
      server?: { host: string; port: number; user: string };
    };

export interface DatabaseHost<Db = unknown, Saved = unknown> {
  readonly dialect: Dialect;
  /** A new, empty database; `database` is the name Sequelize is given. */
  openEmpty(database: string): Promise<Db>;
  /** Keeps the database as it is now, for `openFromBaseline`. */
  saveBaseline(db: Db): Promise<Saved>;
  /** A new database that starts as an exact copy of the saved one. */
  openFromBaseline(saved: Saved, database: string): Promise<Db>;
  /** How Sequelize reaches `db`; each release turns it into its own options (./sequelize-options.ts). */
  connection(db: Db): HostConnection;
  /** Every user table: columns, indexes, foreign keys, rows. */
  snapshot(db: Db): Promise<Tables>;
  /** The database as bytes (a SQLite file; a PostgreSQL data-directory tarball). */
  export(db: Db): Promise<Uint8Array>;
  /** Frees the database. */
  close(db: Db): Promise<void>;
  /** Frees a saved baseline once every mode has run. */
  discardBaseline?(saved: Saved): Promise<void>;
}

/** Any host, whatever its database and saved-baseline types. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDatabaseHost = DatabaseHost<any, any>;
