/**
 * The engine's PostgreSQL: PGlite databases behind the pg adapter. PGlite is
 * loaded with a dynamic import, so that it is its own chunk and only a
 * Postgres scenario pays for it.
 *
 * Every mode is a real, separate database started from an exact copy of the
 * baseline, never a transaction rolled back afterwards: a wrapping
 * transaction changes what user code and Sequelize see (after a failed
 * statement every later one fails, where on a server the next one runs;
 * Sequelize's own START TRANSACTION/COMMIT would commit the wrapper; ALTER
 * TYPE … ADD VALUE cannot use the new value before commit; now() stops
 * moving; deferred constraints are never checked).
 *
 * How fast (Node 20, PGlite 0.5.16, two busy cores, min of 4–12):
 * - the empty cluster (pglite-cluster.ts): 18 MB instead of 40 MB (1 MB WAL
 *   segments, no postgres/template0 databases), made at build time (initdb,
 *   8–9 s, as before) and shipped;
 * - saving the baseline: CHECKPOINT + reading the files from the instance's
 *   MEMFS, 50–80 ms (was CHECKPOINT + dumpDataDir, 230–320 ms);
 * - starting an instance on a copy (pglite-datadir.ts: files written into
 *   MEMFS): 150–170 ms with the relation cache's init files and
 *   shared_buffers 4MB (pglite-cluster.ts); 300–340 ms without them, and
 *   770–1250 ms with `loadDataDir` and the 40 MB tarball;
 * - the next mode on the same baseline restores the started instance's
 *   memory and files (pglite-restart.ts): 20–35 ms, query included. Only the
 *   first mode of a run pays a start (and a mode after one that loaded a
 *   library, e.g. plpgsql for a DO block).
 */
import type { PGlite } from '@electric-sql/pglite';
import type { DatabaseHost } from './database-host';
import { createPglitePgModule, PASS_THROUGH_SERIALIZERS, rawTextParsers } from './drivers/pglite-pg-driver';
import { CLUSTER_DATABASE, initCluster, renameDatabase } from './pglite-cluster';
import { dataDirFs, readDataDir, type DataDir, type DataDirFs } from './pglite-datadir';
import { keepState, type Restartable } from './pglite-restart';
import { snapshotPostgres, type RawPgResult } from './postgres-snapshot';

type PgliteModule = typeof import('@electric-sql/pglite');

export interface PgliteHostOptions {
  /** Loads PGlite; by default `import('@electric-sql/pglite')`. */
  loadPglite?: () => Promise<PgliteModule>;
  /**
   * The files of the empty cluster made by `makeEmptyCluster`
   * (pglite-cluster.ts; its tarball unpacked by `untar`), to start from
   * instead of running initdb (seconds) in every host; the browser ships one.
   */
  emptyCluster?: () => Promise<DataDir>;
  /** The database that cluster holds; `playground` (makeEmptyCluster's default). */
  emptyClusterDatabase?: string;
  /**
   * PGlite's WebAssembly and file bundle, already fetched (the browser
   * fetches them itself to show the download's progress); PGlite fetches
   * them when absent.
   */
  artifacts?: { pgliteWasmModule: WebAssembly.Module; fsBundle: Blob };
  /**
   * Memory already written once (wasm-memory-pages.ts, touchedBuffer), for
   * the first baseline's kept memory to be copied into without faulting;
   * the browser makes it while PGlite downloads.
   */
  spareMemory?: ArrayBuffer;
  /**
   * The memory of the host's first instance, its pages already written
   * (wasm-memory-pages.ts, touchedWasmMemory): the browser makes it while
   * PGlite downloads. Later instances get the memory PGlite makes.
   */
  firstMemory?: WebAssembly.Memory;
}

export interface PgliteDatabase {
  /** This session's handle: it stops working once the session is closed. */
  pglite: PGlite;
  database: string;
}

/** A saved baseline: the state of the instance it was saved on, put back for each mode. */
export interface PgliteBaseline {
  state: Restartable;
}

/** The host's one running instance. */
interface Instance {
  pglite: PGlite;
  fs: DataDirFs;
}

/**
 * A handle on `pglite` for one session. The instance outlives the session
 * (it is restored for the next one), so a call user code left pending must
 * not reach the next session: after `end` the handle acts as a closed PGlite.
 */
