/**
 * 100,000 rows in the browser: the run completes, the summary's counts are
 * exact (force loses every row, alter keeps every one), and "Rows after"
 * draws only the rows in view (a virtual list), not 100,000 table rows.
 * How fast is `npm run bench:web`'s job, not this test's.
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { encodePermalink } from '../../src/permalink/permalink-codec';
import { BIG_ROWS, BIG_SCENARIO } from '../support/big-scenario';
import { useBrowserSession } from '../support/browser-session';
import { collectPageProblems } from '../support/chromium';
import { waitForRun } from '../support/playground-page';

describe('100,000 rows in the browser', () => {
  let appUrl = '';
  let browser: Browser | undefined;
  useBrowserSession((session) => {
    browser = session.browser;
    appUrl = session.url;
  });

  it('counts every row force loses and alter keeps, and draws only the rows in view', async () => {
    if (!browser) throw new Error('setup failed');
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = collectPageProblems(page);
    try {
      await page.goto(appUrl + encodePermalink(BIG_SCENARIO));
      await waitForRun(page, 120_000);
      const summary = async (mode: string) => (await page.locator('table.summary td').nth(mode === 'force' ? 0 : 1).textContent()) ?? '';
      expect(await summary('force')).toContain(`0 kept${BIG_ROWS} lost`);
      expect(await summary('alter')).toContain(`${BIG_ROWS} kept0 lost`);

      const column = page.locator('[data-testid="mode-alter"]');
      await column.locator('summary', { hasText: 'Rows after' }).click();
      const items = column.locator('section[aria-label="Rows of Items"]');
      await items.locator('tr').first().waitFor();
      const drawn = await items.locator('tr').count();
      expect(drawn).toBeGreaterThan(5);
      expect(drawn).toBeLessThan(300);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  }, 180_000);
});
