/**
 * The adapter against node-sqlite3 itself: the same calls on both give the
 * same rows, `this.lastID`/`this.changes`, error messages, codes and errno.
 */
import sqlite3 from 'sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlJsInNode } from '../../src/cli/load-sqljs';
import { createSqljsSqlite3Module, type Sqlite3Module } from '../../src/engine/drivers/sqljs-sqlite3-driver';

type Call = [method: 'run' | 'all' | 'get', sql: string, ...params: unknown[]];

interface Outcome {
  error: { message: string; code: unknown; errno: unknown } | null;
  value: unknown;
  lastID: unknown;
  changes: unknown;
  thisClass: string | null;
}

interface AnyDatabase {
  run(...args: unknown[]): unknown;
  all(...args: unknown[]): unknown;
  get(...args: unknown[]): unknown;
}

function open(module: { Database: new (...args: never[]) => unknown }): Promise<AnyDatabase> {
  return new Promise((resolve, reject) => {
    const Database = module.Database as unknown as new (f: string, m: number, cb: (e: Error | null) => void) => AnyDatabase;
    const db: AnyDatabase = new Database(':memory:', 6, (error) => (error ? reject(error) : resolve(db)));
  });
}

function call(db: AnyDatabase, [method, sql, ...params]: Call): Promise<Outcome> {
  return new Promise((resolve) => {
    db[method](sql, ...params, function (this: { lastID?: unknown; changes?: unknown }, error: Error | null, value: unknown) {
      const coded = error as (Error & { code?: unknown; errno?: unknown }) | null;
      resolve({
        error: coded && { message: coded.message, code: coded.code, errno: coded.errno },
        value: value instanceof Buffer ? { buffer: [...value] } : value,
        lastID: error ? undefined : this.lastID,
        changes: error ? undefined : this.changes,
        thisClass: error ? null : this.constructor.name,
      });
    });
  });
}

const SCRIPT: Call[] = [
  ['run', 'CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE NOT NULL, n REAL, b BLOB, x)'],
  ['run', 'CREATE TABLE c (id INTEGER PRIMARY KEY, tId INTEGER REFERENCES t(id) ON DELETE CASCADE)'],
  ['run', 'PRAGMA foreign_keys = ON'],
  ['run', 'INSERT INTO t (name, n) VALUES ($1, $2)', { $1: 'one', $2: 1.5 }],
  ['run', 'INSERT INTO t (name, n, x) VALUES (?, ?, ?)', ['two', 2, true]],
  ['run', 'INSERT INTO t (name, n, x) VALUES (?, ?, ?)', 'three', 3000000000, undefined],
  ['run', 'INSERT INTO t (name, b, x) VALUES (?, ?, ?)', ['four', Buffer.from([1, 2, 255]), { a: 1 }]],
  ['run', 'INSERT INTO t (name, x) VALUES (?, ?)', ['five', /re/g]],
  ['run', 'INSERT INTO t (name) VALUES (?), (?), (?)', ['six', 'seven', 'eight']],
  ['run', 'INSERT INTO c (tId) VALUES (1), (2)'],
  ['all', 'SELECT * FROM t ORDER BY id'],
  ['get', 'SELECT name, n FROM t WHERE id > ?', [1]],
  ['get', 'SELECT name FROM t WHERE id = 999'],
  ['all', 'SELECT b FROM t WHERE b IS NOT NULL'],
  ['run', 'UPDATE t SET n = n + 1'],
  ['run', 'INSERT INTO t (name) VALUES (?)', ['one']],
  ['run', 'INSERT INTO t (name) VALUES (NULL)'],
  ['run', 'INSERT INTO c (tId) VALUES (42)'],
  ['all', 'SELECT * FROM nowhere'],
  ['all', 'SELEC 1'],
  ['run', 'INSERT INTO t (nope) VALUES (1)'],
  ['run', 'DELETE FROM t WHERE id = 1'],
  ['all', 'SELECT count(*) AS n FROM c'],
  ['all', 'SELECT 1 AS a; SELECT 2 AS a'],
  ['run', 'BEGIN'],
  ['run', 'BEGIN'],
  ['run', 'ROLLBACK'],
  ['all', 'PRAGMA table_info(t)'],
  ['all', 'SELECT 1 AS a, 2 AS a'],
];

describe('sql.js sqlite3 adapter', () => {
  let adapter: Sqlite3Module;
  beforeAll(async () => {
    const SQL = await loadSqlJsInNode();
    adapter = createSqljsSqlite3Module(() => new SQL.Database());
  });

  it('answers every call as node-sqlite3 does', async () => {
    const [ours, native] = [await open(adapter), await open(sqlite3)];
    for (const step of SCRIPT) {
      const [got, want] = [await call(ours, step), await call(native, step)];
      expect({ step: step[1], ...got }).toEqual({ step: step[1], ...want });
    }
  });

  it('calls back asynchronously, with a Statement as `this`', async () => {
    const db = await open(adapter);
    let calledBack = false;
    const done = new Promise<string>((resolve) =>
      db.run('SELECT 1', [], function (this: object) {
        calledBack = true;
        resolve(this.constructor.name);
      }),
    );
    expect(calledBack).toBe(false);
    expect(await done).toBe('Statement');
  });

  it('reports a closed database like node-sqlite3', async () => {
    const [ours, native] = [await open(adapter), await open(sqlite3)];
    for (const db of [ours, native]) await new Promise((r) => (db as unknown as { close(cb: () => void): void }).close(() => r(null)));
    const [got, want] = [await call(ours, ['all', 'SELECT 1']), await call(native, ['all', 'SELECT 1'])];
    expect(got.error).toEqual(want.error);
  });
});
