/**
 * The worker's PostgreSQL, loaded on first use: Sequelize's postgres dialect
 * and PGlite are their own chunks, fetched only when a Postgres scenario
 * runs, and one PGlite host serves every later run (it keeps the empty
 * cluster it starts each baseline from).
 */
import type { createPgliteHost } from '../engine/pglite-host';
// Their URLs (a few bytes each, in this first chunk), so that the downloads
// start the moment PostgreSQL is chosen. Imported on demand, each waited for
// the worker to finish compiling PGlite's JavaScript chunk (which arrives
// first) and started about 0.15 s later; the download of PGlite's
// WebAssembly is the longest wait of the switch.
import initdbWasmUrl from '@electric-sql/pglite/initdb.wasm?url';
import pgliteDataUrl from '@electric-sql/pglite/pglite.data?url';
import pgliteWasmUrl from '@electric-sql/pglite/pglite.wasm?url';
// The app's own files come through a download function passed in, not a
// global: PGlite loads on the first Postgres run, after the sandbox has
// removed the network from user code's reach (./sandbox.ts); the worker
// entry kept this one.
import { readAhead, type Download } from './engine-download';
import { loadPostgresDialect } from './postgres-dialect';

/** Reports what the run waits for, in words, while PostgreSQL loads; `done` once loaded. */
export type LoadingNote = (note: string, done?: boolean) => void;

type PgliteHost = ReturnType<typeof createPgliteHost>;

let host: Promise<PgliteHost> | null = null;
let loaded: PgliteHost | null = null;

/**
 * The files of the empty cluster made at build time (a gzip tarball): the
 * browser never runs initdb. Unpacked as soon as it is here (0.2 s on
 * these machines), while PGlite's larger files are still downloading.
 */
async function fetchEmptyCluster(download: Download) {
  // Its URL stays a chunk of its own: under the dev server, that module
  // waits for the cluster to be made (initdb, seconds on a fresh clone),
  // which must not hold up the worker's start.
  const tarball = import('virtual:pg-empty-cluster').then(({ default: url }) => download(url, 'blob'));
  const [{ untar }, blob] = await Promise.all([import('../engine/pglite-datadir'), tarball]);
  return untar(blob);
}

const megabytes = (bytes: number) => (bytes / 1_000_000).toFixed(1);
/** The least time between two download progress messages. */
const PROGRESS_INTERVAL_MS = 200;

/**
 * PGlite's WebAssembly and file bundle (about 15 MB, 5 MB compressed), with
 * the download's progress in words. Compiled once downloaded: streaming
 * compilation would need the bytes through a JavaScript stream to count
 * them, which was slower than compiling after (./engine-download.ts).
 */
async function fetchArtifacts(download: Download, note: LoadingNote) {
  const progress = new Map<string, { bytes: number; total: number }>();
  let shown = '';
  let shownAt = 0;
  const report = (url: string) => (bytes: number, total: number) => {
    progress.set(url, { bytes, total });
    // A few messages a second, not one per event: each one redraws the
    // page, whose main thread shares this machine's two cores with the
    // download and with PGlite's start (from localhost, a tenth of a
    // megabyte at a time was about 75 redraws in half a second).
    const now = performance.now();
    if (now - shownAt < PROGRESS_INTERVAL_MS) return;
    const all = [...progress.values()];
    const got = all.reduce((sum, p) => sum + p.bytes, 0);
    // A compressed response's total is its compressed length, or unknown (0).
    const of = all.length === 2 && all.every((p) => p.total >= p.bytes && p.total > 0) ? ` of ${megabytes(all.reduce((sum, p) => sum + p.total, 0))}` : '';
    const text = `Downloading PostgreSQL (PGlite, once): ${megabytes(got)}${of} MB…`;
    if (text === shown) return;
    note((shown = text));
    shownAt = now;
  };
  // The WebAssembly compiles as soon as it is here, while the rest downloads.
  const [pgliteWasmModule, fsBundle] = await Promise.all([
    download(pgliteWasmUrl, 'arraybuffer', report(pgliteWasmUrl)).then((wasm) => WebAssembly.compile(wasm)),
    download(pgliteDataUrl, 'blob', report(pgliteDataUrl)).then(readAhead),
  ]);
  return { pgliteWasmModule, fsBundle };
}

