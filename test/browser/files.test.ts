/**
 * Scenario files and "Copy as issue", in real Chromium: opening a valid
 * .json file loads and runs its scenario; an invalid one says what was
 * wrong and keeps the editor's text; Copy as issue puts Markdown with each
 * mode's SQL on the clipboard.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { parseScenarioJson, type ScenarioInput } from '../../src/engine/scenario';
import { exportReproduction } from '../../src/export/repro-export';
import { scenarioFileText } from '../../src/share/scenario-file';
import { useBrowserSession } from '../support/browser-session';
import { readNativeSqlite } from '../support/native-sqlite-host';
import { collectPageProblems } from '../support/chromium';
import { runOnEngine } from '../support/engines';
import { loadFixture } from '../support/fixtures';
import { appendToModels, expectedModes, readShownModes, waitForRun } from '../support/playground-page';

/** The Models tab's text as Monaco shows it (it draws spaces as no-break spaces). */
async function modelsText(page: Page): Promise<string> {
  await page.getByRole('tab', { name: 'Models' }).click();
  const lines = page.locator('[data-testid="monaco-editor"][data-ready="true"] .view-lines');
  return ((await lines.textContent()) ?? '').replace(/\u00a0/g, ' ');
}

function jsonFile(name: string, text: string) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(text) };
}

