/**
 * Share and reproduce, in real Chromium: a link built outside the app opens
 * its scenario; an edit moves into the hash, and that link opened in a fresh
 * browser shows the same scenario; a reload keeps the edit (autosave); a
 * damaged link keeps the work and says what was wrong; work a link replaces
 * comes back from Recent; Share copies the link.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { useBrowserSession } from '../support/browser-session';
import { externalLink } from '../support/external-link';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { decodePermalink, encodePermalink } from '../../src/permalink/permalink-codec';
import { collectPageProblems } from '../support/chromium';
import { runOnEngine } from '../support/engines';
import { loadFixture } from '../support/fixtures';
import { appendToModels, expectedModes, readShownModes, waitForRun } from '../support/playground-page';

const EDIT = "sequelize.define('Shared', { note: DataTypes.STRING });";
const seed = loadFixture('seed-add-column');

/** The Models tab's text as Monaco shows it (it draws spaces as no-break spaces). */
async function modelsText(page: Page): Promise<string> {
  await page.getByRole('tab', { name: 'Models' }).click();
  const lines = page.locator('[data-testid="monaco-editor"][data-ready="true"] .view-lines');
  return ((await lines.textContent()) ?? '').replace(/\u00a0/g, ' ');
}

function hashOf(page: Page): string {
  return new URL(page.url()).hash;
}

describe('share and reproduce', () => {
  let browser: Browser | undefined;
  let url = '';

  useBrowserSession((session) => {
    browser = session.browser;
    url = session.url;
  });

  /** A page in a fresh browser context (its own localStorage), or in the given one. */
  async function open(hash = '', context?: BrowserContext) {
    if (!browser) throw new Error('no browser');
    const ctx = context ?? (await browser.newContext({ viewport: { width: 1280, height: 800 } }));
    const page = await ctx.newPage();
    const problems = collectPageProblems(page);
    await page.goto(url + hash);
    await waitForRun(page);
    await page.locator('[data-testid="monaco-editor"][data-ready="true"]').waitFor({ timeout: 30_000 });
    return { page, problems, context: ctx };
  }

  /** Opens the seed, types the edit and waits until the hash carries it. */
  async function openEdited() {
    const opened = await open();
    const before = hashOf(opened.page);
    const historyLength = await opened.page.evaluate(() => history.length);
    await appendToModels(opened.page, EDIT);
    await expect.poll(() => hashOf(opened.page), { timeout: 10_000 }).not.toBe(before);
    await expect.poll(() => decodePermalink(hashOf(opened.page)).models, { timeout: 10_000 }).toContain(EDIT);
    return { ...opened, historyLength };
  }

  it('opens a link built outside the app: the four columns of its scenario', async () => {
    const expected = expectedModes(await runOnEngine(seed.scenario));
    const { page, problems } = await open(externalLink(readFileSync(seed.file, 'utf8')));
    expect((await readShownModes(page)).map((m) => m.mode)).toEqual(['sync', 'force', 'alter', 'drop']);
    expect(await readShownModes(page)).toEqual(expected);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('an edit moves into the hash (replaced, not pushed); that link in a fresh browser shows the same scenario', async () => {
    const { page, problems, historyLength } = await openEdited();
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
    const link = hashOf(page);
    const other = await open(link);
    expect(decodePermalink(hashOf(other.page))).toEqual(decodePermalink(link));
    expect(await modelsText(other.page)).toContain(EDIT);
    expect(problems).toEqual([]);
    expect(other.problems).toEqual([]);
  });

  it('a reload without the link keeps the edit (autosave)', async () => {
    const { page, context } = await openEdited();
    await expect.poll(() => page.evaluate(() => localStorage.getItem('sync-playground:autosave') ?? ''), { timeout: 5000 }).toContain('Shared');
    await page.close();
    const again = await open('', context);
    expect(await modelsText(again.page)).toContain(EDIT);
  });

  it('a damaged link pasted into the address bar keeps the work and says what was wrong', async () => {
    const { page } = await openEdited();
    await page.evaluate(() => (window.location.hash = '#s=AAAA'));
    await expect.poll(() => page.getByTestId('link-error').textContent()).toMatch(/could not be opened: The link/);
    expect(await modelsText(page)).toContain(EDIT);
    expect(await page.locator('section[data-testid^="mode-"]').count()).toBe(4);
  });

  it('a valid link pasted in loads and runs; the work it replaced comes back from Recent', async () => {
    const { page } = await openEdited();
    const link = encodePermalink({ ...seed.scenario, title: 'Pasted', modes: ['sync', 'alter'] });
    await page.evaluate((hash) => (window.location.hash = hash), link);
    await expect.poll(() => page.locator('section[data-testid^="mode-"]').count(), { timeout: 20_000 }).toBe(2);
    await waitForRun(page);
    expect(await modelsText(page)).not.toContain(EDIT);
    await page.getByTestId('recent-menu').focus();
    await expect.poll(() => page.locator('[data-testid="recent-menu"] option').count()).toBe(2);
    await page.getByTestId('recent-menu').selectOption({ index: 1 });
    await expect.poll(() => modelsText(page), { timeout: 10_000 }).toContain(EDIT);
    await expect.poll(() => page.locator('section[data-testid^="mode-"]').count(), { timeout: 20_000 }).toBe(4);
  });

  it('Share copies the link and says how long it is', async () => {
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const { page } = await open('', context);
    await page.getByTestId('share-button').click();
    await expect.poll(() => page.getByTestId('share-status').textContent()).toMatch(/^Link copied — [\d,]+ characters$/);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(decodePermalink(new URL(copied).hash)).toEqual(seed.scenario);
    expect(await page.getByTestId('share-status').textContent()).toBe(`Link copied — ${copied.length.toLocaleString('en-US')} characters`);
  });

  it('without a clipboard, shows the link selected to copy by hand, and warns when it is long', async () => {
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext();
    // An insecure origin has no navigator.clipboard at all.
    await context.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
    // Random text does not compress: the link passes 8,000 characters.
    const long = { ...seed.scenario, models: `${seed.scenario.models}\n// ${randomBytes(7000).toString('base64')}` };
    const { page } = await open(encodePermalink(long), context);
    await page.getByTestId('share-button').click();
    const field = page.getByTestId('share-link');
    await field.waitFor();
    const link = await field.inputValue();
    expect(decodePermalink(new URL(link).hash)).toEqual(long);
    expect(link.length).toBeGreaterThan(8000);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.selectionEnd)).toBe(link.length);
    expect(await page.getByTestId('share-status').textContent()).toMatch(/^Copy the link — [\d,]+ characters \(long links may be cut by some apps\)$/);
  });
});
