/**
 * The SQLite side of `DatabaseHost`: a SQLite database is a file's bytes, so
 * the baseline is saved by exporting them and every mode opens a new
 * in-memory database from a byte-for-byte copy. The engine provides the
 * primitives over sql.js; the parity tests over native sqlite3.
 */
import type { DatabaseHost } from './database-host';
import { snapshotSqlite, type SnapshotQuery } from './sqlite-snapshot';

/** What a SQLite implementation provides to become a `DatabaseHost`. */
export interface SqliteHost<Db> {
  /** A new in-memory database: empty, or a byte-for-byte copy of `bytes`. */
  open(bytes: Uint8Array | null): Promise<Db>;
  /** The sqlite3 module for Sequelize whose first connection is `db`. */
  driver(db: Db): object;
  /** Runs one read-only query, for snapshots. */
  query(db: Db): SnapshotQuery;
  /** The database file's bytes. */
  export(db: Db): Promise<Uint8Array>;
  /** Frees the database. */
  close(db: Db): Promise<void>;
}

export function sqliteDatabaseHost<Db>(sqlite: SqliteHost<Db>): DatabaseHost<Db, Uint8Array> {
  return {
    dialect: 'sqlite',
    openEmpty: () => sqlite.open(null),
    saveBaseline: (db) => sqlite.export(db),
    openFromBaseline: (bytes) => sqlite.open(bytes),
    connection: (db) => ({ dialect: 'sqlite', driver: sqlite.driver(db) }),
    snapshot: (db) => snapshotSqlite(sqlite.query(db)),
    export: (db) => sqlite.export(db),
    close: (db) => sqlite.close(db),
  };
}
