/**
 * The code editor in the production build, in real Chromium: a plain editor
 * usable at once, Monaco loaded only after the first result and only from
 * the app's own origin, completion and hover from Sequelize's own types
 * (@sequelize/core's for a Sequelize 7 scenario, switching with the version),
 * Ctrl+Enter running the scenario, run errors marked on their line.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page, Request } from 'playwright-core';
import type { ScenarioInput } from '../../src/engine/scenario';
import { encodePermalink } from '../../src/permalink/permalink-codec';
import { servedAppUrl } from '../support/built-app';
import { collectPageProblems, launchChromium } from '../support/chromium';
import { sequelize7Scenario } from '../support/sequelize7-fixtures';
import seed from '../fixtures/seed-add-column.json';

/** Files of the lazily loaded editor: Monaco, its workers, its CSS and font, Sequelize's types. */
const MONACO_ASSET = /\/assets\/(MonacoEditorView|editor\.api|tsMode|typescript|editor\.worker|ts\.worker|codicon|sequelize-[67]-types|editor)-[\w-]+\.(js|css|ttf)$/;

/**
 * Wide enough that no line of the seed wraps: a marker's line is then the
 * line drawn at the same height.
 */
const VIEWPORT = { width: 2560, height: 900 };

/** The seed without plain sync(), whose After fails: code that runs without an error. */
const SEED_WITHOUT_ERRORS: ScenarioInput = { ...(seed as ScenarioInput), modes: ['force', 'alter'] };

/** The first chunk CodeEditor imports; holding it back holds Monaco back. */
const MONACO_ENTRY = /\/assets\/MonacoEditorView-[\w-]+\.js$/;

interface Phase {
  phase: string;
  at: number;
  /** Mode columns done when the editor entered this phase. */
  done: number;
}

interface Timeline {
  phases: Phase[];
  /** When the first mode column was done: the first result shown. */
  firstResultAt: number | null;
}

/** Records, from the first byte, each phase the editor goes through (`data-monaco`) and the first result. */
function recordTimeline() {
  const timeline: Timeline = { phases: [], firstResultAt: null };
  (window as unknown as { __timeline: Timeline }).__timeline = timeline;
  const record = () => {
    const done = document.querySelectorAll('section[data-testid^="mode-"][data-status="done"]').length;
    if (done > 0 && timeline.firstResultAt === null) timeline.firstResultAt = performance.now();
    const phase = document.querySelector('[data-testid="editor"]')?.getAttribute('data-monaco');
    if (!phase || timeline.phases.at(-1)?.phase === phase) return;
    timeline.phases.push({ phase, at: performance.now(), done });
  };
  new MutationObserver(record).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-monaco', 'data-status'],
  });
}

/** Where a piece of text is drawn in Monaco (the first match, on the last line that has it). */
async function textBox(page: Page, text: string, lineContaining = text) {
  const box = await page.evaluate(
    ({ text, lineContaining }) => {
      const lines = [...document.querySelectorAll('[data-testid="monaco-editor"] .view-line')].filter((line) =>
        line.textContent?.replace(/\u00a0/g, ' ').includes(lineContaining),
      );
      const line = lines.at(-1);
      if (!line) return null;
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(text) ?? -1;
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const { x, y, width, height } = range.getBoundingClientRect();
        return { x, y, width, height };
      }
      return null;
    },
    { text, lineContaining },
  );
  if (!box) throw new Error(`"${text}" is not shown in the editor`);
  return box;
}

