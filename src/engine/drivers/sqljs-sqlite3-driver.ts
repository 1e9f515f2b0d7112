/**
 * The subset of node-sqlite3's API that Sequelize's sqlite dialects use,
 * implemented over sql.js, so that real, unmodified Sequelize runs on SQLite
 * compiled to WebAssembly. Passed to Sequelize 6 as `dialectModule`, to 7 as
 * `sqlite3Module`.
 *
 * What must match native sqlite3 for Sequelize to behave the same (each point
 * read from node-sqlite3's `src/statement.cc` and `lib/sqlite3.js`):
 * - callbacks are asynchronous and run with a `Statement` as `this`, which
 *   carries `lastID` and `changes` after `run`;
 * - `Statement`'s class name is `Statement` even after minification
 *   (Sequelize checks `metaData.constructor.name === 'Statement'` to give
 *   `bulkCreate` its ids);
 * - errors are `Error('SQLITE_ERROR: …')` with `errno` and `code`, the primary
 *   result code, so Sequelize picks the same error class;
 * - parameters bind as node-sqlite3 binds them (booleans as 0/1, `undefined`
 *   as NULL, Dates as milliseconds, other objects as '[object Object]');
 * - `run` steps once, `all` steps to the end; only the first statement of
 *   the text runs.
 *
 * The adapter never frees a sql.js database: whoever passes `openDatabase`
 * owns them (the runner snapshots and exports them after Sequelize closes).
 */
import { createCallQueue } from './event-loop-turns';
import { Buffer } from 'buffer';
import type { BindParams, Database as SqlJsDatabase, SqlValue } from 'sql.js';
import { sqliteCodeFromMessage, sqliteCodeName } from './sqlite-result-codes';

/** Opens the sql.js database behind a `new Database(filename)` call. */
export type OpenSqlJsDatabase = (filename: string) => SqlJsDatabase;

export type Sqlite3Callback = (this: Statement, error: Error | null, rows?: unknown) => void;
type Row = Record<string, unknown>;
type Params = SqlValue[] | Record<string, SqlValue>;
type Method = 'run' | 'get' | 'all';

/** What node-sqlite3 puts on its errors. */
export interface Sqlite3Error extends Error {
  errno: number;
  code: string;
}

/** The `this` of every callback: the statement that ran. */
export class Statement {
  lastID?: number;
  changes?: number;
  declare readonly sql: string;
  constructor(sql: string) {
    Object.defineProperty(this, 'sql', { value: sql });
  }
}
// Sequelize reads `constructor.name`; a minifier would rename the class.
Object.defineProperty(Statement, 'name', { value: 'Statement' });

function toSqlValue(value: unknown): SqlValue {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === null || value === undefined) return null;
  if (value instanceof Uint8Array) return value;
  // node-sqlite3 binds a Date as a float; sql.js picks int or float by value.
  if (value instanceof Date) return value.getTime();
  if (value instanceof RegExp) return String(value);
  if (typeof value === 'object' || typeof value === 'function') return '[object Object]';
  return null; // bigint, symbol: node-sqlite3 leaves the parameter unbound
}

function isNamedParams(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Uint8Array) &&
    !(value instanceof Date) &&
    !(value instanceof RegExp)
  );
}

/** Splits `(params…, callback?)` the way node-sqlite3's `Statement::Bind` does. */
function splitArguments(args: unknown[]): { params: Params | null; callback?: Sqlite3Callback } {
  const last = args[args.length - 1];
  const callback = typeof last === 'function' ? (last as Sqlite3Callback) : undefined;
  const values = callback ? args.slice(0, -1) : args;
  if (values.length === 0) return { params: null, callback };
  const first = values[0];
  if (Array.isArray(first)) return { params: first.map(toSqlValue), callback };
  if (values.length === 1 && isNamedParams(first)) {
    const named: Record<string, SqlValue> = {};
    for (const [key, value] of Object.entries(first)) named[key] = toSqlValue(value);
    return { params: named, callback };
  }
  return { params: values.map(toSqlValue), callback };
}

function toRow(columns: string[], values: SqlValue[]): Row {
  const row: Row = {};
  columns.forEach((column, i) => {
    const value = values[i];
    // node-sqlite3 hands blobs out as Buffers; Sequelize's parsers expect that.
    row[column] = value instanceof Uint8Array ? Buffer.from(value) : value;
  });
  return row;
}

function sqlite3Error(code: number, message: string): Sqlite3Error {
  const name = sqliteCodeName(code);
  return Object.assign(new Error(`${name}: ${message}`), { errno: code & 0xff, code: name });
}

/** A sql.js database wrapped to remember the result code of its last failure. */
class CodedConnection {
  private lastCode = 0;
  constructor(readonly db: SqlJsDatabase) {
    const internal = db as unknown as { handleError(code: number): unknown };
    const handleError = internal.handleError.bind(db);
    // sql.js turns every non-zero result code into a bare Error(message) in
    // handleError; catching the code there keeps SQLITE_CONSTRAINT & co exact.
    internal.handleError = (code: number) => {
      if (code !== 0) this.lastCode = code;
      return handleError(code);
    };
  }

