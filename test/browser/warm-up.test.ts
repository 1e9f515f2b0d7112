/**
 * After the first result the engine runs the scenario twice more, unseen, so
 * that the first edits re-run as fast as later ones (src/app/engine-warm-up.ts),
 * in real Chromium: the page shows nothing of it, downloads stay with the
 * run the page shows, and an edit still runs and shows its result.
 */
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { encodePermalink } from '../../src/permalink/permalink-codec';
import { useBrowserSession } from '../support/browser-session';
import { collectPageProblems } from '../support/chromium';
import { loadFixture } from '../support/fixtures';
import { readNativeSqlite } from '../support/native-sqlite-host';
import { appendToModels, readShownModes, waitForRun, type ShownMode } from '../support/playground-page';

const ADD_COLUMN = 'ALTER TABLE "public"."IntegerNames" ADD COLUMN "nameEs" VARCHAR(255);';

/**
 * Runs in the page before its scripts: notes each run the page asks of a
 * worker, and each time a mode column goes back to "running" once all were done.
 */
const WATCH = `(() => {
  window.__runs = [];
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (message && message.type === 'run') window.__runs.push({ warmUp: message.warmUp === true });
    return post.call(this, message, ...rest);
  };
  window.__wentRunning = 0;
  let allDone = false;
  new MutationObserver(() => {
    const sections = [...document.querySelectorAll('section[data-testid^="mode-"]')];
    if (sections.length > 0 && sections.every((s) => s.dataset.status === 'done')) allDone = true;
    else if (allDone && sections.some((s) => s.dataset.status === 'running')) { window.__wentRunning++; allDone = false; }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-status'] });
})()`;

/** A new page on the seed, watched (WATCH), once its first run is shown. */
async function openWatchedSeed(browser: Browser, url: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems = collectPageProblems(page);
  await page.addInitScript(WATCH);
  await page.goto(url + encodePermalink(loadFixture('seed-add-column').scenario));
  await waitForRun(page);
  const runs = () => page.evaluate('window.__runs') as Promise<Array<{ warmUp: boolean }>>;
  return { page, problems, runs };
}

describe('warming the engine after the first result', () => {
  let browser: Browser | undefined;
  let url = '';
  useBrowserSession((session) => {
    browser = session.browser;
    url = session.url;
  });

  it('runs the seed twice more unseen, keeps downloads with the shown run, and an edit still runs', async () => {
    if (!browser) throw new Error('no browser');
    const { page, problems, runs } = await openWatchedSeed(browser, url);
    const shown = await readShownModes(page);
    await expect.poll(runs, { timeout: 30_000 }).toEqual([{ warmUp: false }, { warmUp: true }, { warmUp: true }]);
    // The second warm-up has had time to finish: nothing of either shows.
    await page.waitForTimeout(2000);
    expect(await page.evaluate('window.__wentRunning')).toBe(0);
    expect(await readShownModes(page)).toEqual(shown);

    // The download is the shown run's database (a warm-up's id would find none).
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-sqlite-alter').click()]);
    const rows = await readNativeSqlite(await download.path(), 'SELECT name, nameEs FROM IntegerNames ORDER BY id');
    expect(rows.map((row) => [row.name, row.nameEs])).toEqual([['two', null], ['three', null], ['five', 'cinco'], ['seven', 'siete']]);

    // An edit runs as before, and shows its own result.
    await appendToModels(page, "sequelize.define('Extra', { label: DataTypes.STRING });");
    const forceCreatesExtras = async () => (await readShownModes(page)).find((mode) => mode.mode === 'force')?.log.some((line) => line.includes('`Extras`'));
    await expect.poll(forceCreatesExtras, { timeout: 60_000 }).toBe(true);
    // No more warm-ups: only after the page's first result.
    expect((await runs()).filter((run) => run.warmUp)).toHaveLength(2);
    // The control: the watch sees a run the page shows.
    expect(await page.evaluate('window.__wentRunning')).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);

  it('warms PostgreSQL too after its first result, unseen, and an edit still runs on it', async () => {
    if (!browser) throw new Error('no browser');
    const { page, problems, runs } = await openWatchedSeed(browser, url);
    await expect.poll(runs, { timeout: 30_000 }).toHaveLength(3);

    await page.getByTestId('dialect-picker').getByLabel('PostgreSQL').check();
    await waitForRun(page, 120_000);
    const shown = await readShownModes(page);
    const addsColumn = (modes: ShownMode[]) => modes.find((mode) => mode.mode === 'alter')?.log.includes(`operation: ${ADD_COLUMN}`);
    expect(addsColumn(shown)).toBe(true);
    const wentRunning = await page.evaluate('window.__wentRunning');
    // Said if it fails: the modes' times decide whether the warm-up runs (engine-warm-up.ts).
    const modeTimes = (await page.locator('section[data-testid^="mode-"] .mcol-time').allTextContents()).join(', ');
    await expect.poll(runs, { timeout: 60_000, message: `PostgreSQL's warm-ups (its modes took ${modeTimes})` }).toEqual([
      { warmUp: false },
      { warmUp: true },
      { warmUp: true },
      { warmUp: false },
      { warmUp: true },
      { warmUp: true },
    ]);
    await page.waitForTimeout(3000);
    expect(await page.evaluate('window.__wentRunning')).toBe(wentRunning);
    expect(await readShownModes(page)).toEqual(shown);

    // An edit runs on PostgreSQL after the warm-ups (on the instance they restored), and shows its own result.
    await appendToModels(page, "sequelize.define('Extra', { label: DataTypes.STRING });");
    const forceCreatesExtras = async () => (await readShownModes(page)).find((mode) => mode.mode === 'force')?.log.some((line) => line.includes('"Extras"'));
    await expect.poll(forceCreatesExtras, { timeout: 60_000 }).toBe(true);
    expect(addsColumn(await readShownModes(page))).toBe(true);
    expect((await runs()).filter((run) => run.warmUp)).toHaveLength(4);
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);
});
