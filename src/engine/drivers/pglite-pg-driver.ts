/**
 * The subset of node-postgres (`pg` 8) that Sequelize's postgres dialect
 * uses, over PGlite, so that real, unmodified Sequelize runs on PostgreSQL
 * compiled to WebAssembly. Passed to Sequelize 6 as `dialectModule`, to 7 as
 * `pgModule`.
 *
 * What must match `pg` for Sequelize to behave the same (read from
 * sequelize/lib/dialects/postgres/connection-manager.js and query.js, and
 * pg/lib/client.js, query.js, result.js):
 * - `new Client(config)` is an event emitter with a `connection` emitter that
 *   reports `parameterStatus` (`server_version`, `standard_conforming_strings`)
 *   before `connect`'s callback runs;
 * - `query(text, callback)` and `query(text, values, callback)` (or promise
 *   form) answer `{ command, rowCount, rows, fields }`, or one such result
 *   per statement when text without values holds several statements (the
 *   simple query protocol: PGlite's `exec`); with values, one statement
 *   through the extended protocol (PGlite's `query`);
 * - values are parsed from PostgreSQL's text format by the type parsers
 *   `config.types.getTypeParser(oid, 'text')` hands out (Sequelize passes its
 *   own, falling back to `types`, which is pg's own `pg-types`); PGlite is
 *   asked for raw text so that no value is parsed twice;
 * - parameters are converted as pg converts them (./pg-parameters);
 * - server errors are pg-protocol `DatabaseError`s (./pg-errors), so that
 *   Sequelize maps `code` to the same error classes;
 * - callbacks run asynchronously and queries run in submission order.
 *
 * Every Client shares the one PGlite database it was created with, as every
 * connection to a server reaches the same database; `end()` leaves it open
 * (its owner closes it) but ends the session as a disconnect would: an open
 * transaction is rolled back and session state is discarded.
 */
import { asyncDatabaseCall, recordWork, turnIfDue } from './event-loop-turns';
import type { PGlite } from '@electric-sql/pglite';
import pgTypes from 'pg-types';
import { toPgError } from './pg-errors';
import { prepareValue } from './pg-parameters';
import { SmallEventEmitter } from './small-event-emitter';

/** What pg's `types` option and module export provide. */
export interface TypeParsers {
  getTypeParser(oid: number, format?: string): (text: string) => unknown;
}

export interface PgField {
  name: string;
  dataTypeID: number;
}

/** pg's `Result`, as far as Sequelize and user code read it. */
export interface PgResult {
  command: string | null;
  rowCount: number | null;
  rows: Record<string, unknown>[];
  fields: PgField[];
}

type QueryCallback = (error: Error | null, result?: PgResult | PgResult[]) => void;

/** The part of a PGlite instance the driver uses. */
export type PgliteDatabase = Pick<PGlite, 'query' | 'exec' | 'isInTransaction' | 'parsers' | 'waitReady' | 'closed'>;

type RawResult = { rows: unknown[][]; fields: PgField[]; command?: string; rowCount?: number };

/** PGlite's serializers would turn 'false' into 't': parameters arrive already prepared. */
export const PASS_THROUGH_SERIALIZERS = new Proxy({}, { get: () => (value: unknown) => value });

/** The parameters pg's server reports at startup that the driver reports too. */
const REPORTED_PARAMETERS = ['client_encoding', 'DateStyle', 'server_version', 'standard_conforming_strings', 'TimeZone'];

/** Identity parsers for every type PGlite would otherwise parse itself. */
export function rawTextParsers(db: PgliteDatabase): Record<string, (text: string) => string> {
  const parsers: Record<string, (text: string) => string> = {};
  for (const oid of Object.keys(db.parsers)) parsers[oid] = (text) => text;
  return parsers;
}

/** pg's two call forms: the promise when no callback is given, else the callback with the outcome. */
function settle<T>(promise: Promise<T>, callback: ((error: Error | null, value?: T) => void) | undefined): Promise<T> | undefined {
  if (!callback) return promise;
  promise.then(
    (value) => callback(null, value),
    (error: Error) => callback(error),
  );
  return undefined;
}

