/**
 * `?embed=1`, in real Chromium: the compact read-only view an iframe in
 * documentation shows. The columns equal the engine's result, there is no
 * editor, Run runs again, "Open in playground" links the full view of the
 * same scenario, and the embed leaves the reader's saved work alone.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { decodePermalink } from '../../src/permalink/permalink-codec';
import { useBrowserSession } from '../support/browser-session';
import { collectPageProblems } from '../support/chromium';
import { runOnEngine } from '../support/engines';
import { externalLink } from '../support/external-link';
import { loadFixture } from '../support/fixtures';
import { expectedModes, readShownModes, waitForRun } from '../support/playground-page';

const seed = loadFixture('seed-add-column');

describe('embed view', () => {
  let browser: Browser | undefined;
  let url = '';

  useBrowserSession((session) => {
    browser = session.browser;
    url = session.url;
  });

  it('shows the columns read-only, runs again on Run, and links to the full playground', async () => {
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext({ viewport: { width: 900, height: 600 } });
    const page = await context.newPage();
    const problems = collectPageProblems(page);
    const link = externalLink(readFileSync(seed.file, 'utf8'));
    await page.goto(`${url}?embed=1${link}`);
    await waitForRun(page);

    await page.getByTestId('embed').waitFor();
    expect(await readShownModes(page)).toEqual(expectedModes(await runOnEngine(seed.scenario)));
    expect(await page.getByTestId('embed').locator('h1').textContent()).toBe(seed.scenario.title);
    // Read-only: no editor, no toolbar of the full playground.
    expect(await page.locator('[data-testid="monaco-editor"], [role="tab"], [data-testid="share-button"]').count()).toBe(0);

    const open = page.getByTestId('open-in-playground');
    const href = (await open.getAttribute('href')) ?? '';
    expect(href.startsWith(url)).toBe(true);
    expect(new URL(href).search).toBe('');
    expect(decodePermalink(new URL(href).hash)).toEqual(seed.scenario);
    expect(await open.getAttribute('target')).toBe('_blank');

    const runsBefore = await page.evaluate(() => performance.getEntriesByName('run-start').length);
    await page.getByTestId('run-button').click();
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('run-start').length)).toBe(runsBefore + 1);
    await waitForRun(page);
    expect((await readShownModes(page)).map((mode) => mode.mode)).toEqual(['sync', 'force', 'alter', 'drop']);

    // An embed in someone's docs must not overwrite the reader's own work.
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    await page.screenshot({ path: 'test-results/embed.png' });
    expect(problems).toEqual([]);
    await context.close();
  });
});
