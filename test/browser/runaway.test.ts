/**
 * Runaway user code in the browser: an endless loop typed into After stops
 * within 5 s of the run's start with a message naming the mode and phase;
 * the code and the earlier results stay on the page; once the loop is
 * removed, the next run (on a fresh worker) succeeds.
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { useBrowserSession } from '../support/browser-session';
import { collectPageProblems } from '../support/chromium';
import { waitForRun } from '../support/playground-page';

describe('runaway code', () => {
  let appUrl = '';
  let browser: Browser | undefined;
  useBrowserSession((session) => {
    browser = session.browser;
    appUrl = session.url;
  });

  it('stops an endless loop within 5 s, keeps the code and the earlier results, and runs again', async () => {
    if (!browser) throw new Error('setup failed');
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = collectPageProblems(page);
    try {
      await page.goto(appUrl);
      await waitForRun(page);
      const alterLog = () => page.locator('[data-testid="mode-alter"] [data-sql]').evaluateAll((items) => items.map((li) => li.getAttribute('data-sql')));
      const before = await alterLog();
      expect(before.length).toBeGreaterThan(5);

      await page.locator('[data-testid="monaco-editor"][data-ready="true"]').waitFor({ timeout: 60_000 });
      // When the failure appears, noted in the page (polling from here would add its own delay).
      await page.evaluate(() => {
        const seen = new MutationObserver(() => {
          if (!document.querySelector('[data-testid="run-status"][role="alert"]')) return;
          (window as unknown as { alertAt: number }).alertAt = performance.now();
          seen.disconnect();
        });
        seen.observe(document.body, { subtree: true, childList: true, attributes: true });
      });
      await page.getByRole('tab', { name: 'After' }).click();
      await page.locator('[data-testid="monaco-editor"] .view-lines').click();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('while (true) {}');
      await page.keyboard.press('Escape');

      const alert = page.locator('[data-testid="run-status"][role="alert"]');
      await alert.waitFor({ timeout: 30_000 });
      // From the run's start (the run controller's mark) to the message on the page.
      const elapsed = await page.evaluate(
        () => (window as unknown as { alertAt: number }).alertAt - performance.getEntriesByName('run-start').at(-1)!.startTime,
      );
      expect(elapsed).toBeLessThan(5_000);
      // sync's After fails at its first line (no nameEs column yet) before the loop; force's reaches it.
      expect(await alert.textContent()).toMatch(/Mode force, in phase after, stopped answering for \d+(\.\d)? s .*The engine was restarted/);
      // Nothing is lost: the code as typed, the last results as they were.
      const shown = (await page.locator('[data-testid="monaco-editor"] .view-lines').textContent()) ?? '';
      expect(shown.replace(/\u00a0/g, ' ')).toContain('while (true) {}');
      expect(await alterLog()).toEqual(before);

      // Remove the loop's line; the next run gets a fresh worker and succeeds.
      await page.locator('[data-testid="monaco-editor"] .view-lines').click();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Shift+Home');
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => page.locator('[data-testid="run-status"]').textContent(), { timeout: 60_000 }).toMatch(/^Ran in \d+ ms$/);
      await waitForRun(page);
      expect(await alterLog()).toEqual(before);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  }, 180_000);
});
