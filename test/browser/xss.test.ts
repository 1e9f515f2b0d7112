/**
 * Nothing user-controlled is rendered as HTML, in real Chromium: an XSS
 * corpus in the table name, column names, values, console output, an error
 * message and the scenario's title. Each payload would call a function of
 * the page if it ever ran; none does, no element or handler from a payload
 * appears in the DOM, and the payloads are shown as text. Checked with the
 * CSP bypassed (so the rendering itself is what is tested) and with it in
 * force (no violation at all: nothing even tried to run). Also: the
 * production build's pages carry the Content-Security-Policy meta.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../build-tools/content-security-policy';
import type { ScenarioInput } from '../../src/engine/scenario';
import { RECENT_KEY } from '../../src/permalink/autosave';
import { encodePermalink } from '../../src/permalink/permalink-codec';
import { useBrowserSession } from '../support/browser-session';
import { collectPageProblems } from '../support/chromium';
import { waitForRun } from '../support/playground-page';

/** Payloads that call `__xssHit(where)` if the page ever treats them as HTML (or as a URL to follow). */
function corpus(where: string): string[] {
  const hit = `__xssHit('${where}')`;
  return [
    `<img src=x onerror="${hit}">`,
    `<script>${hit}</script>`,
    `"><svg onload=${hit}>`,
    `'><details open ontoggle=${hit}>`,
    `<a href="javascript:${hit}">link</a>`,
    `<iframe srcdoc="<script>parent.${hit}</script>"></iframe>`,
    `javascript:${hit}`,
  ];
}

const TABLE = corpus('table')[0]!;
const COLUMNS = corpus('column');
const VALUES = corpus('value');
const CONSOLE = corpus('console');
const ERROR = corpus('error').join(' ');
const TITLE = corpus('title').slice(0, 3).join(' ');

/** `{ [column]: value }` for the corpus' columns, as code. */
const record = (columns: string[], value: (i: number) => string) => `{ ${columns.map((name, i) => `${JSON.stringify(name)}: ${value(i)}`).join(', ')} }`;
const define = (columns: string[]) =>
  `sequelize.define(${JSON.stringify(TABLE)}, ${record(columns, () => 'DataTypes.STRING')}, { tableName: ${JSON.stringify(TABLE)}, timestamps: false })`;

const scenario: ScenarioInput = {
  format: 'sync-playground/scenario@1',
  title: TITLE,
  dialect: 'sqlite',
  setup: `const T = ${define(COLUMNS)};\nawait T.sync({ force: true });\nawait T.create(${record(COLUMNS, (i) => JSON.stringify(VALUES[i]))});`,
  // One more column: alter rebuilds the table and force recreates it, so the
  // names go through every kind of statement and the rows are compared.
  models: `${define([...COLUMNS, '<b>bold</b>'])};`,
  after: `for (const line of ${JSON.stringify(CONSOLE)}) console.log(line);\nthrow new Error(${JSON.stringify(ERROR)});`,
  modes: ['sync', 'force', 'alter'],
};

/** Opens every folded part of the results, so that the schema and row views render too. */
async function unfoldEverything(page: Page): Promise<void> {
  const closed = page.locator('details:not([open]) > summary');
  // Opening one can show more (each table of a schema view folds too).
  for (let i = 0; i < 100 && (await closed.count()) > 0; i++) await closed.first().click();
  expect(await closed.count()).toBe(0);
}

/** Elements or attributes that only HTML from a payload could have made. */
function injectedMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        if (attribute.name.startsWith('on')) found.push(`${element.tagName} ${attribute.name}`);
        if (['href', 'src', 'action', 'formaction', 'srcdoc'].includes(attribute.name) && /^\s*javascript:|__xssHit/i.test(attribute.value)) {
          found.push(`${element.tagName} ${attribute.name}=${attribute.value}`);
        }
      }
      if (element.tagName === 'IFRAME' || (element.tagName === 'SCRIPT' && !element.hasAttribute('src'))) found.push(element.outerHTML);
      if (element.tagName === 'IMG' && element.getAttribute('src') === 'x') found.push(element.outerHTML);
    }
    return found;
  });
}

