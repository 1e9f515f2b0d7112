/**
 * What the page opens with: the scenario in the permalink (a link wins),
 * else the autosaved work, else the first example. A link that cannot be
 * decoded says why and opens the saved work or the example.
 */
import type { ScenarioInput } from '../engine/scenario';
import { FIRST_EXAMPLE, findExampleEntry } from '../examples/examples';
import { sameScenario, type SavedWork } from '../permalink/autosave';
import { decodePermalink, isPermalinkHash } from '../permalink/permalink-codec';

export interface InitialScenario {
  scenario: ScenarioInput;
  exampleId: string | null;
  linkError: string | null;
  /** True when the scenario came from the link. */
  fromLink: boolean;
}

function fallback(saved: SavedWork | null, linkError: string | null): InitialScenario {
  if (!saved) return { scenario: FIRST_EXAMPLE.scenario, exampleId: FIRST_EXAMPLE.id, linkError, fromLink: false };
  // An example id saved by an older version may name an example that is gone.
  const exampleId = saved.exampleId !== null && findExampleEntry(saved.exampleId) ? saved.exampleId : null;
  return { scenario: saved.scenario, exampleId, linkError, fromLink: false };
}

export function initialScenario(hash: string, saved: SavedWork | null = null): InitialScenario {
  if (!isPermalinkHash(hash)) return fallback(saved, null);
  try {
    const scenario = decodePermalink(hash);
    // A link to the unedited seed opens as that example (its name and what to
    // notice); other examples are recognised once they load (src/main.tsx).
    const exampleId = sameScenario(scenario, FIRST_EXAMPLE.scenario) ? FIRST_EXAMPLE.id : null;
    return { scenario, exampleId, linkError: null, fromLink: true };
  } catch (error) {
    return fallback(saved, (error as Error).message);
  }
}