/**
 * initdb's WebAssembly (0.3 MB). The playground never runs initdb (every
 * baseline starts from the shipped cluster), but PGlite starts downloading
 * it with the global `fetch` whenever it is not given one, and the sandbox
 * has removed that (an unhandled "fetch is not a function" in the worker).
 * So the engine's download gets it: the same bytes PGlite downloaded before.
 */
async function compileInitdb(download: Download): Promise<WebAssembly.Module> {
  return WebAssembly.compile(await download(initdbWasmUrl, 'arraybuffer'));
}

type MemoryPages = typeof import('../engine/wasm-memory-pages');
/**
 * Memory written once while the downloads keep this thread waiting,
 * rather than faulted in page by page while the person waits for results:
 * `write` runs a task later (the downloads are asked for first), each in a
 * task of its own.
 */
const writtenMeanwhile = async <T>(write: (pages: MemoryPages) => T): Promise<T> => {
  const pages = await import('../engine/wasm-memory-pages');
  return new Promise<T>((resolve) => setTimeout(() => resolve(write(pages)), 0));
};

/**
 * Memory for the first baseline's kept state (pglite-host.ts, spareMemory).
 * A seed-sized baseline keeps 12.7 MB; a larger one takes a new buffer.
 */
const SPARE_MEMORY_BYTES = 16 * 1024 * 1024;
/**
 * How much of the first instance's memory is written ahead (see
 * touchedWasmMemory): in the seed's first run Postgres's heap top is at
 * 28 MB once the baseline is saved, and at 34 MB after alter. Cold switches
 * 3613 → 3500 and 3896 → 3843 ms with 32 MB written (medians of 8 and 10,
 * alternating builds).
 */
const FIRST_MEMORY_WRITTEN_BYTES = 40 * 1024 * 1024;

async function load(note: LoadingNote, download: Download): Promise<PgliteHost> {
  note('Downloading PostgreSQL (PGlite, once)…');
  // Everything is fetched here, while the run's clock is stopped.
  const [{ createPgliteHost }, cluster, artifacts, initdbWasmModule, , spareMemory, firstMemory] = await Promise.all([
    import('../engine/pglite-host'),
    fetchEmptyCluster(download),
    fetchArtifacts(download, note),
    compileInitdb(download),
    // PGlite's own module too (the host imports it when it starts one): under
    // the dev server, where modules load one by one, that takes seconds.
    import('@electric-sql/pglite'),
    writtenMeanwhile(({ touchedBuffer }) => touchedBuffer(SPARE_MEMORY_BYTES)),
    writtenMeanwhile(({ touchedWasmMemory }) => touchedWasmMemory(FIRST_MEMORY_WRITTEN_BYTES)),
  ]).catch((error: unknown) => {
    throw new Error(`PostgreSQL (PGlite) did not load: ${error instanceof Error ? error.message : String(error)}`);
  });
  // The host spreads `artifacts` into PGlite's options (PGlite.create), so
  // initdb's module reaches PGlite with them, though the host's type names
  // only the two it uses itself.
  const withInitdb = { ...artifacts, initdbWasmModule };
  return createPgliteHost({ emptyCluster: async () => cluster, artifacts: withInitdb, spareMemory, firstMemory });
}

/** What a run needs PostgreSQL ready for. */
export interface PostgresFor {
  sequelizeVersion: string;
  database: string;
}

/** The PGlite host, loaded and created once; a failed load (a lost connection) is tried again by the next run. */
async function loadOnce(note: LoadingNote, download: Download): Promise<PgliteHost> {
  if (loaded) return loaded;
  // A later run that arrives while an earlier one is still loading waits
  // for the same load, with its clock stopped too.
  if (host) note('Downloading PostgreSQL (PGlite, once)…');
  host ??= load(note, download);
  try {
    loaded = await host;
    note('Starting PostgreSQL…');
    return loaded;
  } catch (error) {
    host = null;
    throw error;
  }
}

/**
 * The PGlite host (loaded once), with the postgres dialect of the run's
 * Sequelize release registered (each release has its own) and PGlite
 * started on the run's database: all of it while the run's clock is
 * stopped, since none of it is the scenario's time.
 */
export async function postgresHost(note: LoadingNote, download: Download, run: PostgresFor): Promise<PgliteHost> {
  const firstLoad = !loaded;
  try {
    const [pgliteHost] = await Promise.all([loadOnce(note, download), loadPostgresDialect(run.sequelizeVersion)]);
    await pgliteHost.prepare(run.database);
    return pgliteHost;
  } finally {
    if (firstLoad) note('Running on PostgreSQL…', true);
  }
}