/** Rests the mouse on a point until Monaco shows its hover (a run finishing can close one). */
async function hoverAt(page: Page, x: number, y: number) {
  const hover = page.locator('.monaco-hover:not(.hidden) .hover-contents').first();
  for (let attempt = 0; ; attempt++) {
    await page.mouse.move(x + (attempt % 2), y);
    try {
      await hover.waitFor({ timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt === 6) throw error;
    }
  }
}

/** The text of Monaco's hover over `text`, once it includes `expected` (or after four tries). */
async function hoverText(page: Page, text: string, expected: string, lineContaining?: string): Promise<string> {
  // Monaco fills a hover in parts (markers at once, TypeScript's quick info
  // later, or the reverse), and a run finishing can close it: hover again
  // until the expected part is there, then return everything shown.
  let shown = '';
  for (let attempt = 0; attempt < 4 && !shown.includes(expected); attempt++) {
    const box = await textBox(page, text, lineContaining);
    await hoverAt(page, box.x + box.width / 2, box.y + box.height / 2);
    await page
      .waitForFunction((part) => document.querySelector('.monaco-hover:not(.hidden)')?.textContent?.includes(part), expected, { timeout: 5_000 })
      .catch(() => undefined);
    shown = (await page.locator('.monaco-hover:not(.hidden)').first().textContent().catch(() => '')) ?? '';
    // Away, so the hover does not cover the tabs.
    await page.mouse.move(0, 0);
    await page.locator('.monaco-hover:not(.hidden) .hover-contents').first().waitFor({ state: 'hidden' });
  }
  return shown;
}

/** Types at the end of the shown field's code, on a new line. */
async function appendLine(page: Page, code: string) {
  await page.locator('[data-testid="monaco-editor"] .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(code);
  await page.keyboard.press('Escape');
}

/** The text of the lines Monaco shows (enough for the seed's short fields). */
async function shownCode(page: Page): Promise<string> {
  const lines = await page.locator('[data-testid="monaco-editor"] .view-line').allTextContents();
  return lines.join('\n').replace(/\u00a0/g, ' ');
}

/** Counts the runs that start and finish after this call (mode columns going running, then done). */
async function watchRuns(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const state = { started: 0, finished: 0, running: false };
    (window as unknown as { __runs: typeof state }).__runs = state;
    new MutationObserver(() => {
      const sections = [...document.querySelectorAll<HTMLElement>('section[data-testid^="mode-"]')];
      const running = sections.some((section) => section.dataset.status === 'running');
      if (running && !state.running) state.started++;
      if (!running && state.running) state.finished++;
      state.running = running;
    }).observe(document.body, { subtree: true, attributes: true, childList: true });
  });
  return () => page.evaluate(() => (window as unknown as { __runs: { started: number } }).__runs.started);
}

async function waitForRunsFinished(page: Page, count: number) {
  await page.waitForFunction((n) => (window as unknown as { __runs: { finished: number } }).__runs.finished >= n, count, { timeout: 60_000 });
}

