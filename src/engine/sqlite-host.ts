/**
 * Where a run's SQLite databases come from. The engine uses sql.js; the
 * parity tests plug native sqlite3 into the same runner, so that the only
 * difference between the two sides is the driver under Sequelize.
 */
import type { SnapshotQuery } from './sqlite-snapshot';

export interface SqliteHost<Db> {
  /** A new in-memory database: empty, or a byte-for-byte copy of `bytes`. */
  open(bytes: Uint8Array | null): Promise<Db>;
  /** The `dialectModule` for Sequelize whose first connection is `db`. */
  dialectModule(db: Db): object;
  /** Runs one read-only query, for snapshots. */
  query(db: Db): SnapshotQuery;
  /** The database file's bytes. */
  export(db: Db): Promise<Uint8Array>;
  /** Frees the database. */
  close(db: Db): Promise<void>;
}
