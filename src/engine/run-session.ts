/**
 * One database and one Sequelize instance running a list of phases: the
 * baseline's `setup`, or a mode's `models`, operation and `after`. Captures
 * what Sequelize logs and what user code prints, stops at the first error
 * and snapshots the database whatever happened.
 */
import { createCapturedConsole } from './captured-console';
import type { LogEntry, Phase, PhaseError, RunSection, Timings } from './result';
import type { DatabaseHost } from './database-host';
import { definedModels, type LoadedSequelize, type SequelizeInstance, type SequelizeModel } from './sequelize-versions';
import { classifyStatements } from './statement-classifier';
import { locateInUserCode, type Scope } from './user-code';

/** A phase's work: user code, or the mode's operation. */
export type PhaseStep = (sequelize: SequelizeInstance, scope: Scope) => Promise<unknown>;

export interface SessionOptions<Db, Saved> {
  host: DatabaseHost<Db, Saved>;
  sequelize: LoadedSequelize;
  database: string;
  /** The saved baseline to start from, or null for an empty database. */
  from: Saved | null;
  phases: ReadonlyArray<readonly [Phase, PhaseStep]>;
  /** Save the database when the phases are done (the baseline, for the modes). */
  saveBaseline: boolean;
  /** Export the database's bytes when the phases are done. */
  exportBytes: boolean;
  /** Called as each phase starts, and with null once the phases are over (the runner's own work follows). */
  onPhase?: (phase: Phase | null) => void;
}

export interface SessionResult<Saved> extends RunSection {
  timings: Timings;
  /** Table names of the models defined by the end of the run. */
  modelTables: string[];
  saved: Saved | null;
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

function tableNameOf(model: SequelizeModel): string {
  if (model.table) return model.table.tableName;
  const name = model.getTableName();
  return typeof name === 'string' ? name : name.tableName;
}

/** sequelize-pool's Pool, as far as `releaseBorrowedConnections` reaches into it. */
interface BorrowingPool {
  _inUseObjects?: Array<{ resource: unknown }>;
  destroy(resource: unknown): Promise<void>;
}

/**
 * The pinned release's sequelize-pool pools: 7 has `sequelize.pool`, whose
 * `write` (and `read`, with replication) are sequelize-pool's; 6 has
 * `connectionManager.pool` (a getter that throws in 7, so asked second).
 */
function poolsOf(sequelize: SequelizeInstance): BorrowingPool[] {
  const replication = (sequelize as unknown as { pool?: { write?: BorrowingPool; read?: BorrowingPool | null } }).pool;
  if (replication?.write) return replication.read ? [replication.write, replication.read] : [replication.write];
  const pool = (sequelize as unknown as { connectionManager?: { pool?: BorrowingPool } }).connectionManager?.pool;
  return pool ? [pool] : [];
}

/**
 * A connection user code never gave back (an unmanaged transaction left
 * open) makes Sequelize 6's `close()` wait for it forever: sequelize-pool's
 * drain polls until every connection is returned. A real process would hang
 * there; the run ends those sessions instead, as a server does when a client
 * goes away. Reaches into the pinned releases' pools; a no-op for SQLite on
 * 6, whose dialect never borrows from the pool.
 */
async function releaseBorrowedConnections(sequelize: SequelizeInstance): Promise<void> {
  for (const pool of poolsOf(sequelize)) {
    for (const { resource } of [...(pool._inUseObjects ?? [])]) await pool.destroy(resource);
  }
}

export async function runSession<Db, Saved>(options: SessionOptions<Db, Saved>): Promise<SessionResult<Saved>> {
  const { host, sequelize: loaded } = options;
  const db = options.from === null ? await host.openEmpty(options.database) : await host.openFromBaseline(options.from, options.database);
  const entries: Array<Omit<LogEntry, 'kind' | 'destructive'>> = [];
  const consoleLines: string[] = [];
  let phase: Phase = options.phases[0]?.[0] ?? 'setup';
  let error: PhaseError | null = null;

  const { Sequelize, DataTypes, Model, Op } = loaded.module;
  const sequelize = new Sequelize({
    ...(await loaded.options(host.connection(db), options.database)),
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
    options.onPhase?.(name);
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

  options.onPhase?.(null);
  const modelTables = definedModels(sequelize).map(tableNameOf);
  const snapshotStarted = performance.now();
  const tables = await host.snapshot(db);
  timings.snapshot = elapsed(snapshotStarted);
  const saved = options.saveBaseline ? await host.saveBaseline(db) : null;
  // A SQLite baseline is saved as the file's bytes: no need to export twice.
  const bytes = !options.exportBytes ? null : saved instanceof Uint8Array ? saved : await host.export(db);
  try {
    await releaseBorrowedConnections(sequelize);
    await sequelize.close();
  } catch {
    // Closing can fail after user code closed it; the result is already taken.
  }
  await host.close(db);

  const classes = classifyStatements(entries.map((entry) => entry.sql));
  const log: LogEntry[] = entries.map((entry, i) => ({ ...entry, kind: 'write', destructive: false, ...classes[i] }));
  return { log, error, console: consoleLines, tables, timings, modelTables, saved, bytes };
}