describe('the code editor', () => {
  const appUrl = servedAppUrl(inject('appUrl'));
  let browser: Browser | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** The playground with Monaco ready and Sequelize's types loaded. */
  async function openWithMonaco(scenario?: ScenarioInput) {
    if (!browser) throw new Error('setup failed');
    const page = await browser.newPage({ viewport: VIEWPORT });
    const problems = collectPageProblems(page);
    await page.goto(scenario ? appUrl + encodePermalink(scenario) : appUrl);
    await page.locator('[data-testid="editor"][data-types="loaded"] [data-testid="monaco-editor"][data-ready="true"]').waitFor({ timeout: 60_000 });
    return { page, problems };
  }

  it('is a plain editor at once, and loads Monaco from its own origin only after the first result', async () => {
    if (!browser) throw new Error('setup failed');
    const origin = new URL(appUrl).origin;
    const context = await browser.newContext({ viewport: VIEWPORT });
    const requests: Request[] = [];
    context.on('request', (request) => requests.push(request));
    const page = await context.newPage();
    const problems = collectPageProblems(page);
    await page.addInitScript(recordTimeline);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(MONACO_ENTRY, async (route) => {
      await held;
      await route.continue();
    });
    try {
      await page.goto(appUrl);
      await page.locator('[data-testid="editor"][data-monaco="loading"]').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('editor').getByRole('status').textContent()).toContain('Loading editor…');

      // While Monaco loads: Ctrl+Enter runs (nothing else could start a run
      // before any edit), and the plain editor takes typing.
      const runsStarted = await watchRuns(page);
      const plain = page.getByTestId('plain-editor');
      await plain.click();
      await page.keyboard.press('Control+Enter');
      await waitForRunsFinished(page, 1);
      expect(await runsStarted()).toBe(1);
      await page.keyboard.press('Control+End');
      await page.keyboard.type('\n// typed while Monaco loads');
      expect(await plain.inputValue()).toMatch(/\n\/\/ typed while Monaco loads$/);

      // Monaco takes over in place: same text, same cursor, the focus.
      release();
      await page.locator('[data-testid="monaco-editor"][data-ready="true"]').waitFor({ timeout: 60_000 });
      await expect(plain.count()).resolves.toBe(0);
      await page.keyboard.type('!');
      // Monaco draws on the next frame.
      await expect.poll(() => shownCode(page)).toMatch(/\/\/ typed while Monaco loads!$/);

      const { phases, firstResultAt } = await page.evaluate(() => (window as unknown as { __timeline: Timeline }).__timeline);
      expect(phases[0]?.phase).toBe('waiting');
      expect(phases.find((phase) => phase.phase === 'loading')?.done, 'a result was shown before Monaco was asked for').toBeGreaterThan(0);

      // Nothing of Monaco before the first result; all of it after.
      await page.locator('[data-testid="editor"][data-types="loaded"]').waitFor({ timeout: 60_000 });
      expect(firstResultAt).not.toBeNull();
      // Timed in the page's own clock: Playwright's request times for a
      // worker's script and a font came out before the first result once
      // under CI load, though Monaco's entry, which requests them, was held
      // until after it (different clocks).
      const early = await page.evaluate(
        ({ at, asset }) =>
          performance
            .getEntriesByType('resource')
            .filter((entry) => new RegExp(asset).test(new URL(entry.name).pathname) && entry.startTime < (at ?? 0))
            .map((entry) => entry.name),
        { at: firstResultAt, asset: MONACO_ASSET.source },
      );
      expect(early).toEqual([]);
      const monacoRequests = requests.filter((request) => MONACO_ASSET.test(new URL(request.url()).pathname));
      const loadedNames = monacoRequests.map((request) => new URL(request.url()).pathname.replace(/^.*\/assets\//, ''));
      for (const expected of [/^MonacoEditorView-/, /^editor\.api-/, /^ts\.worker-/, /^sequelize-6-types-/]) {
        expect(loadedNames.some((name) => expected.test(name)), `${expected} loaded`).toBe(true);
      }
      // Sequelize 7's types are fetched only for a Sequelize 7 scenario.
      expect(loadedNames.filter((name) => name.startsWith('sequelize-7-types-'))).toEqual([]);
      const urls = requests.map((request) => request.url());
      const foreign = urls.filter((url) => /^(https?|wss?):/.test(url) && new URL(url).origin !== origin);
      expect(foreign).toEqual([]);
      // The workers' requests are in the log too (sql.js's WebAssembly).
      expect(urls.some((url) => url.endsWith('.wasm'))).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("completes DataTypes. and hovers sequelize.sync from Sequelize's own types, with no errors on valid code", async () => {
    const { page, problems } = await openWithMonaco(SEED_WITHOUT_ERRORS);
    try {
      await page.getByRole('tab', { name: 'Models' }).click();
      await appendLine(page, 'DataTypes.STR');
      await page.keyboard.press('Control+Space');
      const rows = page.locator('.suggest-widget.visible .monaco-list-row');
      await rows.first().waitFor({ timeout: 20_000 });
      // Kind "Property": from the TypeScript service, not words of the text.
      await expect(rows.evaluateAll((all) => all.map((row) => row.getAttribute('aria-label')))).resolves.toContain('STRING, Property');
      await page.keyboard.press('Escape');

      // A deliberate type error shows the service is checking; it is the only one.
      // `DataTypes.STR` is one (no such property), the other is typed in.
      await appendLine(page, "const count: number = 'none';");
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="monaco-editor"] .squiggly-error').length === 2, null, {
        timeout: 20_000,
      });
      const typeError = "Type 'string' is not assignable to type 'number'";
      expect(await hoverText(page, 'count', typeError)).toContain(typeError);

      // Top-level await and return, require and console: all valid in a code field.
      await page.getByRole('tab', { name: 'After' }).click();
      await appendLine(page, "const { Op: op } = require('sequelize'); console.log(op.eq); await sequelize.sync(); return 1;");
      const syncSignature = 'Sequelize.sync(options?: SyncOptions): Promise<';
      expect(await hoverText(page, 'sync', syncSignature, 'sequelize.sync')).toContain(syncSignature);
      for (const tab of ['Before (setup)', 'After']) {
        await page.getByRole('tab', { name: tab }).click();
        await page.waitForTimeout(1_000);
        await expect(page.locator('[data-testid="monaco-editor"] .squiggly-error').count(), tab).resolves.toBe(0);
      }
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("gives a Sequelize 7 scenario @sequelize/core's own types, from their own chunk, and switches them with the version", async () => {
    if (!browser) throw new Error('setup failed');
    // A 7-only method: 6 has `transaction()` only, 7 adds `startUnmanagedTransaction()`.
    const after = `${SEED_WITHOUT_ERRORS.after}\nconst begin = sequelize.startUnmanagedTransaction;`;
    const six: ScenarioInput = { ...SEED_WITHOUT_ERRORS, after };
    const seven = sequelize7Scenario('seed-add-column', six);
    const page = await browser.newPage({ viewport: VIEWPORT });
    const problems = collectPageProblems(page);
    const typeChunks: string[] = [];
    page.on('request', (request) => {
      const chunk = /\/assets\/(sequelize-[67]-types)-[\w-]+\.js$/.exec(new URL(request.url()).pathname)?.[1];
      if (chunk) typeChunks.push(chunk);
    });
    const typesLoaded = () => page.locator('[data-testid="editor"][data-types="loaded"] [data-testid="monaco-editor"][data-ready="true"]').waitFor({ timeout: 60_000 });
    const signature = 'startUnmanagedTransaction(options?: TransactionOptions): Promise<Transaction>';
    const missing = "Property 'startUnmanagedTransaction' does not exist on type 'Sequelize'";
    const openScenario = (scenario: ScenarioInput) => page.evaluate((hash) => (location.hash = hash), encodePermalink(scenario));
    try {
      await page.goto(appUrl + encodePermalink(seven));
      await typesLoaded();
      expect(typeChunks).toEqual(['sequelize-7-types']);
      await page.getByRole('tab', { name: 'After' }).click();
      expect(await hoverText(page, 'startUnmanagedTransaction', signature)).toContain(signature);
      // Valid 7 code (`sequelize.models.get`, the scope's names) shows no TypeScript error.
      await page.waitForTimeout(1_000);
      await expect(page.locator('[data-testid="monaco-editor"] .squiggly-error').count()).resolves.toBe(0);

      // The same code on 6: 6's types, where the method does not exist.
      await openScenario(six);
      await typesLoaded();
      await expect.poll(() => typeChunks).toEqual(['sequelize-7-types', 'sequelize-6-types']);
      expect(await hoverText(page, 'startUnmanagedTransaction', missing)).toContain(missing);

      // And back: 7's chunk is not fetched again.
      await openScenario(seven);
      await typesLoaded();
      expect(await hoverText(page, 'startUnmanagedTransaction', signature)).toContain(signature);
      expect(typeChunks).toEqual(['sequelize-7-types', 'sequelize-6-types']);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("starts Monaco's editor worker to format, not while a person types", async () => {
    const { page, problems } = await openWithMonaco(SEED_WITHOUT_ERRORS);
    const workers: string[] = [];
    page.on('request', (request) => workers.push(new URL(request.url()).pathname));
    const editorWorkerAsked = () => workers.some((path) => /\/assets\/editor\.worker-[\w-]+\.js$/.test(path));
    try {
      // Where TypeScript has nothing to offer, as in a comment, Monaco used to
      // offer the document's words, and the worker that finds them took
      // ~190 ms of a core to start, from the run a person's edit sets off
      // (typing `//` asks for completions).
      await page.getByRole('tab', { name: 'Models' }).click();
      // Once Monaco has checked the code against the types, as when a person starts.
      await page.waitForTimeout(3_000);
      await appendLine(page, '// a comment ');
      await page.keyboard.press('Control+Space');
      await page.waitForTimeout(1_500);
      const offered = await page.locator('.suggest-widget.visible .monaco-list-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label')));
      expect(offered).toEqual([]);
      expect(editorWorkerAsked()).toBe(false);
      await page.keyboard.press('Escape');
      await appendLine(page, 'const   spaced   =   {a:1}');
      // Format Document: TypeScript's edits, minimised in the editor worker.
      await page.keyboard.press('Control+Shift+I');
      await page.waitForFunction(() => document.querySelector('[data-testid="monaco-editor"] .view-lines')?.textContent?.includes('const\u00a0spaced\u00a0=\u00a0{\u00a0a:\u00a01\u00a0}'));
      expect(editorWorkerAsked()).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('comes back whole when the code pane is hidden and shown again', async () => {
    const { page, problems } = await openWithMonaco(SEED_WITHOUT_ERRORS);
    try {
      await appendLine(page, '// kept while hidden');
      await page.getByLabel('Show code').uncheck();
      await expect(page.getByTestId('editor').count()).resolves.toBe(0);
      await page.getByLabel('Show code').check();
      await page.locator('[data-testid="editor"][data-types="loaded"] [data-testid="monaco-editor"][data-ready="true"]').waitFor();
      await expect.poll(() => shownCode(page)).toContain('// kept while hidden');
      // A second editor gets every feature the first had (none registered late).
      await appendLine(page, 'DataTypes.STR');
      await page.keyboard.press('Control+Space');
      await page.locator('.suggest-widget.visible .monaco-list-row').first().waitFor({ timeout: 20_000 });
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('runs on Ctrl+Enter in Monaco', async () => {
    const { page, problems } = await openWithMonaco();
    try {
      await page.getByLabel('Auto-run').uncheck();
      const runsStarted = await watchRuns(page);
      await appendLine(page, '// an edit, and no auto-run');
      await page.waitForTimeout(1_000);
      expect(await runsStarted()).toBe(0);
      await page.keyboard.press('Control+Enter');
      await waitForRunsFinished(page, 1);
      expect(await runsStarted()).toBe(1);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("marks each run error on its line and badges its tab", async () => {
    const { page, problems } = await openWithMonaco();
    const squiggles = page.locator('[data-testid="monaco-editor"] .squiggly-error');
    /** The message of the marker drawn on the line that shows `text`. */
    async function markerOnLineOf(text: string, lineContaining = text): Promise<string> {
      const line = await textBox(page, text, lineContaining);
      for (const box of await squiggles.evaluateAll((all) => all.map((squiggle) => squiggle.getBoundingClientRect().toJSON() as DOMRect))) {
        if (Math.abs(box.y + box.height / 2 - (line.y + line.height / 2)) >= line.height / 2) continue;
        await hoverAt(page, box.x + box.width / 2, box.y + box.height / 2);
        const hover = page.locator('.monaco-hover:not(.hidden)').first();
        const message = (await hover.textContent()) ?? '';
        await page.mouse.move(0, 0);
        await hover.waitFor({ state: 'hidden' });
        return message;
      }
      throw new Error(`no marker on the line of "${text}"`);
    }
    try {
      // The seed: plain sync() keeps the old table, so After's first insert fails in that mode only.
      await page.getByTestId('error-badge-after').waitFor({ timeout: 60_000 });
      await expect(page.getByTestId('error-badge-setup').count()).resolves.toBe(0);
      await expect(page.getByTestId('error-badge-models').count()).resolves.toBe(0);
      await page.getByRole('tab', { name: 'After' }).click();
      await squiggles.first().waitFor();
      await expect(squiggles.count(), 'one marker, and no TypeScript error').resolves.toBe(1);
      expect(await markerOnLineOf('five', "value: 5, name: 'five'")).toMatch(/nameEs.*\(sync\)/);

      // An error of our own, on the line typed.
      await appendLine(page, 'await sequelize.models.Missing.create({});');
      await page.keyboard.press('Control+Enter');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="monaco-editor"] .squiggly-error').length === 2, null, {
        timeout: 60_000,
      });
      // Two squiggles may briefly be TypeScript's on the half-typed line ("Cannot find name 'awa'"):
      // read the line's marker until TypeScript has caught up and the run's marker is there.
      await expect
        .poll(() => markerOnLineOf('Missing').catch((error: Error) => error.message), { timeout: 30_000 })
        .toMatch(/TypeError: Cannot read properties of undefined \(reading 'create'\)/);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
