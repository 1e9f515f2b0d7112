/// <reference types="vitest/config" />
/**
 * One config for the dev server, the build and Vitest. The browser build runs
 * real Sequelize 6 and 7 in a Web Worker, which needs Node's core modules
 * polyfilled and a few modules swapped (shared/DESIGN.md, "Facts learned";
 * Sequelize 7's in build-tools/sequelize-7-modules-plugin.ts).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Alias, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { nodePolyfills } from 'vite-plugin-node-polyfills';
import { compression } from 'vite-plugin-compression2';
import { pgEmptyCluster } from './build-tools/pg-empty-cluster-plugin.ts';
import { contentSecurityPolicyMeta } from './build-tools/content-security-policy.ts';
import { sequelize7Modules } from './build-tools/sequelize-7-modules-plugin.ts';
import { exampleEntries } from './build-tools/example-entries-plugin.ts';
import { workerChunkPreload } from './build-tools/worker-chunk-preload-plugin.ts';

const stub = (file: string) => fileURLToPath(new URL(`./src/stubs/${file}`, import.meta.url));

/** Drivers of dialects the playground does not run: never bundle one. */
const OTHER_DIALECT_DRIVERS = ['pg', 'pg-native', 'mysql2', 'tedious', 'mariadb', 'oracledb', 'ibm_db', 'snowflake-sdk'];

const aliases: Alias[] = [
  // moment's ESM build (`module`/`jsnext:main`) made the first INSERT fail
  // with "isMoment is not a function" under Sequelize: use its UMD build.
  { find: /^moment$/, replacement: 'moment/moment.js' },
  // moment-timezone's index.js loads every zone (720 kB raw, 33 kB gzip).
  // SQLite never needs a zone: Sequelize rejects any `timezone` but '+00:00'
  // for SQLite, and an offset is applied with `utcOffset`, not zone data.
  { find: /^moment-timezone$/, replacement: 'moment-timezone/moment-timezone.js' },
  { find: /^pg-hstore$/, replacement: stub('pg-hstore.cjs') },
  { find: /^(node:)?crypto$/, replacement: stub('node-crypto.cjs') },
  // Sequelize uses one call of `url`, one of `assert`, four functions of
  // `util` and four of `semver`, and `wkx` only for GEOMETRY values: small
  // stand-ins keep the polyfills, wkx and the rest of semver (about 38 kB
  // gzip) out of the worker's first load (see each stub for what it does).
  { find: /^(node:)?url$/, replacement: stub('node-url.cjs') },
  { find: /^(node:)?assert$/, replacement: stub('node-assert.cjs') },
  { find: /^(node:)?util$/, replacement: stub('node-util.cjs') },
  { find: /^wkx$/, replacement: stub('wkx.cjs') },
  { find: /^semver$/, replacement: stub('semver.cjs') },
  { find: /^any-promise$/, replacement: stub('any-promise.cjs') },
  ...OTHER_DIALECT_DRIVERS.map((name) => ({ find: new RegExp(`^${name}$`), replacement: stub('unavailable-driver.cjs') })),
];

/** lib/sequelize.js of each shipped Sequelize 6 (`sequelize`, and aliases such as `sequelize-6.5.1`). */
const SEQUELIZE_ENTRY = /\/node_modules\/sequelize(-[\d.]+)?\/lib\/sequelize\.js$/;

/** Sequelize 6 dialects the playground does not run. */
const UNUSED_SEQUELIZE_DIALECTS = /^\.\/dialects\/(mariadb|mssql|mysql|oracle|db2|snowflake)$/;

/**
 * Sequelize 6 picks its dialect with a `require` per dialect in one switch
 * (lib/sequelize.js), so a bundler takes them all. Only that switch's
 * requires are replaced: the dialects' data types, which `DataTypes` uses,
 * stay.
 */
function withoutUnusedSequelizeDialects(): Plugin {
  return {
    name: 'sync-playground:without-unused-sequelize-dialects',
    enforce: 'pre',
    resolveId(source, importer) {
      if (importer && SEQUELIZE_ENTRY.test(importer) && UNUSED_SEQUELIZE_DIALECTS.test(source)) {
        return stub('unavailable-dialect.cjs');
      }
      // Postgres is a lazy chunk, registered before use (src/worker/postgres-dialect.ts).
      if (importer && SEQUELIZE_ENTRY.test(importer) && source === './dialects/postgres') {
        return stub('lazy-postgres-dialect.cjs');
      }
      return null;
    },
  };
}

/**
 * The name of a worker chunk of Sequelize: 6's, or 7's core, dialects and
 * the copies of their dependencies (build-tools/sequelize-7-modules-plugin.ts).
 */
function sequelizeChunkName(moduleIds: readonly string[]): string | undefined {
  const has = (part: string) => moduleIds.some((id) => id.includes(part));
  if (has('/node_modules/@sequelize/core/')) return 'sequelize-7-core';
  if (has('/node_modules/@sequelize/sqlite3/')) return 'sequelize-7-sqlite';
  if (has('/node_modules/@sequelize/postgres/')) return 'sequelize-7-postgres';
  if (has('?sequelize-7')) return 'sequelize-7-[name]';
  if (has('/node_modules/sequelize/')) return 'sequelize';
  return undefined;
}