describe('user-controlled text is never HTML', () => {
  let browser: Browser | undefined;
  let url = '';

  useBrowserSession((session) => {
    browser = session.browser;
    url = session.url;
  });

  async function open(path: string, bypassCSP: boolean) {
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, bypassCSP });
    const page = await context.newPage();
    const hits: string[] = [];
    await page.exposeFunction('__xssHit', (where: string) => hits.push(where));
    // The Recent menu lists earlier work by title: this scenario is in it.
    const recent = JSON.stringify([{ title: TITLE, savedAt: Date.now(), scenario }]);
    await context.addInitScript(([key, value]) => localStorage.getItem(key) ?? localStorage.setItem(key, value), [RECENT_KEY, recent] as const);
    const problems = collectPageProblems(page);
    await page.goto(url + path);
    await waitForRun(page);
    return { page, hits, problems };
  }

  for (const bypassCSP of [true, false]) {
    it(`no payload runs, in the playground and the embed (${bypassCSP ? 'CSP bypassed' : 'CSP in force'})`, async () => {
      const link = encodePermalink(scenario);
      const { page, hits, problems } = await open(link, bypassCSP);
      await unfoldEverything(page);
      const text = (await page.locator('body').textContent()) ?? '';

      // Shown as text, literally.
      const statements: string[] = [];
      for (const mode of scenario.modes ?? []) {
        const column = page.getByTestId(`mode-${mode}`);
        expect(await column.getByTestId('console').textContent()).toBe(CONSOLE.join('\n'));
        expect(await column.getByRole('alert').textContent()).toContain(ERROR);
        statements.push(...(await column.locator('[data-sql]').evaluateAll((items) => items.map((li) => li.getAttribute('data-sql') ?? ''))));
      }
      // force and alter create the table: one statement names it and every column.
      expect(statements.some((sql) => sql.includes(TABLE) && COLUMNS.every((name) => sql.includes(name)))).toBe(true);
      expect(text).toContain(TABLE);
      for (const value of VALUES) expect(text).toContain(value);
      for (const name of COLUMNS) expect(text).toContain(name);

      // The title: in the Recent menu (seeded with this scenario) and as the embed's heading.
      await expect.poll(() => page.locator('[data-testid="recent-menu"] option').allTextContents(), { timeout: 10_000 }).toEqual(
        expect.arrayContaining([expect.stringContaining(TITLE)]),
      );
      const embed = await page.context().newPage();
      await embed.goto(`${url}?embed=1${link}`);
      await waitForRun(embed);
      expect(await embed.getByTestId('embed').locator('h1').textContent()).toBe(TITLE);

      await page.waitForTimeout(500);
      expect(await injectedMarkup(page)).toEqual([]);
      expect(await injectedMarkup(embed)).toEqual([]);
      expect(hits).toEqual([]);
      // With the CSP in force, a payload that became HTML would show as a violation (inline handler or script).
      expect(problems).toEqual([]);
      if (bypassCSP) {
        // The control: the corpus is live, put as HTML into this page it runs.
        await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), corpus('control').join(''));
        // Under CI load a payload can take over the default second to report (an image error, a request).
        await expect.poll(() => hits, { timeout: 10_000 }).toContain('control');
        expect(await injectedMarkup(page)).not.toEqual([]);
      }
      await page.context().close();
    });
  }

  it('the built pages carry the Content-Security-Policy, and the playground loads without a violation', async () => {
    for (const file of ['index.html', 'floor.html']) {
      const html = await (await fetch(url + file)).text();
      expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}" />`);
      // Before any script or stylesheet: a <meta> policy governs only what follows it.
      expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.search(/<script|<link rel="stylesheet"|<style/));
    }
    const { page, problems } = await open('', false);
    await page.locator('[data-testid="monaco-editor"][data-ready="true"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(contentSecurityPolicy());
    // The policy forbids inline script: a test of it is refused (listened for
    // here: the problems' own listener is an init script, which may arrive
    // after a busy page's first document).
    const refused = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          addEventListener('securitypolicyviolation', (event) => resolve(`${event.effectiveDirective} ${event.blockedURI}`), { once: true });
          const script = document.createElement('script');
          script.textContent = '1';
          document.head.append(script);
        }),
    );
    expect(refused).toBe('script-src-elem inline');
    // Chromium says so too, in its own words.
    expect(problems.filter((problem) => !/refused inline|inline script/.test(problem))).toEqual([]);
    await page.context().close();
  });
});
