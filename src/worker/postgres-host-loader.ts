/**
 * The worker's PostgreSQL, loaded on first use: Sequelize's postgres dialect
 * and PGlite are their own chunks, fetched only when a Postgres scenario
 * runs, and one PGlite host serves every later run (it keeps the empty
 * cluster it starts each baseline from).
 */
import type { AnyDatabaseHost } from '../engine';

/** Reports what the run waits for, in words, while PostgreSQL loads. */
export type LoadingNote = (note: string) => void;

let host: Promise<AnyDatabaseHost> | null = null;

/** The empty cluster made at build time (gzip): the browser never runs initdb. */
async function fetchEmptyCluster(): Promise<Blob> {
  const { default: url } = await import('virtual:pg-empty-cluster');
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The empty PostgreSQL cluster did not load (${response.status} ${response.statusText})`);
  return response.blob();
}

async function load(note: LoadingNote): Promise<AnyDatabaseHost> {
  note('Downloading PostgreSQL (PGlite, about 5 MB, once)…');
  // Everything is fetched here, while the run's clock is stopped.
  const [{ createPgliteHost }, cluster] = await Promise.all([
    import('../engine/pglite-host'),
    fetchEmptyCluster(),
    import('./postgres-dialect'),
  ]);
  return createPgliteHost({ emptyCluster: async () => cluster });
}

export async function postgresHost(note: LoadingNote): Promise<AnyDatabaseHost> {
  const first = host === null;
  host ??= load(note);
  try {
    return await host;
  } catch (error) {
    // A failed load (a lost connection) is retried by the next run.
    host = null;
    throw error;
  } finally {
    if (first) note('Starting PostgreSQL…');
  }
}
