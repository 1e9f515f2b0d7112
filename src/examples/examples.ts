/**
 * The examples menu. The examples are the parity fixtures themselves
 * (test/fixtures/): every one is run in CI on native sqlite3 and on the
 * engine, so what an example shows is what Sequelize really does.
 *
 * The page's first load carries only each example's title and what to
 * notice, and the first example (the seed) whole; the other scenarios are a
 * chunk of their own (./example-scenarios.ts), fetched once the first result
 * is shown or an example is chosen, so that adding examples does not grow
 * the first load.
 */
import type { Dialect, ScenarioInput } from '../engine/scenario';
import seed from '../../test/fixtures/seed-add-column.json';
import entries from 'virtual:example-entries';
import { compareText } from '../engine/compare-text';

export interface ExampleEntry {
  id: string;
  title: string;
  /** One sentence: what to notice. */
  notice: string;
  /** The database the notice was written for. */
  dialect: Dialect;
}

export interface Example extends ExampleEntry {
  scenario: ScenarioInput;
}

/** Menu order: the seed first, then the pitfalls people hit most. */
const ORDER = [
  'seed-add-column',
  'rename-column',
  'add-not-null-column',
  'unique-over-duplicates',
  'cascade-parent-altered',
  'set-null-parent-altered',
  'model-removed',
  'alter-drop-false',
  'table-name-changed',
  'match-guard-blocks',
  'match-guard-allows',
  'remove-column',
  'change-column-type',
  'add-not-null-column-with-default',
  'add-index',
  'paranoid-added',
  'timestamps-removed',
  'alter-unchanged-model',
  // The same questions on PostgreSQL, where alter changes tables in place.
  'pg-seed-add-column',
  'pg-rename-column',
  'pg-enum-value-added',
  // Other releases: the seed on the release of its write-up, then Sequelize
  // 7's "Model synchronization" page (each sets `sequelize`).
  'seed-add-column-6.5.1',
  'v7-model-synchronization',
  'v7-model-sync-calls',
  'v7-match-removed',
];

export function exampleIdOf(path: string): string {
  return path.replace(/^.*\/|\.json$/g, '');
}

/** An example's menu entry from its scenario file's fields (the file name stands in for a missing title). */
export function exampleEntry(id: string, fields: { title?: unknown; notice?: unknown; dialect?: unknown }): ExampleEntry {
  return {
    id,
    title: typeof fields.title === 'string' ? fields.title : id,
    notice: typeof fields.notice === 'string' ? fields.notice : '',
    dialect: fields.dialect === 'postgres' ? 'postgres' : 'sqlite',
  };
}

const rank = (id: string) => (ORDER.includes(id) ? ORDER.indexOf(id) : ORDER.length);

/** Orders examples as the menu lists them. */
export function menuOrder(a: ExampleEntry, b: ExampleEntry): number {
  return rank(a.id) - rank(b.id) || compareText(a.title, b.title);
}

export const EXAMPLE_ENTRIES: readonly ExampleEntry[] = entries
  .map(({ file, ...fields }) => exampleEntry(exampleIdOf(file), fields))
  .sort(menuOrder);

export function findExampleEntry(id: string): ExampleEntry | undefined {
  return EXAMPLE_ENTRIES.find((entry) => entry.id === id);
}

/** The seed's scenario: what a newcomer sees first. */
export const FIRST_EXAMPLE: Example = {
  ...exampleEntry('seed-add-column', seed),
  scenario: seed as ScenarioInput,
};

let loading: Promise<readonly Example[]> | null = null;

/** Every example with its scenario (fetched once). */
export function loadExamples(): Promise<readonly Example[]> {
  loading ??= import('./example-scenarios').then((module) => module.EXAMPLES);
  return loading;
}

export async function loadExample(id: string): Promise<Example | undefined> {
  return (await loadExamples()).find((example) => example.id === id);
}
