import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { withPreloadedImports, type ChunkInfo } from '../../build-tools/worker-chunk-preload-plugin';

const chunk = (fileName: string, code: string, imports: string[] = []): ChunkInfo => ({ type: 'chunk', fileName, code, imports });

/** A worker build in miniature: the entry loads Sequelize's entry chunk, which imports its body and a shared runtime. */
function miniBundle() {
  const entry = chunk('assets/worker.js', 'import { runtime } from "./runtime.js";\nexport const load = () => import(`./sequelize.js`);\n', ['assets/runtime.js']);
  return {
    'assets/worker.js': entry,
    'assets/runtime.js': chunk('assets/runtime.js', 'export const runtime = 1;\n'),
    'assets/sequelize.js': chunk('assets/sequelize.js', 'import { body } from "./body.js";\nimport { runtime } from "./runtime.js";\nexport const name = "entry";\n', ['assets/body.js', 'assets/runtime.js']),
    'assets/body.js': chunk('assets/body.js', 'import { util } from "./util.js";\nexport const body = 1;\n', ['assets/util.js']),
    'assets/util.js': chunk('assets/util.js', 'import { load } from "./worker.js";\nexport const util = 1;\n', ['assets/worker.js']),
    'assets/pglite.wasm': { type: 'asset' as const },
  };
}

describe('worker chunk preload', () => {
  it("makes a dynamic import also ask for every chunk its target imports, transitively, that the importer has not loaded", () => {
    const bundle = miniBundle();
    const code = withPreloadedImports(bundle, bundle['assets/worker.js']);
    expect(code).toContain('(["./body.js","./util.js"].forEach((u)=>import(u).catch(()=>{})),import(`./sequelize.js`))');
    // The runtime is the entry's own static import, loaded already; the worker itself is not asked for again.
    expect(code).not.toContain('"./runtime.js"]');
    expect(code).not.toContain('"./worker.js"');
  });

  it('leaves imports alone that have nothing to preload or are not chunks of the build', () => {
    const bundle = {
      ...miniBundle(),
      'assets/leaf.js': chunk('assets/leaf.js', 'export default 1;\n'),
      'assets/user.js': chunk('assets/user.js', 'const a = () => import("./leaf.js"); const b = () => import("./elsewhere.js"); const c = (u) => import(u);\n'),
    };
    const user = bundle['assets/user.js'];
    expect(withPreloadedImports(bundle, user)).toBe(user.code);
  });

  it('leaves an import alone whose chunks import one for its side effects only, since their order then matters', () => {
    const bundle = miniBundle();
    const body = bundle['assets/body.js'];
    body.code = 'import "./util.js";\nexport const body = 1;\n';
    const entry = bundle['assets/worker.js'];
    expect(withPreloadedImports(bundle, entry)).toBe(entry.code);
  });

  it('still resolves to the imported module, and a preload that fails is left to the real import', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'preload-'));
    const bundle = {
      'worker.js': chunk('worker.js', 'export const load = () => import("./entry.js");\n'),
      'entry.js': chunk('entry.js', 'import { body } from "./body.js";\nexport const value = body + 1;\n', ['body.js', 'missing.js']),
      'body.js': chunk('body.js', 'export const body = 41;\n'),
      'missing.js': chunk('missing.js', ''),
    };
    const rewritten = withPreloadedImports(bundle, bundle['worker.js']);
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }');
    expect(rewritten).toContain('"./missing.js"');
    writeFileSync(join(dir, 'worker.js'), rewritten);
    writeFileSync(join(dir, 'entry.js'), bundle['entry.js'].code);
    writeFileSync(join(dir, 'body.js'), bundle['body.js'].code);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const worker = (await import(pathToFileURL(join(dir, 'worker.js')).href)) as { load(): Promise<{ value: number }> };
      expect((await worker.load()).value).toBe(42);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
