/**
 * The worker's PostgreSQL, loaded on first use: Sequelize's postgres dialect
 * and PGlite are their own chunks, fetched only when a Postgres scenario
 * runs, and one PGlite host serves every later run (it keeps the empty
 * cluster it starts each baseline from).
 */
import type { createPgliteHost } from '../engine/pglite-host';
import { loadPostgresDialect } from './postgres-dialect';

/** Reports what the run waits for, in words, while PostgreSQL loads; `done` once loaded. */
export type LoadingNote = (note: string, done?: boolean) => void;

/**
 * Downloads one of the app's own files. Passed in, not the global `fetch`:
 * PGlite loads on the first Postgres run, after the sandbox has removed
 * `fetch` from user code's reach (./sandbox.ts); the worker entry kept one.
 */
export type FetchAsset = (url: string) => Promise<Response>;

type PgliteHost = ReturnType<typeof createPgliteHost>;

let host: Promise<PgliteHost> | null = null;
let loaded: PgliteHost | null = null;

/** A response that arrived whole, or an error naming what did not load. */
async function fetchOk(fetch: FetchAsset, url: string, what: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${what} did not load: ${response.status} ${response.statusText} for ${url}`);
  return response;
}

/** The empty cluster made at build time (gzip): the browser never runs initdb. */
async function fetchEmptyCluster(fetch: FetchAsset): Promise<Blob> {
  const { default: url } = await import('virtual:pg-empty-cluster');
  return (await fetchOk(fetch, url, 'The empty PostgreSQL cluster')).blob();
}

/** A response with the same body, reporting the bytes received so far as they pass. */
function counting(response: Response, received: (bytes: number, total: number) => void, type: string): Response {
  // Compressed transfers report the compressed length, or none: then the total is unknown (0).
  const total = response.headers.get('content-encoding') ? 0 : Number(response.headers.get('content-length') ?? 0);
  let bytes = 0;
  const body = response.body!.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytes += chunk.byteLength;
        received(bytes, total);
        controller.enqueue(chunk);
      },
    }),
  );
  return new Response(body, { headers: { 'Content-Type': type } });
}

const megabytes = (bytes: number) => (bytes / 1_000_000).toFixed(1);

/**
 * PGlite's WebAssembly and file bundle (about 15 MB, 5 MB compressed), with
 * the download's progress in words. The WebAssembly compiles as it arrives.
 */
async function fetchArtifacts(fetch: FetchAsset, note: LoadingNote) {
  const [{ default: wasmUrl }, { default: dataUrl }] = await Promise.all([
    import('@electric-sql/pglite/pglite.wasm?url'),
    import('@electric-sql/pglite/pglite.data?url'),
  ]);
  const progress = new Map<string, { bytes: number; total: number }>();
  let shown = '';
  const report = (url: string) => (bytes: number, total: number) => {
    progress.set(url, { bytes, total });
    const all = [...progress.values()];
    const got = all.reduce((sum, p) => sum + p.bytes, 0);
    const of = all.length === 2 && all.every((p) => p.total > 0) ? ` of ${megabytes(all.reduce((sum, p) => sum + p.total, 0))}` : '';
    const text = `Downloading PostgreSQL (PGlite, once): ${megabytes(got)}${of} MB…`;
    // One message per tenth of a megabyte at most, not one per chunk.
    if (text !== shown) note((shown = text));
  };
  const [wasm, data] = await Promise.all([fetchOk(fetch, wasmUrl, 'PostgreSQL (PGlite)'), fetchOk(fetch, dataUrl, 'PostgreSQL (PGlite)')]);
  const [pgliteWasmModule, fsBundle] = await Promise.all([
    WebAssembly.compileStreaming(counting(wasm, report(wasmUrl), 'application/wasm')),
    counting(data, report(dataUrl), 'application/octet-stream').blob(),
  ]);
  return { pgliteWasmModule, fsBundle };
}

/**
 * initdb's WebAssembly (0.3 MB). The playground never runs initdb (every
 * baseline starts from the shipped cluster), but PGlite starts downloading
 * it with the global `fetch` whenever it is not given one, and the sandbox
 * has removed that (an unhandled "fetch is not a function" in the worker).
 * So the engine's fetch gets it: the same bytes PGlite downloaded before.
 */
async function compileInitdb(fetch: FetchAsset): Promise<WebAssembly.Module> {
  const { default: url } = await import('@electric-sql/pglite/initdb.wasm?url');
  return WebAssembly.compile(await (await fetchOk(fetch, url, 'PostgreSQL (initdb)')).arrayBuffer());
}

async function load(note: LoadingNote, fetch: FetchAsset): Promise<PgliteHost> {
  note('Downloading PostgreSQL (PGlite, once)…');
  // Everything is fetched here, while the run's clock is stopped.
  const [{ createPgliteHost }, cluster, artifacts, initdbWasmModule] = await Promise.all([
    import('../engine/pglite-host'),
    fetchEmptyCluster(fetch),
    fetchArtifacts(fetch, note),
    compileInitdb(fetch),
    // PGlite's own module too (the host imports it when it starts one): under
    // the dev server, where modules load one by one, that takes seconds.
    import('@electric-sql/pglite'),
  ]);
  // The host spreads `artifacts` into PGlite's options (PGlite.create), so
  // initdb's module reaches PGlite with them, though the host's type names
  // only the two it uses itself.
  const withInitdb = { ...artifacts, initdbWasmModule };
  return createPgliteHost({ emptyCluster: async () => cluster, artifacts: withInitdb });
}

/** What a run needs PostgreSQL ready for. */
export interface PostgresFor {
  sequelizeVersion: string;
  database: string;
}

/** The PGlite host, loaded and created once; a failed load (a lost connection) is tried again by the next run. */
async function loadOnce(note: LoadingNote, fetch: FetchAsset): Promise<PgliteHost> {
  if (loaded) return loaded;
  // A later run that arrives while an earlier one is still loading waits
  // for the same load, with its clock stopped too.
  if (host) note('Downloading PostgreSQL (PGlite, once)…');
  host ??= load(note, fetch);
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
export async function postgresHost(note: LoadingNote, fetch: FetchAsset, run: PostgresFor): Promise<PgliteHost> {
  const firstLoad = !loaded;
  try {
    const [pgliteHost] = await Promise.all([loadOnce(note, fetch), loadPostgresDialect(run.sequelizeVersion)]);
    await pgliteHost.prepare(run.database);
    return pgliteHost;
  } finally {
    if (firstLoad) note('Running on PostgreSQL…', true);
  }
}
