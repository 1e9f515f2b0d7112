/**
 * The worker's PostgreSQL, loaded on first use: Sequelize's postgres dialect
 * and PGlite are their own chunks, fetched only when a Postgres scenario
 * runs, and one PGlite host serves every later run (it keeps the empty
 * cluster it starts each baseline from).
 */
import type { AnyDatabaseHost } from '../engine';

/** Reports what the run waits for, in words, while PostgreSQL loads; `done` once loaded. */
export type LoadingNote = (note: string, done?: boolean) => void;

let host: Promise<AnyDatabaseHost> | null = null;
let loaded: AnyDatabaseHost | null = null;

/** A response that arrived whole, or an error naming what did not load. */
async function fetchOk(url: string, what: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${what} did not load: ${response.status} ${response.statusText} for ${url}`);
  return response;
}

/** The empty cluster made at build time (gzip): the browser never runs initdb. */
async function fetchEmptyCluster(): Promise<Blob> {
  const { default: url } = await import('virtual:pg-empty-cluster');
  return (await fetchOk(url, 'The empty PostgreSQL cluster')).blob();
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
async function fetchArtifacts(note: LoadingNote) {
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
  const [wasm, data] = await Promise.all([fetchOk(wasmUrl, 'PostgreSQL (PGlite)'), fetchOk(dataUrl, 'PostgreSQL (PGlite)')]);
  const [pgliteWasmModule, fsBundle] = await Promise.all([
    WebAssembly.compileStreaming(counting(wasm, report(wasmUrl), 'application/wasm')),
    counting(data, report(dataUrl), 'application/octet-stream').blob(),
  ]);
  return { pgliteWasmModule, fsBundle };
}

async function load(note: LoadingNote): Promise<AnyDatabaseHost> {
  note('Downloading PostgreSQL (PGlite, once)…');
  // Everything is fetched here, while the run's clock is stopped.
  const [{ createPgliteHost }, cluster, artifacts] = await Promise.all([
    import('../engine/pglite-host'),
    fetchEmptyCluster(),
    fetchArtifacts(note),
    import('./postgres-dialect'),
    // PGlite's own module too (the host imports it when it starts one): under
    // the dev server, where modules load one by one, that takes seconds.
    import('@electric-sql/pglite'),
  ]);
  return createPgliteHost({ emptyCluster: async () => cluster, artifacts });
}

export async function postgresHost(note: LoadingNote): Promise<AnyDatabaseHost> {
  if (loaded) return loaded;
  // A later run that arrives while an earlier one is still loading waits
  // for the same load, with its clock stopped too.
  if (host) note('Downloading PostgreSQL (PGlite, once)…');
  host ??= load(note);
  try {
    loaded = await host;
    return loaded;
  } catch (error) {
    // A failed load (a lost connection) is retried by the next run.
    host = null;
    throw error;
  } finally {
    note('Starting PostgreSQL…', true);
  }
}
