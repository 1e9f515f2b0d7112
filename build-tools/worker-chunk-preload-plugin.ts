/**
 * Preloading for the engine worker's lazy chunks. On the page, Vite fetches
 * a dynamic import's chunk and the chunks it imports at the same time
 * (`<link rel="modulepreload">`); in a worker it does nothing of the kind,
 * so each level of imports is fetched only once the level above has
 * arrived and been parsed. Sequelize 6's entry chunk imports its 400 kB
 * body and five more, which were asked for 70–90 ms after the entry, on the
 * first result's critical path.
 *
 * Rewritten: each `import("./x.js")` of a worker chunk also imports, at the
 * same moment, every chunk x.js imports statically (transitively) that the
 * importing chunk has not already loaded. Importing a chunk early only
 * moves its evaluation before its importer's, which the module graph does
 * anyway; a failure is left to the real import, which reports it. What it
 * can change is the order among those chunks, which is then the order they
 * arrive in: harmless while each chunk imports what it needs (every import
 * between chunks carries bindings), not where a chunk is imported for its
 * side effects alone (`import "./x.js"`), whose order is the point. A
 * dynamic import whose chunks have such an import is left as it is.
 *
 * Measured with every response held 40 ms by the server (a round trip of a
 * real host; medians of 6 alternating cold loads): the floor's first
 * results 926 → 849 ms and the playground's 1107 → 1062 ms. From localhost,
 * where a round trip costs nothing, no change beyond the noise.
 *
 * The code is changed after the chunks' names were hashed: a name still
 * changes with its own content, and what is added derives from the other
 * chunks' names, so it changes with theirs.
 */
import { posix } from 'node:path';
import type { Plugin } from 'vite';

/** The parts of an output chunk this needs (Rollup's and Rolldown's OutputChunk). */
export interface ChunkInfo {
  type: 'chunk';
  fileName: string;
  code: string;
  imports: readonly string[];
}

type Bundle = Record<string, ChunkInfo | { type: 'asset' }>;

const DYNAMIC_IMPORT = /\bimport\(\s*([`'"])(\.\/[^`'"]+\.js)\1\s*\)/g;
/** `import "./x.js"`: a chunk imported for its side effects only. */
const SIDE_EFFECT_IMPORT = /\bimport\s*([`'"])\.\/[^`'"]+\.js\1/;

/** `fileName` and every chunk it imports statically, transitively. */
function staticClosure(bundle: Bundle, fileName: string, into = new Set<string>()): Set<string> {
  if (into.has(fileName)) return into;
  into.add(fileName);
  const chunk = bundle[fileName];
  if (chunk?.type === 'chunk') for (const imported of chunk.imports) staticClosure(bundle, imported, into);
  return into;
}

const hasSideEffectImport = (output: Bundle[string] | undefined) => output?.type === 'chunk' && SIDE_EFFECT_IMPORT.test(output.code);

/** A chunk's code with its dynamic imports preloading their static imports. */
export function withPreloadedImports(bundle: Bundle, chunk: ChunkInfo): string {
  const loaded = staticClosure(bundle, chunk.fileName);
  const directory = posix.dirname(chunk.fileName);
  return chunk.code.replace(DYNAMIC_IMPORT, (call: string, _quote: string, specifier: string) => {
    const target = posix.join(directory, specifier);
    if (bundle[target]?.type !== 'chunk') return call;
    const closure = [...staticClosure(bundle, target)];
    const extra = closure.filter((file) => file !== target && !loaded.has(file));
    if (extra.length === 0 || closure.some((file) => hasSideEffectImport(bundle[file]))) return call;
    const specifiers = extra.map((file) => JSON.stringify(`./${posix.relative(directory, file)}`)).join(',');
    // A comma expression: the value is still the real import's promise.
    return `([${specifiers}].forEach((u)=>import(u).catch(()=>{})),${call})`;
  });
}

export function workerChunkPreload(): Plugin {
  return {
    name: 'sync-playground:worker-chunk-preload',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const chunks = bundle as unknown as Bundle;
      for (const output of Object.values(chunks)) {
        if (output.type === 'chunk') output.code = withPreloadedImports(chunks, output);
      }
    },
  };
}
