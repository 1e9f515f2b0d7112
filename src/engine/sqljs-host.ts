/** The engine's SQLite: sql.js databases behind the sqlite3 adapter. */
import type { Database as SqlJsDatabase, SqlJsStatic } from 'sql.js';
import { createSqljsSqlite3Module } from './drivers/sqljs-sqlite3-driver';
import type { DatabaseHost } from './database-host';
import { sqliteDatabaseHost } from './sqlite-host';

export function createSqljsHost(SQL: SqlJsStatic): DatabaseHost<SqlJsDatabase, Uint8Array> {
  return sqliteDatabaseHost<SqlJsDatabase>({
    async open(bytes) {
      return bytes ? new SQL.Database(bytes) : new SQL.Database();
    },
    driver(db) {
      let first = true;
      // Every later `new Database(':memory:')` is a new, empty database, as
      // with native sqlite3.
      return createSqljsSqlite3Module(() => {
        if (!first) return new SQL.Database();
        first = false;
        return db;
      });
    },
    query(db) {
      return async (sql) => {
        const statement = db.prepare(sql);
        try {
          // The names once, not per row as getAsObject reads them (a
          // snapshot of 100,000 rows spent most of its time there).
          const names = statement.getColumnNames();
          const rows: Record<string, unknown>[] = [];
          while (statement.step()) {
            const values = statement.get();
            const row: Record<string, unknown> = {};
            names.forEach((name, i) => (row[name] = values[i]));
            rows.push(row);
          }
          return rows;
        } finally {
          statement.free();
        }
      };
    },
    async export(db) {
      return db.export();
    },
    async close(db) {
      db.close();
    },
  });
}
