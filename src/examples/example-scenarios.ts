/** Every example's scenario: a chunk of its own, loaded by ./examples.ts. */
import type { ScenarioInput } from '../engine/scenario';
import { dialectOf, exampleIdOf, menuOrder, type Example } from './examples';

const files = import.meta.glob<ScenarioInput>('../../test/fixtures/*.json', { eager: true, import: 'default' });

export const EXAMPLES: readonly Example[] = Object.entries(files)
  .map(([path, scenario]) => ({
    id: exampleIdOf(path),
    title: typeof scenario.title === 'string' ? scenario.title : exampleIdOf(path),
    notice: typeof scenario.notice === 'string' ? scenario.notice : '',
    dialect: dialectOf(scenario.dialect),
    scenario,
  }))
  .sort(menuOrder);
