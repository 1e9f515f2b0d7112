/**
 * Sequelize 7 (@sequelize/core, @sequelize/sqlite3, @sequelize/postgres) in
 * the engine worker, in chunks of its own that leave Sequelize 6's as they
 * were.
 *
 * Its own copies: every module the Sequelize 7 packages reach (lodash,
 * validator, dayjs, the stubs…) is bundled again under an id of its own
 * (a `?sequelize-7` suffix), except the few the worker's entry chunk loads
 * anyway (the Buffer and process polyfills, Node's inspect). Shared modules
 * would be split out of the Sequelize 6 chunks into new common chunks: the
 * first load would fetch more files, a little more code, and Sequelize 6's
 * chunks would change whenever Sequelize 7's imports do.
 *
 * What Sequelize 7 needs besides (each stand-in says what is used of the
 * module and why it is correct), answered here for requests from its graph
 * only. Answered by the shared aliases in vite.config.ts: `node:util`,
 * `node:assert`, `node:url`, `node:crypto` (`randomUUID`, `randomBytes`:
 * Sequelize 6 never reaches it), `semver` (three of Sequelize 6's four),
 * `node:path` (the polyfill), `node:fs/promises` (read only for a SQLite
 * file on disk, never `:memory:`), `pg` (read only when no `pgModule` is
 * passed; the engine always passes PGlite's) and `wkx`/`pg-hstore`.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const stub = (file: string) => fileURLToPath(new URL(`../src/stubs/${file}`, import.meta.url));

/** The suffix of the ids of Sequelize 7's own copies. */
const COPY = '?sequelize-7';

/** The packages themselves: only Sequelize 7 reaches them, so they need no copy. */
const SEQUELIZE_7_PACKAGE = /[\\/]node_modules[\\/]@sequelize[\\/](core|sqlite3|postgres|utils)[\\/]/;

/**
 * Modules the worker's entry chunk loads whatever runs (src/worker/node-globals.ts,
 * src/engine/captured-console.ts): shared, not copied, as they cost nothing
 * more and the `process` polyfill holds state. Only these files: the
 * polyfills' CommonJS builds are other modules, in other chunks.
 */
const ENTRY_CHUNK_MODULE = /[\\/]node_modules[\\/](vite-plugin-node-polyfills[\\/]shims[\\/](buffer|process|global)[\\/]dist[\\/]index\.js$|node-inspect-extracted[\\/])/;

const CORE_DIALECT_LOADER = /[\\/]@sequelize[\\/]core[\\/]lib[\\/]sequelize\.internals\.js$/;
const DIALECT_PACKAGE = /^@sequelize\/(mariadb|mssql|mysql|postgres|sqlite3|db2-ibmi|db2|snowflake|oracle)$/;
const CORE_DATA_TYPES = /[\\/]@sequelize[\\/]core[\\/]lib[\\/]abstract-dialect[\\/]data-types\.js$/;
/** `node:buffer` as the request arrives: the polyfills' alias has already turned it into their shim. */
const BUFFER_REQUEST = /^(node:buffer|buffer|vite-plugin-node-polyfills\/shims\/buffer)$/;

/** Replacements by request, for any importer in Sequelize 7's graph. */
const REPLACEMENTS: Readonly<Record<string, string>> = {
  // AsyncLocalStorage, for transactions that queries join without being
  // passed them (CLS): see the stub for why it is correct here.
  'node:async_hooks': stub('node-async-hooks.cjs'),
  // importModels' glob over model files: there are no files here.
  'fast-glob': stub('sequelize-7-import-models.cjs'),
  // The data types require moment only to recognise moment values, and
  // user code cannot make one here (its `require` gives @sequelize/core
  // only); its absence is what Sequelize's `try { require('moment') }` expects.
  // (`moment/moment.js` is the request once vite.config.ts's alias has run.)
  moment: stub('sequelize-7-moment.cjs'),
  'moment/moment.js': stub('sequelize-7-moment.cjs'),
  // @sequelize/sqlite3 requires node-sqlite3 when it loads, for its OPEN_*
  // flags, though it then uses the `sqlite3Module` it is given (the sql.js
  // adapter): the placeholder the CLI uses in Node too.
  sqlite3: fileURLToPath(new URL('../src/engine/drivers/sqlite3-placeholder.cjs', import.meta.url)),
  // @sequelize/utils' browser entry leaves out the `util.inspect.custom`
  // of MapView, MultiMap and SetView; its Node entry has them, so that user
  // code printing `sequelize.models` reads as in Node (the captured console
  // honours them). It requires `node:util`: the stub. Resolved as Node does.
  '@sequelize/utils': createRequire(import.meta.url).resolve('@sequelize/utils'),
};

const withoutCopy = (id: string) => (id.endsWith(COPY) ? id.slice(0, -COPY.length) : id);

function replacement(source: string, importer: string): string | undefined {
  // Dialects by name: the engine passes the dialect class, and each
  // dialect is a chunk of its own, loaded with the scenario's dialect.
  if (CORE_DIALECT_LOADER.test(importer) && DIALECT_PACKAGE.test(source)) return stub('sequelize-7-dialect-by-name.cjs');
  // Blob, to reject Blob values as Node does (the polyfill has none).
  if (CORE_DATA_TYPES.test(importer) && BUFFER_REQUEST.test(source)) return stub('node-buffer-blob.cjs');
  return REPLACEMENTS[source];
}

/**
 * `copies`: the worker's build; the dev server's pre-bundling (one bundle
 * of every dependency, rebuilt as needed) takes the replacements only.
 */
export function sequelize7Modules({ copies = true } = {}): Plugin {
  return {
    name: 'sync-playground:sequelize-7-modules',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !(SEQUELIZE_7_PACKAGE.test(importer) || importer.endsWith(COPY))) return null;
      const from = withoutCopy(importer);
      let id = replacement(source, from);
      if (!copies) return id ?? null;
      let moduleSideEffects: boolean | 'no-treeshake' | null | undefined;
      if (id === undefined) {
        const resolved = await this.resolve(source, from, { ...options, skipSelf: true });
        if (!resolved || resolved.external) return resolved;
        ({ id, moduleSideEffects } = resolved);
      }
      if (SEQUELIZE_7_PACKAGE.test(id) || ENTRY_CHUNK_MODULE.test(id) || id.includes('\0')) return { id, moduleSideEffects };
      return { id: withoutCopy(id) + COPY, moduleSideEffects };
    },
    async load(id) {
      if (!id.endsWith(COPY)) return null;
      const file = withoutCopy(id);
      return { code: await readFile(file, 'utf8'), moduleType: file.endsWith('.json') ? 'json' : 'js' };
    },
  };
}