  /**
   * Runs the first statement of `sql`: `run` steps once and keeps no row,
   * `get` keeps the first row, `all` steps to the end.
   */
  execute(sql: string, params: Params | null, method: Method): { rows: Row[]; error: Sqlite3Error | null } {
    this.lastCode = 0;
    const rows: Row[] = [];
    try {
      const statement = this.db.prepare(sql);
      try {
        if (params) statement.bind(params as BindParams);
        const columns = statement.getColumnNames();
        while (statement.step()) {
          if (method === 'run') break;
          rows.push(toRow(columns, statement.get()));
          if (method === 'get') break;
        }
      } finally {
        statement.free();
      }
    } catch (thrown) {
      // sql.js throws the string 'Nothing to prepare' for empty or comment-only text.
      if (thrown === 'Nothing to prepare') return { rows, error: null };
      const message = thrown instanceof Error ? thrown.message : String(thrown);
      return { rows, error: sqlite3Error(this.lastCode || sqliteCodeFromMessage(message), message) };
    }
    return { rows, error: null };
  }

  /** `sqlite3_last_insert_rowid` and `sqlite3_changes`, which sql.js does not export. */
  counters(): { lastID: number; changes: number } {
    const result = this.db.exec('SELECT last_insert_rowid()');
    return { lastID: Number(result[0]?.values[0]?.[0] ?? 0), changes: this.db.getRowsModified() };
  }
}

/** The module object Sequelize receives as `dialectModule` (6) or `sqlite3Module` (7). */
export interface Sqlite3Module {
  OPEN_READONLY: number;
  OPEN_READWRITE: number;
  OPEN_CREATE: number;
  OPEN_FULLMUTEX: number;
  OPEN_SHAREDCACHE: number;
  OPEN_PRIVATECACHE: number;
  OPEN_URI: number;
  Database: new (filename: string, mode?: number | Sqlite3Callback, callback?: Sqlite3Callback) => object;
  Statement: typeof Statement;
  verbose(): Sqlite3Module;
}

export function createSqljsSqlite3Module(openDatabase: OpenSqlJsDatabase): Sqlite3Module {
  const later = createCallQueue();

  class Database {
    declare readonly filename: string;
    open = false;
    private connection: CodedConnection | null = null;

    constructor(filename: string, mode?: number | Sqlite3Callback, callback?: Sqlite3Callback) {
      Object.defineProperty(this, 'filename', { value: filename });
      const done = typeof mode === 'function' ? mode : callback;
      later(() => {
        let error: Error | null = null;
        try {
          this.connection = new CodedConnection(openDatabase(filename));
          this.open = true;
        } catch (thrown) {
          error = sqlite3Error(14, thrown instanceof Error ? thrown.message : String(thrown));
        }
        done?.call(new Statement(''), error);
      });
    }

    serialize(callback?: () => void): this {
      callback?.();
      return this;
    }

    parallelize(callback?: () => void): this {
      callback?.();
      return this;
    }

    configure(): this {
      return this;
    }

    run(sql: string, ...args: unknown[]): this {
      this.perform(sql, args, 'run');
      return this;
    }

    all(sql: string, ...args: unknown[]): this {
      this.perform(sql, args, 'all');
      return this;
    }

    get(sql: string, ...args: unknown[]): this {
      this.perform(sql, args, 'get');
      return this;
    }

    /** Runs every statement of `sql`, like `sqlite3_exec`. */
    exec(sql: string, callback?: (error: Error | null) => void): this {
      later(() => {
        const connection = this.connection;
        let error: Error | null = connection ? null : sqlite3Error(21, 'Database is closed');
        if (connection) {
          try {
            connection.db.exec(sql);
          } catch (thrown) {
            const message = thrown instanceof Error ? thrown.message : String(thrown);
            error = sqlite3Error(sqliteCodeFromMessage(message), message);
          }
        }
        callback?.call(this, error);
      });
      return this;
    }

    close(callback?: (error: Error | null) => void): void {
      later(() => {
        this.connection = null;
        this.open = false;
        callback?.call(this, null);
      });
    }

    private perform(sql: string, args: unknown[], method: Method): void {
      const { params, callback } = splitArguments(args);
      const statement = new Statement(sql);
      later(() => {
        const connection = this.connection;
        if (!connection) {
          callback?.call(statement, sqlite3Error(21, 'Database is closed'));
          return;
        }
        const { rows, error } = connection.execute(sql, params, method);
        if (!error && method === 'run') Object.assign(statement, connection.counters());
        const result = method === 'get' ? rows[0] : method === 'all' ? rows : undefined;
        if (error) callback?.call(statement, error);
        else callback?.call(statement, null, result);
      });
    }
  }

  const sqlite3: Sqlite3Module = {
    // Flag values from sqlite3.h, as node-sqlite3 exports them.
    OPEN_READONLY: 0x00000001,
    OPEN_READWRITE: 0x00000002,
    OPEN_CREATE: 0x00000004,
    OPEN_FULLMUTEX: 0x00010000,
    OPEN_SHAREDCACHE: 0x00020000,
    OPEN_PRIVATECACHE: 0x00040000,
    OPEN_URI: 0x00000040,
    Database,
    Statement,
    verbose: () => sqlite3,
  };
  return sqlite3;
}
