/**
 * Native sqlite3 (the C library, through node-sqlite3) behind the same
 * runner as the engine, for parity tests and benchmarks. Each database is
 * in memory, as in the engine; copies go through SQLite's backup API, which
 * copies pages byte for byte.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import type { DatabaseHost } from '../../src/engine/database-host';
import { sqliteDatabaseHost } from '../../src/engine/sqlite-host';

type NativeDb = sqlite3.Database;

/** node-sqlite3's backup API, which its type definitions leave out. */
interface BackupJob {
  step(pages: number, callback: (error: Error | null) => void): void;
  finish(callback: (error: Error | null) => void): void;
}
type BackupCapable = NativeDb & {
  backup(file: string, destName: string, sourceName: string, fileIsDestination: boolean, callback: (error: Error | null) => void): BackupJob;
};

function openMemory(): Promise<NativeDb> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(':memory:', (error) => (error ? reject(error) : resolve(db)));
  });
}

/** Copies between a database and a file with the backup API. */
function backup(db: NativeDb, file: string, fileIsDestination: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const job = (db as BackupCapable).backup(file, 'main', 'main', fileIsDestination, (error: Error | null) => {
      if (error) return reject(error);
      job.step(-1, (stepError: Error | null) => {
        if (stepError) return reject(stepError);
        job.finish((finishError: Error | null) => (finishError ? reject(finishError) : resolve()));
      });
    });
  });
}

export function createNativeSqliteHost(): DatabaseHost<NativeDb, Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'sync-playground-native-'));
  let counter = 0;
  const scratchFile = () => join(dir, `copy-${(counter += 1)}.sqlite`);

  return sqliteDatabaseHost<NativeDb>({
    async open(bytes) {
      const db = await openMemory();
      if (bytes) {
        const file = scratchFile();
        writeFileSync(file, bytes);
        await backup(db, file, false);
        rmSync(file);
      }
      return db;
    },
    driver(db) {
      let first = true;
      // A constructor that returns an object makes `new` yield that object:
      // Sequelize's first connection is the prepared database itself.
      function Database(this: unknown, filename: string, mode?: unknown, callback?: unknown) {
        const done = (typeof mode === 'function' ? mode : callback) as ((error: Error | null) => void) | undefined;
        if (!first) return new sqlite3.Database(filename, mode as number, done);
        first = false;
        process.nextTick(() => done?.call(db, null));
        return db;
      }
      return { ...sqlite3, Database, verbose: () => sqlite3 };
    },
    query(db) {
      return (sql) =>
        new Promise((resolve, reject) => {
          db.all(sql, (error: Error | null, rows: Record<string, unknown>[]) => (error ? reject(error) : resolve(rows)));
        });
    },
    async export(db) {
      const file = scratchFile();
      await backup(db, file, true);
      const bytes = new Uint8Array(readFileSync(file));
      rmSync(file);
      return bytes;
    },
    close(db) {
      return new Promise((resolve) => db.close(() => resolve()));
    },
  });
}

/** Reads a database file with native SQLite, as the sqlite3 shell would open it. */
export async function readNativeSqlite(file: string, sql: string): Promise<Record<string, unknown>[]> {
  const db = await new Promise<NativeDb>((resolve, reject) => {
    const opened = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (error) => (error ? reject(error) : resolve(opened)));
  });
  try {
    return await new Promise((resolve, reject) => {
      db.all(sql, (error: Error | null, rows: Record<string, unknown>[]) => (error ? reject(error) : resolve(rows)));
    });
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
}
