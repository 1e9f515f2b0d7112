/**
 * What the page opens with: the scenario in the permalink, or the first
 * example. A link that cannot be decoded says why and opens the example.
 */
import type { ScenarioInput } from '../engine/scenario';
import { FIRST_EXAMPLE } from '../examples/examples';
import { decodePermalink, isPermalinkHash } from '../permalink/permalink-codec';

export interface InitialScenario {
  scenario: ScenarioInput;
  exampleId: string | null;
  linkError: string | null;
}

export function initialScenario(hash: string): InitialScenario {
  if (!isPermalinkHash(hash)) return { scenario: FIRST_EXAMPLE.scenario, exampleId: FIRST_EXAMPLE.id, linkError: null };
  try {
    return { scenario: decodePermalink(hash), exampleId: null, linkError: null };
  } catch (error) {
    return { scenario: FIRST_EXAMPLE.scenario, exampleId: FIRST_EXAMPLE.id, linkError: (error as Error).message };
  }
}