/**
 * PGlite imports `fs/promises` and `stream/promises` on its Node code path
 * only; the polyfills' aliases (`fs` → an empty module) would turn them into
 * paths that do not exist. A plugin's aliases go before those of the plugins
 * listed ahead of it, so this one must come after the polyfills.
 */
const pgliteNodeOnlyImports = (): Plugin => ({
  name: 'sync-playground:pglite-node-only-imports',
  config: () => ({ resolve: { alias: [{ find: /^(node:)?(fs|stream)\/promises$/, replacement: stub('node-only.cjs') }] } }),
});

/**
 * Monaco's language features import `internal/common/workers.js` for one
 * function, and with it every editor contribution Monaco has (117 kB gzip
 * unused, registered too late for a second editor): resolve it to the
 * playground's copy of that function (src/editor/monaco-language-worker.ts).
 * Also run by the dev server's pre-bundling, which has its own plugins.
 */
const monacoLanguageWorkers = (): Plugin => ({
  name: 'sync-playground:monaco-language-workers',
  enforce: 'pre',
  resolveId: (source, importer) =>
    importer && /[\\/]monaco-editor[\\/]esm[\\/]vs[\\/]languages[\\/]features[\\/]/.test(importer) && /[\\/]internal[\\/]common[\\/]workers\.js$/.test(source)
      ? fileURLToPath(new URL('./src/editor/monaco-language-worker.ts', import.meta.url))
      : null,
});

/**
 * The Node core modules Sequelize and its dependencies import, in browser
 * versions (`crypto`, `url`, `assert` and `util` are stubbed above instead).
 * Returned fresh for each use: the page and the worker are separate builds
 * with their own plugin instances.
 */
const polyfills = () =>
  nodePolyfills({
    include: ['buffer', 'events', 'fs', 'path', 'process', 'stream'],
    globals: { Buffer: true, global: true, process: true },
  });

/**
 * A gzip copy beside every file worth compressing (`x.js.gz`), for static
 * hosts that serve precompressed files (nginx's gzip_static, Caddy's
 * precompressed, sirv's `gzip`), as the tests and benchmarks do
 * (test/support/built-app.ts). A host that compresses on the fly does it at
 * every request: vite preview spent half a second of a core on PGlite's
 * 6 MB file bundle each time PostgreSQL was chosen.
 */
const precompressed = () =>
  compression({
    include: /\.(html|js|css|json|wasm|data|svg)$/,
    threshold: 1024,
    algorithms: [['gzip', { level: 9 }]],
    logLevel: 'silent',
  });

export default defineConfig(({ mode }) => {
  // Vitest (mode 'test') runs the engine and the tests in Node, where the
  // real core modules (`node:fs` in the fixtures loader, for one) must stay:
  // the polyfills and stubs apply to the dev server and the build only.
  const browserOnly = mode !== 'test';
  return {
    // Relative asset URLs: the build works from any static host and path.
    base: './',
    // The Content-Security-Policy meta is added by the build only (see its plugin).
    plugins: browserOnly
      ? [react(), exampleEntries(), polyfills(), pgliteNodeOnlyImports(), monacoLanguageWorkers(), pgEmptyCluster(), contentSecurityPolicyMeta(), precompressed()]
      : [react(), exampleEntries()],
    resolve: { alias: browserOnly ? aliases : [] },
    worker: {
      format: 'es',
      plugins: () => (browserOnly ? [withoutUnusedSequelizeDialects(), sequelize7Modules(), polyfills(), pgEmptyCluster(), workerChunkPreload()] : []),
      rolldownOptions: {
        // Name Sequelize's chunks after it (its entry files are `lib/index.js`),
        // so bundle sizes read at a glance, and Sequelize 7's as its own.
        output: { chunkFileNames: (chunk) => `assets/${sequelizeChunkName(chunk.moduleIds) ?? '[name]'}-[hash].js` },
      },
    },
    // The dev server pre-bundles what it finds from index.html; the worker's
    // imports (Sequelize, sql.js, Sucrase) are found only when the worker
    // starts, which made the first page load reload itself. Scan both.
    optimizeDeps: {
      entries: ['index.html', 'floor.html', 'src/worker/engine-worker.ts'],
      // PGlite finds its .wasm and .data next to its own module: pre-bundling would move it.
      exclude: ['@electric-sql/pglite'],
      // Pre-bundling runs its own plugins: the dev server gets Monaco and Sequelize 7 as the build does.
      rolldownOptions: { plugins: [monacoLanguageWorkers(), sequelize7Modules({ copies: false })] },
    },
    build: {
      rolldownOptions: {
        // The playground, and the floor page: the same engine work with no
        // UI, which `npm run bench:web` measures the playground against.
        input: { main: fileURLToPath(new URL('./index.html', import.meta.url)), floor: fileURLToPath(new URL('./floor.html', import.meta.url)) },
      },
    },
    server: { host: '127.0.0.1' },
    preview: { host: '127.0.0.1' },
    test: {
      include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
      // Builds and serves the app once for all browser tests.
      globalSetup: ['test/support/global-setup.ts'],
      // Two cores: the parity suite and the browser tests are heavy enough.
      maxWorkers: 2,
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  };
});
