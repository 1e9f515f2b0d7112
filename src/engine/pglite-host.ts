/**
 * The engine's PostgreSQL: PGlite databases behind the pg adapter. PGlite is
 * loaded with a dynamic import, so that it is its own chunk and only a
 * Postgres scenario pays for it.
 *
 * How a mode starts from the baseline. Both ways were measured in Node 20
 * (PGlite 0.5.16, PostgreSQL 18.6, a two-row table):
 * (a) dump and load the data directory: `CHECKPOINT` + `dumpDataDir('none')`
 *     140–370 ms once per run (48 MB tarball; gzip: 770 ms, 6.5 MB), then
 *     `new PGlite({ loadDataDir })` 400–450 ms per mode (gzip: 1.2 s);
 * (b) run each mode inside a transaction rolled back afterwards, saving and
 *     restoring every sequence: 2–12 ms per mode.
 * (b) is a hundred times faster but is not the same database: a wrapping
 * transaction changes what user code and Sequelize see. After any failed
 * statement every later one fails ("current transaction is aborted"), where
 * on a server the next statement runs (scenarios that catch an error and go
 * on); Sequelize's own `START TRANSACTION`/`COMMIT` would commit the wrapper
 * and leak the mode's changes; `ALTER TYPE … ADD VALUE` (alter on an ENUM)
 * cannot use the new value before commit; `now()` stops moving; deferred
 * constraints are never checked. Detecting those and falling back to (a)
 * would mean running user code twice. So every mode gets (a): a real,
 * separate database, as on a server, for about half a second per mode.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { DatabaseHost } from './database-host';
import { createPglitePgModule, PASS_THROUGH_SERIALIZERS, rawTextParsers } from './drivers/pglite-pg-driver';
import { snapshotPostgres, type RawPgResult } from './postgres-snapshot';

type PgliteModule = typeof import('@electric-sql/pglite');

export interface PgliteHostOptions {
  /** Loads PGlite; by default `import('@electric-sql/pglite')`. */
  loadPglite?: () => Promise<PgliteModule>;
  /**
   * The data directory (tarball) of an empty cluster, to start from instead
   * of running initdb (seconds) in every run; the browser ships one.
   */
  emptyCluster?: () => Promise<Blob>;
}

export interface PgliteDatabase {
  pglite: PGlite;
  database: string;
}

/** The data directory as a tarball, once every change is on disk. */
async function dump(pglite: PGlite): Promise<Blob> {
  await pglite.exec('CHECKPOINT');
  return pglite.dumpDataDir('none');
}

export function createPgliteHost(options: PgliteHostOptions = {}): DatabaseHost<PgliteDatabase, Blob> {
  let loaded: Promise<PgliteModule> | null = null;
  const load = () => (loaded ??= options.loadPglite ? options.loadPglite() : import('@electric-sql/pglite'));

  let cluster: Promise<Blob> | null = null;
  /** An empty cluster (initdb's `postgres` database only), made once per host. */
  const emptyCluster = () =>
    (cluster ??= options.emptyCluster
      ? options.emptyCluster()
      : load().then(async ({ PGlite }) => {
          const pglite = await PGlite.create();
          try {
            return await dump(pglite);
          } finally {
            await pglite.close();
          }
        }));

  const withDatabase = new Map<string, Promise<Blob>>();
  /** An empty cluster that also holds an empty database called `database`. */
  const emptyWith = (database: string): Promise<Blob> => {
    if (database === 'postgres') return emptyCluster();
    let made = withDatabase.get(database);
    if (!made) {
      made = (async () => {
        const { PGlite } = await load();
        const pglite = await PGlite.create({ loadDataDir: await emptyCluster() });
        try {
          await pglite.exec(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
          return await dump(pglite);
        } finally {
          await pglite.close();
        }
      })();
      withDatabase.set(database, made);
    }
    return made;
  };

  const open = async (dataDir: Blob, database: string): Promise<PgliteDatabase> => {
    const { PGlite } = await load();
    return { pglite: await PGlite.create({ loadDataDir: dataDir, database }), database };
  };

  return {
    dialect: 'postgres',
    openEmpty: async (database) => open(await emptyWith(database), database),
    saveBaseline: ({ pglite }) => dump(pglite),
    openFromBaseline: (saved, database) => open(saved, database),
    sequelizeOptions: ({ pglite }) => ({ dialect: 'postgres', dialectModule: createPglitePgModule(pglite), pool: { max: 1 } }),
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
      return new Uint8Array(await (await dump(pglite)).arrayBuffer());
    },
    close: ({ pglite }) => pglite.close(),
  };
}
