/**
 * Sequelize releases in the browser: switching the seed example to 6.5.1
 * changes sync's statements exactly as the engine computes them in Node
 * (6.5.1 creates the table straight away where 6.37.8 first asks
 * sqlite_master); comparing 6.5.1 with 6.37.8 aligns the two logs and marks
 * what only one release ran; the release travels in the permalink. Saves
 * the comparison in light and dark in test-results/ to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/engine/result';
import { SHIPPED_VERSIONS } from '../../src/engine/sequelize-versions';
import { modeVerdict } from '../../src/results/verdict';
import { PICKABLE_RELEASES } from '../../src/store/sequelize-releases';
import { useBrowserSession } from '../support/browser-session';
import { ROOT } from '../support/built-app';
import { collectPageProblems } from '../support/chromium';
import { runOnEngine } from '../support/engines';
import { loadFixture } from '../support/fixtures';
import { expectedModes, linkedScenario, readShownModes, waitForRun } from '../support/playground-page';

const ARTIFACTS = join(ROOT, 'test-results');
const seed = loadFixture('seed-add-column').scenario;
const ASK_SQLITE_MASTER = "SELECT name FROM sqlite_master WHERE type='table' AND name='IntegerNames';";
const INDEX_LIST = 'PRAGMA INDEX_LIST(`IntegerNames`)';

/** The run status's message when the run failed, else null. */
async function runFailure(page: Page): Promise<string | null> {
  const status = page.getByTestId('run-status');
  return (await status.getAttribute('role')) === 'alert' ? await status.textContent() : null;
}

const sqlOf = (items: Locator) => items.evaluateAll((els) => els.map((el) => el.getAttribute('data-sql') ?? ''));
const operationOf = (result: RunResult, mode: string) =>
  result.modes.find((m) => m.mode === mode)?.log.filter((e) => e.phase === 'operation').map((e) => e.sql) ?? [];

