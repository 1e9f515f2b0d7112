/**
 * Reads what the floor page (src/floor/floor-main.ts) shows, and the same view of a result
 * computed in Node, so a browser test compares like with like.
 */
import type { Page } from 'playwright-core';
import type { RunResult } from '../../src/engine/result';
import type { ScenarioInput } from '../../src/engine/scenario';
import { decodePermalink, encodePermalink } from '../../src/permalink/permalink-codec';
import { maskTimestamps } from './comparable';

export interface ShownMode {
  mode: string;
  status: string;
  /** `phase: sql`, in order. */
  log: string[];
  console: string;
  /** `phase: name: message`, or '' when the mode succeeded. */
  error: string;
}

/** The floor page's URL for a scenario, as a permalink (the seed scenario when none is given). */
export function floorUrl(base: string, scenario?: ScenarioInput): string {
  return `${base}floor.html${scenario ? encodePermalink(scenario) : ''}`;
}

/**
 * The scenario the page's address links to now. The page writes it
 * URL_SYNC_DELAY_MS after a change, so after one, poll for it.
 */
export async function linkedScenario(page: Page): Promise<ScenarioInput> {
  return decodePermalink(await page.evaluate(() => location.hash));
}

/** Waits until every mode is done; fails with the page's message if the run failed. */
export async function waitForRun(page: Page, timeout = 60_000): Promise<void> {
  const handle = await page.waitForFunction(
    () => {
      // The floor page's #status, the playground's run status.
      const alert = document.querySelector('#status[role="alert"], [data-testid="run-status"][role="alert"]');
      if (alert) return { failed: alert.textContent ?? '' };
      const sections = [...document.querySelectorAll<HTMLElement>('section[data-testid^="mode-"]')];
      return sections.length > 0 && sections.every((s) => s.dataset.status === 'done') ? { failed: null } : false;
    },
    null,
    { timeout },
  );
  const { failed } = (await handle.jsonValue()) as { failed: string | null };
  if (failed !== null) throw new Error(`The page reported: ${failed}`);
}

export async function readShownModes(page: Page): Promise<ShownMode[]> {
  const shown = await page.$$eval('section[data-testid^="mode-"]', (sections) =>
    sections.map((section) => ({
      mode: (section.getAttribute('data-testid') ?? '').replace(/^mode-/, ''),
      status: section.getAttribute('data-status') ?? '',
      log: [...section.querySelectorAll('li')].map((li) => `${li.dataset.phase}: ${li.dataset.sql}`),
      console: section.querySelector('[data-testid="console"]')?.textContent ?? '',
      error: section.querySelector('[role="alert"]')?.textContent ?? '',
    })),
  );
  return maskTimestamps(shown);
}

/** What the page should show for a result. */
export function expectedModes(result: RunResult): ShownMode[] {
  return maskTimestamps(
    result.modes.map((mode) => ({
      mode: mode.mode,
      status: 'done',
      log: mode.log.map((entry) => `${entry.phase}: ${entry.sql}`),
      console: mode.console.join('\n'),
      error: mode.error ? `${mode.error.phase}: ${mode.error.name}: ${mode.error.message}` : '',
    })),
  );
}

/** Types code on a new line at the end of the Models tab, in Monaco. */
export async function appendToModels(page: Page, code: string): Promise<void> {
  await page.getByRole('tab', { name: 'Models' }).click();
  const editor = page.locator('[data-testid="monaco-editor"][data-ready="true"] .view-lines');
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(code);
  await page.keyboard.press('Escape');
}
