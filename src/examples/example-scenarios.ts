/** Every example's scenario: a chunk of its own, loaded by ./examples.ts. */
import type { ScenarioInput } from '../engine/scenario';
import { exampleEntry, exampleIdOf, menuOrder, type Example } from './examples';

const files = import.meta.glob<ScenarioInput>('../../test/fixtures/*.json', { eager: true, import: 'default' });

export const EXAMPLES: readonly Example[] = Object.entries(files)
  .map(([path, scenario]) => ({ ...exampleEntry(exampleIdOf(path), scenario), scenario }))
  .sort(menuOrder);
