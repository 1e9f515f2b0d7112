/**
 * The playground as a newcomer uses it, in real Chromium: the seed example's
 * four columns, an edit typed into Models that re-runs and changes the log,
 * the cascade example's child rows lost, a syntax error shown at its line
 * with the other panes intact. Saves screenshots of the main view (light and
 * dark) in test-results/ to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { encodePermalink } from '../../src/permalink/permalink-codec';
import { useBrowserSession } from '../support/browser-session';
import { ROOT } from '../support/built-app';
import { collectPageProblems } from '../support/chromium';
import { runOnEngine } from '../support/engines';
import { loadFixture } from '../support/fixtures';
import { appendToModels, expectedModes, readShownModes, waitForRun } from '../support/playground-page';

const ARTIFACTS = join(ROOT, 'test-results');

async function statementsOf(page: Page, mode: string): Promise<string[]> {
  return page.$$eval(`section[data-testid="mode-${mode}"] [data-sql]`, (els) => els.map((el) => el.getAttribute('data-sql') ?? ''));
}


describe('the playground', () => {
  let browser: Browser | undefined;
  let url = '';

  useBrowserSession((session) => {
    browser = session.browser;
    url = session.url;
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  async function open(hash = '', colorScheme: 'light' | 'dark' = 'light') {
    if (!browser) throw new Error('no browser');
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme });
    const problems = collectPageProblems(page);
    await page.goto(url + hash);
    await waitForRun(page);
    return { page, problems };
  }

  it('opens on the seed example: four columns with the engine’s statements, in light and dark', async () => {
    const expected = expectedModes(await runOnEngine(loadFixture('seed-add-column').scenario));
    for (const scheme of ['light', 'dark'] as const) {
      const { page, problems } = await open('', scheme);
      expect(await readShownModes(page)).toEqual(expected);
      await expect.poll(() => page.getByTestId('example-notice').textContent()).toMatch(/alter adds the column/);
      await page.locator('[data-testid="monaco-editor"][data-ready="true"]').waitFor({ timeout: 30_000 });
      await page.screenshot({ path: join(ARTIFACTS, `playground-${scheme}.png`) });
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it('re-runs after an edit typed into Models, and the log changes', async () => {
    const { page, problems } = await open();
    await page.locator('[data-testid="monaco-editor"][data-ready="true"]').waitFor({ timeout: 30_000 });
    const before = await statementsOf(page, 'alter');
    expect(before.some((sql) => sql.includes('`extra`'))).toBe(false);
    await appendToModels(page, "sequelize.models.IntegerNames.rawAttributes; sequelize.define('Extra', { extra: DataTypes.STRING });");
    await expect
      .poll(async () => (await statementsOf(page, 'alter')).some((sql) => sql.startsWith('CREATE TABLE IF NOT EXISTS `Extras`')), { timeout: 20_000 })
      .toBe(true);
    await waitForRun(page);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the cascade example: alter reports the child rows lost', async () => {
    const { page } = await open();
    await page.getByTestId('examples-menu').selectOption('cascade-parent-altered');
    await expect.poll(() => page.getByTestId('example-notice').textContent()).toMatch(/.+/);
    await expect
      .poll(() => page.locator('section[data-testid="mode-alter"] [data-testid="verdict"]').textContent(), { timeout: 20_000 })
      .toMatch(/3 rows lost in Books/);
    await page.close();
  });

  it('a link to an unedited example opens as that example, with what to notice; an edited one as your scenario', async () => {
    const cascade = loadFixture('cascade-parent-altered').scenario;
    const { page } = await open(encodePermalink(cascade));
    // Known once the examples have loaded, after the first result.
    await expect.poll(() => page.getByTestId('examples-menu').inputValue(), { timeout: 15_000 }).toBe('cascade-parent-altered');
    await expect.poll(() => page.getByTestId('example-notice').textContent()).toBe(`Notice: ${cascade.notice}`);
    await page.close();

    const seed = loadFixture('seed-add-column').scenario;
    const edited = await open(encodePermalink({ ...seed, models: `${seed.models}\n// mine` }));
    await edited.page.locator('[data-testid="monaco-editor"][data-ready="true"]').waitFor({ timeout: 30_000 });
    expect(await edited.page.getByTestId('examples-menu').inputValue()).toBe('');
    expect(await edited.page.getByTestId('example-notice').count()).toBe(0);
    await edited.page.close();
  });

  it('a syntax error in Models is shown at its line; Before and After keep their code', async () => {
    const scenario = loadFixture('seed-add-column').scenario;
    const { page } = await open(encodePermalink(scenario));
    await page.locator('[data-testid="monaco-editor"][data-ready="true"]').waitFor({ timeout: 30_000 });
    await appendToModels(page, 'const = 1;');
    await expect
      .poll(() => page.locator('section[data-testid="mode-sync"] [role="alert"]').first().textContent(), { timeout: 20_000 })
      .toMatch(/models: SyntaxError: Unexpected token \(line 6, column 7\)/);
    await expect.poll(() => page.locator('[data-testid="monaco-editor"] .squiggly-error').count()).toBeGreaterThan(0);
    for (const [tab, text] of [['Before (setup)', 'await IntegerNames.create'], ['After', 'siete']] as const) {
      await page.getByRole('tab', { name: tab }).click();
      // Monaco draws spaces as no-break spaces.
      await expect.poll(async () => (await page.locator('[data-testid="monaco-editor"] .view-lines').textContent())?.replace(/\u00a0/g, ' ')).toContain(text);
    }
    await page.close();
  });
});
