/**
 * The result components in the production build, in real Chromium: for
 * example scenarios opened by permalink, each mode column shows the same
 * statements, console output, error and verdict as the engine computes in
 * Node; the page itself never scrolls (the results pane does); the summary
 * strip shows every mode at 1280px while the columns scroll sideways; on a
 * phone the page scrolls to results stacked under the editor; and opening
 * "Rows after" shows the rows a cascade lost.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { encodePermalink } from '../../src/permalink/permalink-codec';
import { modeVerdict } from '../../src/results/verdict';
import { useBrowserSession } from '../support/browser-session';
import { collectPageProblems } from '../support/chromium';
import { loadFixture } from '../support/fixtures';
import { expectedModes, readShownModes, waitForRun } from '../support/playground-page';
import { fixtureResult } from '../results/fixture-results';

const FIXTURES = ['seed-add-column', 'cascade-parent-altered', 'unique-over-duplicates', 'set-null-parent-altered'];

describe('the results in the browser', () => {
  let appUrl = '';
  let browser: Browser | undefined;

  useBrowserSession((session) => {
    browser = session.browser;
    appUrl = session.url;
  });

  async function open(name: string): Promise<{ page: Page; problems: string[] }> {
    if (!browser) throw new Error('setup failed');
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = collectPageProblems(page);
    await page.goto(appUrl + encodePermalink(loadFixture(name).scenario));
    await waitForRun(page);
    return { page, problems };
  }

  for (const name of FIXTURES) {
    it(`${name}: each column shows what the engine computes in Node`, async () => {
      const { page, problems } = await open(name);
      try {
        const result = await fixtureResult(name);
        expect(await readShownModes(page)).toEqual(expectedModes(result));
        const verdicts = await page.$$eval('section[data-testid^="mode-"] [data-testid="verdict"]', (els) => els.map((el) => el.textContent));
        expect(verdicts).toEqual(result.modes.map((mode) => modeVerdict(mode, result.baseline.tables).text));
        // The page never scrolls: the results pane does, beside the editor.
        const page2 = await page.evaluate(() => [document.documentElement.scrollHeight, window.innerHeight]);
        expect(page2[0]).toBe(page2[1]);
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it('at 1280px the summary strip shows all four modes of the seed, and the name of a mode scrolls to its column', async () => {
    const { page, problems } = await open('seed-add-column');
    try {
      const inView = (testId: string) =>
        page.getByTestId(testId).evaluate((el) => {
          const box = el.getBoundingClientRect();
          const pane = el.closest('.results')!.getBoundingClientRect();
          return box.left >= pane.left && box.right <= pane.right && box.width > 0;
        });
      // Four columns of at least 320px do not fit beside the editor: the last is out of view.
      expect(await inView('mode-drop')).toBe(false);
      for (const mode of ['sync', 'force', 'alter', 'drop']) expect(await inView(`summary-${mode}`)).toBe(true);
      const cells = await page.locator('table.summary td').allTextContents();
      expect(cells[1]).toContain('0 kept2 lost');
      expect(cells[2]).toContain('2 kept0 lost');
      await page.getByTestId('summary-drop').getByRole('button', { name: 'drop' }).click();
      await expect.poll(() => inView('mode-drop')).toBe(true);
      // The strip is still there: only the columns scrolled.
      expect(await inView('summary-sync')).toBe(true);
      expect(await page.getByTestId('summary-sync').isVisible()).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('on a phone (390×844) the page scrolls down to the results, stacked one column after another', async () => {
    if (!browser) throw new Error('setup failed');
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const problems = collectPageProblems(page);
    try {
      await page.goto(appUrl + encodePermalink(loadFixture('seed-add-column').scenario));
      await waitForRun(page);
      // The results are not a box squeezed under the toolbar and the editor (it was 30px high): they are as tall as what they hold.
      const results = await page.locator('.results').evaluate((el) => [el.clientHeight, el.scrollHeight]);
      const [shown, content] = results as [number, number];
      expect(shown).toBeGreaterThanOrEqual(content - 1);
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(844 * 2);
      // Stacked: each column is the pane's width, force below sync.
      const sync = (await page.getByTestId('mode-sync').boundingBox())!;
      const force = (await page.getByTestId('mode-force').boundingBox())!;
      expect(force.y).toBeGreaterThan(sync.y + sync.height - 1);
      expect(sync.x + sync.width).toBeLessThanOrEqual(390);
      const verdict = page.getByTestId('mode-force').getByTestId('verdict');
      await verdict.scrollIntoViewIfNeeded();
      expect(await verdict.textContent()).toContain('2 rows lost');
      const box = (await verdict.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(844);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('"Rows after" of the cascade shows the three books lost, struck through', async () => {
    const { page, problems } = await open('cascade-parent-altered');
    try {
      const column = page.locator('[data-testid="mode-alter"]');
      await column.locator('summary', { hasText: 'Rows after' }).click();
      const books = column.locator('section[aria-label="Rows of Books"]');
      // The rows view is a chunk of its own, drawn on opening; on a busy machine (the engine warming up after the first result) that took over expect.poll's default second.
      await expect.poll(() => books.locator('tr.rows-row--lost').count(), { timeout: 15_000 }).toBe(3);
      expect(await books.locator('tr.rows-row--lost td:nth-child(3)').allTextContents()).toEqual([
        'The Dispossessed',
        'A Wizard of Earthsea',
        'Mort',
      ]);
      const decoration = await books.locator('tr.rows-row--lost td:nth-child(3) > span').first().evaluate((el) => getComputedStyle(el).textDecorationLine);
      expect(decoration).toBe('line-through');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
