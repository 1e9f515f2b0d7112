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

async function load(note: LoadingNote): Promise<AnyDatabaseHost> {
  note('Downloading PostgreSQL (PGlite, about 5 MB, once)…');
  const [{ createPgliteHost }] = await Promise.all([import('../engine/pglite-host'), import('./postgres-dialect')]);
  return createPgliteHost();
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