function lease(pglite: PGlite): { handle: PGlite; end: () => void } {
  let ended = false;
  const handle = new Proxy(pglite, {
    get(target, key) {
      if (key === 'closed') return ended || target.closed;
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (!ended) return (value as (...a: unknown[]) => unknown).apply(target, args);
        // As a closed PGlite: async methods reject, the others throw.
        const error = new Error('PGlite is closed');
        if (value.constructor.name === 'AsyncFunction') return Promise.reject(error);
        throw error;
      };
    },
  });
  return { handle, end: () => (ended = true) };
}

/** The data directory's files, once every change is on disk. */
async function save(pglite: PGlite): Promise<DataDir> {
  await pglite.exec('CHECKPOINT');
  return readDataDir(pglite);
}

/** The instance's state, taken between queries (none of them half-way through its messages); its memory copied into `spare` if large enough. */
const keepIdleState = ({ pglite, fs }: Instance, spare: ArrayBuffer | null = null) =>
  pglite.runExclusive(async () => keepState(pglite, fs, spare));

/**
 * One instance serves every run: its state once the baseline is saved is
 * kept for each mode, and its state just after it started on the empty
 * cluster for every later run's baseline. The first run uses the instance
 * as it started; the instance that keeps the empty state is started once
 * that run is over (discardBaseline). A cold run pays one start (about
 * 0.3 s in Node), a re-run none.
 */
