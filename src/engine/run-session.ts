/**
 * One database and one Sequelize instance running a list of phases: the
 * baseline's `setup`, or a mode's `models`, operation and `after`. Captures
 * what Sequelize logs and what user code prints, stops at the first error
 * and snapshots the database whatever happened.
 */
import { createCapturedConsole } from './captured-console';
import type { LogEntry, Phase, PhaseError, RunSection, Timings } from './result';
import type { LoadedSequelize, SequelizeInstance } from './sequelize-versions';
import type { SqliteHost } from './sqlite-host';
import { snapshotSqlite } from './sqlite-snapshot';
import { classifyStatements } from './statement-classifier';
import { locateInUserCode, type Scope } from './user-code';

/** A phase's work: user code, or the mode's operation. */
export type PhaseStep = (sequelize: SequelizeInstance, scope: Scope) => Promise<unknown>;

export interface SessionOptions<Db> {
  host: SqliteHost<Db>;
  sequelize: LoadedSequelize;
  database: string;
  /** The database to start from, or null for an empty one. */
  bytes: Uint8Array | null;
  phases: ReadonlyArray<readonly [Phase, PhaseStep]>;
  /** Keep the database's bytes (the baseline needs them for the modes). */
  exportBytes: boolean;
}

export interface SessionResult extends RunSection {
  timings: Timings;
  /** Table names of the models defined by the end of the run. */
  modelTables: string[];
  bytes: Uint8Array | null;
}

const LOG_PREFIX = /^Executing \([^)]*\): /;

/** Bind parameters as JSON can carry them. */
function plainParams(bind: unknown): unknown {
  return JSON.parse(
    JSON.stringify(bind, (_key, value: unknown) => {
      if (typeof value === 'bigint') return value.toString();
      if (value instanceof Uint8Array) return `<${value.length} bytes>`;
      if (value && typeof value === 'object' && (value as { type?: unknown }).type === 'Buffer') return '<bytes>';
      return value;
    }),
  );
}

export function toPhaseError(phase: Phase, thrown: unknown): PhaseError {
  const error: PhaseError =
    thrown instanceof Error
      ? { phase, name: thrown.name, message: thrown.message }
      : { phase, name: 'Error', message: String(thrown) };
  const location = locateInUserCode(thrown);
  if (location) error.location = location;
  return error;
}

function tableNameOf(model: { getTableName(): string | { tableName: string } }): string {
  const name = model.getTableName();
  return typeof name === 'string' ? name : name.tableName;
}

export async function runSession<Db>(options: SessionOptions<Db>): Promise<SessionResult> {
  const { host, sequelize: loaded } = options;
  const db = await host.open(options.bytes);
  const entries: Array<Omit<LogEntry, 'kind' | 'destructive'>> = [];
  const consoleLines: string[] = [];
  let phase: Phase = options.phases[0]?.[0] ?? 'setup';
  let error: PhaseError | null = null;

  const { Sequelize, DataTypes, Model, Op } = loaded.module;
  const sequelize = new Sequelize({
    dialect: 'sqlite',
    storage: ':memory:',
    database: options.database,
    dialectModule: host.dialectModule(db),
    logging: (message: string, queryOptions?: { bind?: unknown }) => {
      const entry: Omit<LogEntry, 'kind' | 'destructive'> = { phase, sql: message.replace(LOG_PREFIX, '') };
      if (queryOptions?.bind !== undefined) entry.params = plainParams(queryOptions.bind);
      entries.push(entry);
    },
  });
  const scope: Scope = {
    sequelize,
    Sequelize,
    DataTypes,
    Model,
    Op,
    console: createCapturedConsole(consoleLines),
    require: (name: string) => {
      if (name === loaded.packageName) return loaded.module;
      throw new Error(`require('${name}') is not available here: only '${loaded.packageName}' is`);
    },
  };

  const timings: Timings = {};
  const elapsed = (since: number) => Math.round((performance.now() - since) * 100) / 100;
  for (const [name, step] of options.phases) {
    phase = name;
    const started = performance.now();
    try {
      await step(sequelize, scope);
    } catch (thrown) {
      error = toPhaseError(name, thrown);
      break;
    } finally {
      timings[name] = elapsed(started);
    }
  }

  const modelTables = Object.values(sequelize.models).map(tableNameOf);
  const snapshotStarted = performance.now();
  const tables = await snapshotSqlite(host.query(db));
  timings.snapshot = elapsed(snapshotStarted);
  const bytes = options.exportBytes ? await host.export(db) : null;
  try {
    await sequelize.close();
  } catch {
    // Closing can fail after user code closed it; the result is already taken.
  }
  await host.close(db);

  const classes = classifyStatements(entries.map((entry) => entry.sql));
  const log: LogEntry[] = entries.map((entry, i) => ({ ...entry, kind: 'write', destructive: false, ...classes[i] }));
  return { log, error, console: consoleLines, tables, timings, modelTables, bytes };
}
