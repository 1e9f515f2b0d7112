/**
 * `virtual:example-entries`: each example's file name, title, what to
 * notice and database, read from test/fixtures/*.json at build time, so that the page's
 * first load lists the examples without carrying their scenarios (those are
 * a chunk of their own, src/examples/example-scenarios.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const VIRTUAL_ID = 'virtual:example-entries';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
const FIXTURES = fileURLToPath(new URL('../test/fixtures/', import.meta.url));

export function exampleEntries(): Plugin {
  return {
    name: 'sync-playground:example-entries',
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : null),
    load(id) {
      if (id !== RESOLVED_ID) return null;
      const entries = readdirSync(FIXTURES)
        .filter((file) => file.endsWith('.json'))
        .sort()
        .map((file) => {
          this.addWatchFile(join(FIXTURES, file));
          const { title, notice, dialect } = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as Record<string, unknown>;
          const text = (value: unknown) => (typeof value === 'string' ? value : null);
          return { file, title: text(title), notice: text(notice), dialect: text(dialect) };
        });
      return `export default ${JSON.stringify(entries)};`;
    },
  };
}
