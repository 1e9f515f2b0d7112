/**
 * The examples menu. The examples are the parity fixtures themselves
 * (test/fixtures/): every one is run in CI on native sqlite3 and on the
 * engine, so what an example shows is what Sequelize really does.
 */
import type { ScenarioInput } from '../engine/scenario';

export interface Example {
  id: string;
  title: string;
  /** One sentence: what to notice. */
  notice: string;
  scenario: ScenarioInput;
}

const files = import.meta.glob<ScenarioInput>('../../test/fixtures/*.json', { eager: true, import: 'default' });

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

function idOf(path: string): string {
  return path.replace(/^.*\/|\.json$/g, '');
}

export const EXAMPLES: readonly Example[] = Object.entries(files)
  .map(([path, scenario]) => ({
    id: idOf(path),
    title: typeof scenario.title === 'string' ? scenario.title : idOf(path),
    notice: typeof scenario.notice === 'string' ? scenario.notice : '',
    scenario,
  }))
  .sort((a, b) => {
    const rank = (id: string) => (ORDER.includes(id) ? ORDER.indexOf(id) : ORDER.length);
    return rank(a.id) - rank(b.id) || a.title.localeCompare(b.title);
  });

export function findExample(id: string): Example | undefined {
  return EXAMPLES.find((example) => example.id === id);
}

/** The seed's scenario: what a newcomer sees first. */
export const FIRST_EXAMPLE = EXAMPLES[0] as Example;