describe('Sequelize releases in the browser', () => {
  let browser: Browser | undefined;
  let url = '';
  // The engine's results in Node, computed once.
  let newest: Promise<RunResult> | undefined;
  let older: Promise<RunResult> | undefined;
  const engineResult = (version: '6.37.8' | '6.5.1') =>
    version === '6.37.8' ? (newest ??= runOnEngine(seed)) : (older ??= runOnEngine({ ...seed, sequelize: '6.5.1' }));

  useBrowserSession((session) => {
    browser = session.browser;
    url = session.url;
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  async function open(address = url, colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; problems: string[] }> {
    if (!browser) throw new Error('no browser');
    // A context of its own: no autosaved work from another test.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme });
    const page = await context.newPage();
    const problems = collectPageProblems(page);
    await page.goto(address);
    await waitForRun(page);
    return { page, problems };
  }

  it('the picker offers exactly the releases the engine ships', () => {
    expect(PICKABLE_RELEASES.map((r) => r.version)).toEqual(SHIPPED_VERSIONS);
  });

  it('switching the seed example to 6.5.1: sync creates the table where 6.37.8 first asks sqlite_master; a reload keeps it', async () => {
    const { page, problems } = await open();
    const picker = page.getByTestId('version-picker');
    expect(await picker.getByLabel('6.37.8', { exact: true }).isChecked()).toBe(true);
    const syncLog = () => sqlOf(page.locator('section[data-testid="mode-sync"] [data-sql]'));
    expect((await syncLog()).slice(0, 2)).toEqual([ASK_SQLITE_MASTER, INDEX_LIST]);

    await picker.getByLabel('6.5.1', { exact: true }).check();
    // A failed run shows its message rather than a timeout.
    const firstOrFailure = async () => ((await runFailure(page)) ?? (await syncLog())[0]);
    await expect.poll(firstOrFailure, { timeout: 30_000 }).toMatch(/^CREATE TABLE IF NOT EXISTS `IntegerNames`/);
    await waitForRun(page);
    const expected = await engineResult('6.5.1');
    expect(expected.sequelizeVersion).toBe('6.5.1');
    expect(operationOf(expected, 'sync')).toEqual([expect.stringMatching(/^CREATE TABLE IF NOT EXISTS `IntegerNames`/), INDEX_LIST]);
    expect(await readShownModes(page)).toEqual(expectedModes(expected));
    // The release is scenario data: the permalink carries it (written
    // URL_SYNC_DELAY_MS after the change, so a fast run can come first).
    await expect.poll(async () => (await linkedScenario(page)).sequelize, { timeout: 5_000 }).toBe('6.5.1');

    // (c) A reload, and the link opened afresh, run 6.5.1 again.
    const link = page.url();
    await page.reload();
    await waitForRun(page);
    expect(await page.getByTestId('version-picker').getByLabel('6.5.1', { exact: true }).isChecked()).toBe(true);
    expect(await readShownModes(page)).toEqual(expectedModes(expected));
    await page.context().close();
    const opened = await open(link);
    expect(await opened.page.getByTestId('version-picker').getByLabel('6.5.1', { exact: true }).isChecked()).toBe(true);
    expect((await sqlOf(opened.page.locator('section[data-testid="mode-sync"] [data-sql]')))[0]).toMatch(/^CREATE TABLE IF NOT EXISTS/);

    // Back to the default: the field leaves the scenario, as links made before the picker have it.
    await opened.page.getByTestId('version-picker').getByLabel('6.37.8', { exact: true }).check();
    await expect.poll(async () => (await sqlOf(opened.page.locator('section[data-testid="mode-sync"] [data-sql]')))[0], { timeout: 30_000 }).toBe(ASK_SQLITE_MASTER);
    await expect.poll(async () => (await linkedScenario(opened.page)).sequelize, { timeout: 5_000 }).toBeUndefined();
    expect([...problems, ...opened.problems]).toEqual([]);
    await opened.page.context().close();
  }, 180_000);

  for (const scheme of ['light', 'dark'] as const) {
    it(`comparing 6.5.1 with 6.37.8 aligns sync's statements and marks what only one ran (${scheme})`, async () => {
      const { page, problems } = await open(url, scheme);
      await page.getByTestId('compare-versions').selectOption('6.5.1');
      const comparison = page.getByTestId('version-comparison');
      const side = (version: string) => comparison.getByTestId(`version-${version}`);
      // The older release on the left.
      await comparison.getByLabel('sync', { exact: true }).check();
      // 'done', or 'failed: ' and why.
      const state = async (version: string) => {
        const status = await side(version).getAttribute('data-status');
        return status === 'failed' ? `failed: ${await side(version).getByRole('alert').first().textContent()}` : status;
      };
      for (const version of ['6.5.1', '6.37.8']) await expect.poll(() => state(version), { timeout: 60_000 }).toBe('done');
      await side('6.5.1').locator('[data-diff]').first().waitFor();

      const rows = (version: string) =>
        side(version).locator('[data-sql]').evaluateAll((els) => els.map((el) => [el.getAttribute('data-diff'), el.getAttribute('data-sql')]));
      const [newer, older] = [await engineResult('6.37.8'), await engineResult('6.5.1')];
      const olderCreate = operationOf(older, 'sync')[0] ?? '';
      // Each side shows its release's statements, exactly as run.
      const syncLog = (result: RunResult) => result.modes.find((m) => m.mode === 'sync')?.log.map((e) => e.sql);
      expect((await rows('6.37.8')).map(([, sql]) => sql)).toEqual(syncLog(newer));
      expect((await rows('6.5.1')).map(([, sql]) => sql)).toEqual(syncLog(older));
      expect((await rows('6.37.8')).slice(0, 2)).toEqual([
        ['only-right', ASK_SQLITE_MASTER],
        ['same', INDEX_LIST],
      ]);
      expect((await rows('6.5.1')).slice(0, 2)).toEqual([
        ['only-left', olderCreate],
        ['same', INDEX_LIST],
      ]);
      // The after phase is the same on both: every statement of it is marked so.
      expect((await side('6.37.8').locator('[data-phase="after"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-diff'))))).toEqual(['same']);
      // Equal statements stand level; a one-sided one faces a gap.
      const top = async (locator: Locator) => (await locator.boundingBox())?.y;
      const indexList = (version: string) => side(version).locator(`[data-sql="${INDEX_LIST}"]`);
      expect(await top(indexList('6.5.1'))).toBe(await top(indexList('6.37.8')));
      expect(await side('6.5.1').locator('.vcmp-gap').count()).toBe(1);
      expect(await side('6.37.8').locator('.vcmp-gap').count()).toBe(1);
      // Each side's verdict is the engine's.
      for (const [version, result] of [['6.37.8', newer], ['6.5.1', older]] as const) {
        const mode = result.modes.find((m) => m.mode === 'sync');
        if (!mode) throw new Error('no sync mode');
        expect(await side(version).getByTestId('verdict').textContent()).toBe(modeVerdict(mode, result.baseline.tables).text);
      }
      await page.screenshot({ path: join(ARTIFACTS, `versions-${scheme}.png`) });

      // Choosing the compared release for the scenario swaps the two: the comparison stays.
      await page.getByTestId('version-picker').getByLabel('6.5.1', { exact: true }).check();
      await expect.poll(() => page.getByTestId('compare-versions').inputValue()).toBe('6.37.8');
      await expect.poll(() => side('6.5.1').locator('.vcmp-role').textContent()).toBe('the scenario’s');
      for (const version of ['6.5.1', '6.37.8']) await expect.poll(() => state(version), { timeout: 60_000 }).toBe('done');
      expect((await rows('6.37.8'))[0]).toEqual(['only-right', ASK_SQLITE_MASTER]);

      // One comparison at a time: comparing the databases ends the release comparison.
      await page.getByTestId('compare-dialects').check();
      await expect.poll(() => page.getByTestId('compare-versions').inputValue()).toBe('');
      expect(await page.getByTestId('version-comparison').count()).toBe(0);
      expect(problems).toEqual([]);
      await page.context().close();
    }, 180_000);
  }
});
