/**
 * The empty cluster every PGlite run starts from, made once at build time
 * (initdb takes seconds; the browser ships the result as an asset).
 *
 * It is slimmed because every mode copies all of it into a new instance:
 * - 1 MB WAL segments instead of 16 MB (`--wal-segsize=1`), no recycled
 *   segments kept ahead (`wal_recycle=off`, `min_wal_size=2MB`);
 * - only `template1` and the scenario's database: `postgres` and
 *   `template0` are dropped (nothing connects to them). `template1` stays
 *   so that CREATE DATABASE works as on a server, and so that another
 *   database name is one rename away (see `renameDatabase`);
 * - `shared_buffers=4MB` instead of 128MB: Postgres zeroes its shared
 *   memory at every start, which was the largest part of a start, and each
 *   kept state (pglite-restart.ts) scans the memory below the heap's top.
 *   Measured in Node (start / keep / a 20,000-row insert and CHECKPOINT):
 *   16MB 280 / 60 / 110 ms, 4MB 160 / 30 / 65 ms; 1MB gains nothing more.
 *   A scenario's tables live in MEMFS files anyway: a page evicted from
 *   the buffers is a copy in memory, not a disk write.
 * None of these changes what a scenario's SQL sees (only SHOW would).
 */
import type { PGlite } from '@electric-sql/pglite';

/** The database the shipped cluster holds: the scenario default. */
export const CLUSTER_DATABASE = 'playground';

/** Settings written to postgresql.conf by initdb (`-c`), so every start uses them. */
const SETTINGS = ['wal_recycle=off', 'min_wal_size=2MB', 'shared_buffers=4MB'];

type PgliteClass = typeof PGlite;

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * A tarball of the slim empty cluster holding `database` (default
 * `playground`), as a server's is once something has connected to it: with
 * the relation cache's init files (`pg_internal.init`, for the cluster and
 * for `database`). Without them each start builds that cache from the
 * catalogs and writes them: about half of a cold start here (Node: 450–700
 * ms without, 230–280 ms with). Postgres checks and rebuilds them as it
 * always does, so nothing a scenario sees changes.
 */
export async function makeEmptyCluster(options: { database?: string } = {}): Promise<Uint8Array> {
  const { PGlite } = await import('@electric-sql/pglite');
  const database = options.database ?? CLUSTER_DATABASE;
  const made = await initCluster(PGlite, database);
  let cluster: Blob;
  try {
    await made.exec('CHECKPOINT');
    cluster = await made.dumpDataDir('none');
  } finally {
    await made.close();
  }
  // initdb's session was connected to template1: the first connection to `database` writes its init files.
  const connected = await PGlite.create({ loadDataDir: cluster, database });
  try {
    await connected.query('SELECT 1');
    await connected.exec('CHECKPOINT');
    return new Uint8Array(await (await connected.dumpDataDir('none')).arrayBuffer());
  } finally {
    await connected.close();
  }
}

/** Runs initdb and slims the cluster; the instance is left open (connected to template1). */
export async function initCluster(PGliteClass: PgliteClass, database: string): Promise<PGlite> {
  const pglite = await PGliteClass.create({
    database: 'template1',
    initDbStartParams: ['--wal-segsize=1', ...SETTINGS.flatMap((setting) => ['-c', setting])],
  });
  // One statement per exec: CREATE/DROP DATABASE refuse to run in a transaction block.
  // FILE_COPY copies the template's files instead of writing them all to the WAL.
  for (const sql of [
    `CREATE DATABASE ${quoteIdent(database)} STRATEGY FILE_COPY`,
    'DROP DATABASE postgres',
    'ALTER DATABASE template0 IS_TEMPLATE false',
    'DROP DATABASE template0',
  ]) {
    await pglite.exec(sql);
  }
  return pglite;
}

/**
 * The same empty cluster with its database called `to`: renamed from
 * template1 (a database cannot rename itself), in the instance `pglite`.
 */
export async function renameDatabase(pglite: PGlite, from: string, to: string): Promise<void> {
  await pglite.exec(`ALTER DATABASE ${quoteIdent(from)} RENAME TO ${quoteIdent(to)}`);
}
