/**
 * The pre-initialised PostgreSQL cluster the browser starts every Postgres
 * baseline from: made once at build time in Node with the same PGlite the
 * browser runs (initdb takes seconds; the browser must not run it), kept in
 * node_modules/.cache keyed by PGlite's version and the recipe, and shipped
 * gzipped as a hashed asset. The worker imports its URL from `virtual:pg-empty-cluster`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const VIRTUAL_ID = 'virtual:pg-empty-cluster';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Names the cluster after what makes it: PGlite's version and the recipe (src/engine/pglite-cluster.ts). */
function clusterKey(): string {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string };
  const recipe = readFileSync(join(ROOT, 'src/engine/pglite-cluster.ts'));
  return `${manifest.version}-${createHash('sha256').update(recipe).digest('hex').slice(0, 12)}`;
}

let making: Promise<string> | null = null;

/** The cluster's file, made if this PGlite version has none yet. */
function clusterFile(): Promise<string> {
  making ??= (async () => {
    const file = join(ROOT, 'node_modules/.cache/sync-playground', `pg-empty-cluster-${clusterKey()}.tar.gz`);
    if (existsSync(file)) return file;
    const { makeEmptyCluster } = await import('../src/engine/pglite-cluster.ts');
    // Gzip: 18 MB of mostly empty pages become about 2 MB to download.
    const bytes = gzipSync(await makeEmptyCluster(), { level: 9 });
    mkdirSync(dirname(file), { recursive: true });
    // Written whole, then renamed: a build stopped halfway leaves no half file.
    writeFileSync(`${file}.${process.pid}`, bytes);
    renameSync(`${file}.${process.pid}`, file);
    return file;
  })();
  return making;
}

export function pgEmptyCluster(): Plugin {
  return {
    name: 'sync-playground:pg-empty-cluster',
    // The dev server starts making it at once (initdb takes seconds), so that
    // it is ready by the time someone chooses PostgreSQL.
    configureServer() {
      // A failure is reported by the import that needs the file.
      clusterFile().catch(() => undefined);
    },
    resolveId: (source) => (source === VIRTUAL_ID ? RESOLVED_ID : null),
    async load(id) {
      if (id !== RESOLVED_ID) return null;
      // Vite's own `?url` handling emits the file as an asset (dev serves it).
      return `export { default } from ${JSON.stringify(`${await clusterFile()}?url`)};`;
    },
  };
}