describe('scenario files and Copy as issue', () => {
  let browser: Browser | undefined;
  let url = '';

  useBrowserSession((session) => {
    browser = session.browser;
    url = session.url;
  });

  async function open(context?: BrowserContext) {
    if (!browser) throw new Error('no browser');
    const ctx = context ?? (await browser.newContext({ viewport: { width: 1280, height: 800 } }));
    const page = await ctx.newPage();
    const problems = collectPageProblems(page);
    await page.goto(url);
    await waitForRun(page);
    await page.locator('[data-testid="monaco-editor"][data-ready="true"]').waitFor({ timeout: 30_000 });
    return { page, problems };
  }

  it('opening a valid .json file loads its scenario and runs it', async () => {
    const fixture = loadFixture('remove-column');
    const scenario: ScenarioInput = { ...fixture.scenario, modes: ['sync', 'alter'] };
    const expected = expectedModes(await runOnEngine(scenario));
    const { page, problems } = await open();
    await page.getByTestId('open-json-input').setInputFiles(jsonFile('remove-column.json', scenarioFileText(scenario)));
    await expect.poll(() => page.locator('section[data-testid^="mode-"]').count(), { timeout: 20_000 }).toBe(2);
    await waitForRun(page);
    await expect.poll(() => readShownModes(page), { timeout: 20_000 }).toEqual(expected);
    expect(await modelsText(page)).toContain('nickname');
    expect(await page.getByTestId('file-error').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('an invalid file shows what was wrong and keeps the editor text', async () => {
    const { page } = await open();
    const before = await modelsText(page);
    await page.getByTestId('open-json-input').setInputFiles(jsonFile('broken.json', '{"format": "sync-playground/scenario", "models": ""}'));
    await expect.poll(() => page.getByTestId('file-error').textContent()).toMatch(/could not be opened: broken\.json: Invalid scenario: format: must be exactly/);
    expect(await modelsText(page)).toBe(before);
    expect(await page.locator('section[data-testid^="mode-"]').count()).toBe(4);
    await page.close();
  });

  it('the More menu closes on Escape and on a click outside it', async () => {
    const { page } = await open();
    const menu = page.getByTestId('more-menu');
    const isOpen = () => menu.evaluate((element) => (element as HTMLDetailsElement).open);
    await page.getByText('⋯ More').click();
    expect(await isOpen()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await isOpen()).toBe(false);
    await page.getByText('⋯ More').click();
    await page.getByTestId('mode-alter').click({ position: { x: 5, y: 5 } });
    expect(await isOpen()).toBe(false);
    await page.close();
  });

  it('Download .json saves the scenario as pretty JSON named from its title', async () => {
    const { page } = await open();
    await page.getByText('⋯ More').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-json').click()]);
    expect(download.suggestedFilename()).toMatch(/^add-a-column[a-z0-9-]*\.json$/);
    const path = await download.path();
    const text = readFileSync(path, 'utf8');
    const saved = parseScenarioJson(text);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    expect(saved.title).toBe('Add a column: sync vs force vs alter vs drop');
    expect(saved.models).toContain('nameEs');
    await page.close();
  });

  it('Download .sqlite saves the database each mode ended with, readable by native SQLite', async () => {
    const { page } = await open();
    const rowsIn = async (mode: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`download-sqlite-${mode}`).click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^add-a-column[a-z0-9-]*-${mode}\\.sqlite$`));
      return readNativeSqlite(await download.path(), 'SELECT * FROM IntegerNames ORDER BY id');
    };
    // alter keeps setup's two rows beside the two `after` adds; force lost them.
    const altered = await rowsIn('alter');
    expect(altered.map((row) => [row.name, row.nameEs])).toEqual([['two', null], ['three', null], ['five', 'cinco'], ['seven', 'siete']]);
    expect((await rowsIn('force')).map((row) => row.name)).toEqual(['five', 'seven']);
    await page.getByTestId('baseline').locator('summary').click();
    expect((await rowsIn('baseline')).map((row) => row.name)).toEqual(['two', 'three']);
    await page.close();
  });

  it('Download reproduction saves a zip of the same files `cli export` writes', async () => {
    const { page } = await open();
    await page.getByText('⋯ More').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-repro').click()]);
    expect(download.suggestedFilename()).toMatch(/^add-a-column[a-z0-9-]*-repro\.zip$/);
    const folder = download.suggestedFilename().replace(/\.zip$/, '');
    const unzipped = unzipSync(readFileSync(await download.path()));
    const expected = await exportReproduction(loadFixture('seed-add-column').scenario, '6.37.8');
    expect(Object.keys(unzipped).filter((name) => !name.endsWith('/')).sort()).toEqual(Object.keys(expected).map((name) => `${folder}/${name}`).sort());
    for (const [name, text] of Object.entries(expected)) expect(strFromU8(unzipped[`${folder}/${name}`] as Uint8Array)).toBe(text);
    await expect.poll(() => page.getByTestId('more-status').textContent()).toMatch(/^Saved .*-repro\.zip: unzip, then npm install && node repro\.js$/);
    await page.close();
  });

  it('a file dropped on the page opens; the edited work it replaces comes back from Recent', async () => {
    const { page } = await open();
    const edit = "sequelize.define('Dropped', { note: DataTypes.STRING });";
    await appendToModels(page, edit);
    await expect.poll(() => modelsText(page)).toContain(edit);
    const incoming: ScenarioInput = { ...loadFixture('remove-column').scenario, title: 'Dropped file', modes: ['alter'] };
    await page.evaluate(
      ([name, text]) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([text], name, { type: 'application/json' }));
        document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
        document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      },
      ['dropped.json', scenarioFileText(incoming)] as const,
    );
    await expect.poll(() => page.locator('section[data-testid^="mode-"]').count(), { timeout: 20_000 }).toBe(1);
    await waitForRun(page);
    expect(await modelsText(page)).not.toContain(edit);
    await page.getByTestId('recent-menu').focus();
    await expect.poll(() => page.locator('[data-testid="recent-menu"] option').count()).toBe(2);
    await page.getByTestId('recent-menu').selectOption({ index: 1 });
    await expect.poll(() => modelsText(page), { timeout: 10_000 }).toContain(edit);
    await page.close();
  });

  it('Copy as issue puts Markdown with each mode’s SQL on the clipboard', async () => {
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ['clipboard-read', 'clipboard-write'] });
    const { page } = await open(context);
    await page.getByText('⋯ More').click();
    await page.getByTestId('copy-issue').click();
    await expect.poll(() => page.getByTestId('more-status').textContent()).toMatch(/^Copied [\d,]+ characters$/);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const result = await runOnEngine(loadFixture('seed-add-column').scenario);
    expect(copied).toContain('```sql');
    expect(copied).toContain('- Sequelize: 6.');
    const alter = result.modes.find((mode) => mode.mode === 'alter');
    for (const entry of alter?.log ?? []) if (entry.phase === 'operation') expect(copied).toContain(entry.sql);
    expect(await page.getByTestId('more-status').textContent()).toBe(`Copied ${copied.length.toLocaleString('en-US')} characters`);
    await context.close();
  });
});