export function createPgliteHost(given: PgliteHostOptions = {}): DatabaseHost<PgliteDatabase, PgliteBaseline> & {
  /**
   * Starts PGlite on the empty cluster of `database` now unless it is ready
   * (the browser does so while the run's clock is stopped: starting is
   * loading, not the scenario's time).
   */
  prepare(database: string): Promise<void>;
  /** Closes the instance (the host still works: the next run starts one). */
  dispose(): Promise<void>;
} {
  // The memories are handed on, not kept with the options: each is freed
  // once what it was handed to is (the first instance's memory with it).
  const { firstMemory: givenFirstMemory, spareMemory: givenSpareMemory, ...options } = given;
  let loaded: Promise<PgliteModule> | null = null;
  const load = () => (loaded ??= options.loadPglite ? options.loadPglite() : import('@electric-sql/pglite'));

  /** Given to one instance only: an instance's memory is its own. */
  let firstMemory = givenFirstMemory;
  const startInstance = async (dataDir: DataDir, database: string): Promise<Instance> => {
    const { PGlite, MemoryFS } = await load();
    const memory = firstMemory;
    firstMemory = undefined;
    const fs = dataDirFs(MemoryFS, dataDir, memory);
    return { pglite: await PGlite.create({ fs, database, ...options.artifacts }), fs };
  };

  const clusterDatabase = options.emptyCluster ? (options.emptyClusterDatabase ?? CLUSTER_DATABASE) : CLUSTER_DATABASE;
  let cluster: Promise<DataDir> | null = null;
  /** The empty cluster (template1 and `clusterDatabase`), made or read once per host. */
  const emptyCluster = () =>
    (cluster ??= options.emptyCluster
      ? options.emptyCluster()
      : load().then(async ({ PGlite }) => {
          const pglite = await initCluster(PGlite, clusterDatabase);
          try {
            return await save(pglite);
          } finally {
            await pglite.close();
          }
        }));

  const withDatabase = new Map<string, Promise<DataDir>>();
  /** An empty cluster whose database is called `database`: the shipped one, or one rename away. */
  const emptyWith = (database: string): Promise<DataDir> => {
    if (database === clusterDatabase) return emptyCluster();
    let made = withDatabase.get(database);
    if (!made) {
      made = (async () => {
        const { pglite } = await startInstance(await emptyCluster(), 'template1');
        try {
          await renameDatabase(pglite, clusterDatabase, database);
          return await save(pglite);
        } finally {
          await pglite.close();
        }
      })();
      withDatabase.set(database, made);
    }
    return made;
  };

  let instance: Instance | null = null;
  /** The instance just after it started on the empty cluster of `database`; `state` once kept. */
  let emptyState: { database: string; state: Restartable | null } | null = null;
  /** The instance has run nothing since it started on the empty cluster: no restore needed. */
  let pristine = false;
  /** The start of the next run's instance, begun when a run ended (see discardBaseline). */
  let nextStart: Promise<void> | null = null;
  /**
   * A buffer for the next baseline's memory (keepMemory's `spare`): the
   * loader's, then each discarded baseline's. Reused, a PostgreSQL re-run's
   * baseline (12.7 MB) took 13–19 ms to keep instead of about 55 ms.
   */
  let spareMemory: ArrayBuffer | null = givenSpareMemory ?? null;
  const takeSpareMemory = () => {
    const spare = spareMemory;
    spareMemory = null;
    return spare;
  };

  /** Closes the instance, and with it every state kept of it. */
  const closeInstance = async () => {
    const old = instance;
    instance = null;
    emptyState = null;
    pristine = false;
    await old?.pglite.close();
  };

  /** Closes the instance and starts one on `dataDir` (one at a time: each holds 130 MB or more). */
  const replaceInstance = async (dataDir: DataDir, database: string): Promise<Instance> => {
    await closeInstance();
    return (instance = await startInstance(dataDir, database));
  };

  /**
   * Starts an instance on the empty cluster of `database`, and keeps that
   * state when `keep`. A run does not wait for the keep (the first on
   * PostgreSQL took 0.3–0.4 s in the browser: 10 MB copied out of 27 MB
   * read, on memory never touched before): it uses the instance as it
   * started, and the next run's is started and kept once it is over.
   */
  const startEmpty = async (database: string, keep: boolean) => {
    const started = await replaceInstance(await emptyWith(database), database);
    emptyState = { database, state: keep ? await keepIdleState(started) : null };
    pristine = true;
  };
  /** Waits for the next run's start if one is under way (a failed one is just not there: the run starts its own). */
  const settled = () => nextStart?.catch(() => undefined);

  const leases = new Map<PgliteDatabase, () => void>();
  const leased = (database: string): PgliteDatabase => {
    const { handle, end } = lease(instance!.pglite);
    const db = { pglite: handle, database };
    leases.set(db, end);
    return db;
  };

  return {
    dialect: 'postgres',
    async openEmpty(database) {
      await settled();
      const ready = emptyState?.database === database && (pristine || (emptyState.state?.restore() ?? false));
      if (!ready) await startEmpty(database, false);
      pristine = false;
      return leased(database);
    },
    prepare: async (database) => {
      await settled();
      if (emptyState?.database !== database) await startEmpty(database, false);
    },
    async saveBaseline({ pglite }) {
      // What the next connection to the database sees: no transaction,
      // settings or temporary tables of this session, every change on disk.
      if (pglite.isInTransaction()) await pglite.exec('ROLLBACK');
      await pglite.exec('DISCARD ALL');
      await pglite.exec('CHECKPOINT');
      return { state: await keepIdleState(instance!, takeSpareMemory()) };
    },
    async openFromBaseline(saved, database) {
      if (!saved.state.restore()) {
        // Another instance runs now, or this one loaded a library since
        // (see pglite-restart.ts): a new one on the baseline's files.
        const files = saved.state.files;
        saved.state = await keepIdleState(await replaceInstance(files, database), saved.state.release());
      }
      return leased(database);
    },
    connection: ({ pglite }) => ({ dialect: 'postgres', driver: createPglitePgModule(pglite) }),
    async snapshot({ pglite }) {
      // What a server shows another connection: a transaction user code left
      // open is not committed (and the session ends right after anyway).
      if (pglite.isInTransaction()) await pglite.exec('ROLLBACK');
      return snapshotPostgres(async (sql) => {
        const options = { rowMode: 'array' as const, parsers: rawTextParsers(pglite), serializers: PASS_THROUGH_SERIALIZERS };
        return (await pglite.query(sql, [], options)) as unknown as RawPgResult;
      });
    },
    async export({ pglite }) {
      await pglite.exec('CHECKPOINT');
      return new Uint8Array(await (await pglite.dumpDataDir('none')).arrayBuffer());
    },
    async close(db) {
      leases.get(db)?.();
      leases.delete(db);
    },
    async discardBaseline(saved) {
      // No mode restores it again: its memory's buffer is the next baseline's.
      spareMemory = saved.state.release() ?? spareMemory;
      // The run is over. If it used the instance as it started, the next
      // run's is started and kept now, after the result is posted (a task
      // later), while the page draws it and the person reads it.
      const database = emptyState?.database;
      if (database === undefined || emptyState?.state || pristine || nextStart) return;
      nextStart = new Promise<void>((resolve) => setTimeout(resolve, 0))
        .then(() => startEmpty(database, true))
        .finally(() => (nextStart = null));
      nextStart.catch(() => undefined);
    },
    async dispose() {
      await settled();
      await closeInstance();
    },
  };
}