function toResult(raw: RawResult, types: TypeParsers): PgResult {
  const parsers = raw.fields.map((field) => types.getTypeParser(field.dataTypeID, 'text'));
  const rows = raw.rows.map((values) => {
    const row: Record<string, unknown> = {};
    raw.fields.forEach((field, i) => {
      const text = values[i];
      row[field.name] = text === null || text === undefined ? null : (parsers[i] as (text: string) => unknown)(String(text));
    });
    return row;
  });
  return {
    command: raw.command ?? null,
    rowCount: raw.rowCount ?? null,
    rows,
    fields: raw.fields.map(({ name, dataTypeID }) => ({ name, dataTypeID })),
  };
}

export interface PgModule {
  Client: new (config?: { types?: TypeParsers }) => SmallEventEmitter;
  types: typeof pgTypes;
  native: null;
}

export function createPglitePgModule(db: PgliteDatabase): PgModule {
  class Client extends SmallEventEmitter {
    readonly connection = new SmallEventEmitter();
    _ending = false;
    _connected = false;
    private readonly types: TypeParsers;
    private queue: Promise<unknown> = Promise.resolve();

    constructor(config: { types?: TypeParsers } = {}) {
      super();
      this.types = config.types ?? pgTypes;
    }

    connect(callback?: (error: Error | null) => void): Promise<void> | undefined {
      const connected = this.enqueue(async () => {
        await db.waitReady;
        const selects = REPORTED_PARAMETERS.map((name) => `current_setting('${name}') AS "${name}"`).join(', ');
        const { rows } = await db.query<Record<string, string>>(`SELECT ${selects}`);
        for (const [parameterName, parameterValue] of Object.entries(rows[0] ?? {})) {
          this.connection.emit('parameterStatus', { name: 'parameterStatus', parameterName, parameterValue });
        }
        this._connected = true;
        this.emit('connect');
      });
      return settle(connected, callback);
    }

    query(
      config: string | { text: string; values?: unknown[] },
      values?: unknown[] | QueryCallback,
      callback?: QueryCallback,
    ): Promise<PgResult | PgResult[]> | undefined {
      const text = typeof config === 'string' ? config : config.text;
      const done = typeof values === 'function' ? values : callback;
      const params = Array.isArray(values) ? values : typeof config === 'string' ? undefined : config.values;
      const result = this._ending
        ? Promise.reject(new Error('Client was closed and is not queryable'))
        : this.enqueue(() => this.run(text, params));
      return settle(result, done);
    }

    end(callback?: (error: Error | null) => void): Promise<void> | undefined {
      this._ending = true;
      const ended = this.enqueue(async () => {
        // A server ends a disconnected session: the next Client must not
        // inherit its transaction, settings or temporary tables. A Client
        // user code forgot may end (idle) after the run closed the database.
        if (!db.closed) {
          if (db.isInTransaction()) await db.exec('ROLLBACK');
          await db.exec('DISCARD ALL');
        }
        this.emit('end');
      });
      return settle(ended, callback);
    }

    /** Runs `work` after every earlier call; its outcome arrives asynchronously. */
    private enqueue<T>(work: () => Promise<T>): Promise<T> {
      const next = this.queue.then(work, work);
      this.queue = next.catch(() => undefined);
      return next;
    }

    private async run(text: string, values: unknown[] | undefined): Promise<PgResult | PgResult[]> {
      // PGlite answers in microtasks: let the worker take other events now and then (./event-loop-turns.ts).
      await turnIfDue();
      const started = performance.now();
      const options = { rowMode: 'array' as const, parsers: rawTextParsers(db), serializers: PASS_THROUGH_SERIALIZERS };
      try {
        if (values && values.length > 0) {
          const prepared = values.map((value) => prepareValue(value));
          const raw = await asyncDatabaseCall(() => db.query<unknown[]>(text, prepared, options));
          return toResult(raw as RawResult, this.types);
        }
        const raws = (await asyncDatabaseCall(() => db.exec(text, options))) as RawResult[];
        const results = raws.map((raw) => toResult(raw, this.types));
        return results.length === 1 ? (results[0] as PgResult) : results;
      } catch (error) {
        throw toPgError(error);
      } finally {
        recordWork(performance.now() - started);
      }
    }
  }

  return { Client, types: pgTypes, native: null };
}
