/**
 * The engine worker's sandbox, in real Chromium (src/worker/sandbox.ts and
 * the CSP it inherits): a permalink whose setup and `after` code try every
 * way to the network, the origin's storage and the page — fetch, XHR,
 * WebSocket, EventSource, importScripts, indexedDB, caches, nested workers,
 * `import()` and prototype tricks to get the removed APIs back — aimed at a
 * listener on 127.0.0.1 that counts connections, requests and upgrades.
 * Nothing arrives; the page shows each attempt's error.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../src/engine/scenario';
import { encodePermalink } from '../../src/permalink/permalink-codec';
import { useBrowserSession } from '../support/browser-session';
import { collectPageProblems, CSP_VIOLATION } from '../support/chromium';
import { waitForRun } from '../support/playground-page';
import { startRequestCounter, type RequestCounter } from '../support/request-counter';
import { PROBE_ATTEMPTS, sandboxProbe } from '../support/sandbox-probe';

/** Console lines of a probe: `name: outcome`. */
function outcomes(text: string): Map<string, string> {
  const lines = text.split('\n').filter((line) => line.includes(': '));
  return new Map(lines.map((line) => [line.slice(0, line.indexOf(': ')), line.slice(line.indexOf(': ') + 2)]));
}

/** The problems other than the CSP's refusals of the listener (the probe's `import()`s). */
function otherThanRefusalsOf(problems: string[], listener: string): string[] {
  return problems.filter((problem) => !(problem.includes(CSP_VIOLATION) && problem.includes(listener)));
}

describe('the engine sandbox', () => {
  let browser: Browser | undefined;
  let url = '';
  let listener: RequestCounter | undefined;

  useBrowserSession((session) => {
    browser = session.browser;
    url = session.url;
  });
  beforeAll(async () => {
    listener = await startRequestCounter();
  });
  afterAll(async () => {
    await listener?.close();
  });

  async function newPage(): Promise<Page> {
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    return context.newPage();
  }

  it('the listener counts what Chromium sends it (the control: the probe could reach it)', async () => {
    if (!listener) throw new Error('no listener');
    const page = await newPage();
    await page.goto(`${listener.url}/control`);
    expect(listener.arrivals()).toContain('GET /control');
    await page.context().close();
    listener.reset();
  });

  it('user code reaches neither the network nor storage, and the page shows each refusal', async () => {
    if (!listener) throw new Error('no listener');
    const listening = listener;
    const scenario: ScenarioInput = {
      format: 'sync-playground/scenario@1',
      title: 'Sandbox probe',
      dialect: 'sqlite',
      // Setup: the probe, then one attempt left uncaught, which the page shows as setup's error.
      setup: `${sandboxProbe(listening.url, 'setup')}\nawait fetch(L + '/uncaught');`,
      models: "sequelize.define('Probe', { name: DataTypes.STRING });",
      // After the operation, Sequelize has run: the APIs are still gone.
      after: `${sandboxProbe(listening.url, 'after')}\nawait import(L + '/uncaught.js');`,
      modes: ['sync'],
    };
    const page = await newPage();
    const problems = collectPageProblems(page);
    await page.goto(url + encodePermalink(scenario));
    await waitForRun(page);
    const mode = page.getByTestId('mode-sync');

    const shown = outcomes((await mode.getByTestId('console').textContent()) ?? '');
    expect([...shown.keys()]).toEqual([...PROBE_ATTEMPTS]);
    for (const [name, outcome] of shown) expect(outcome, name).toMatch(/^blocked \(/);
    // The APIs are gone, not merely failing: calling them is a TypeError.
    expect(shown.get('fetch')).toBe('blocked (TypeError: fetch is not a function)');
    expect(shown.get('XMLHttpRequest')).toBe('blocked (TypeError: XMLHttpRequest is not a constructor)');
    expect(shown.get('WebSocket')).toBe('blocked (TypeError: WebSocket is not a constructor)');
    expect(shown.get('importScripts')).toBe('blocked (TypeError: importScripts is not a function)');
    expect(shown.get('indexedDB.open')).toMatch(/^blocked \(TypeError: Cannot read properties of undefined/);
    expect(shown.get('postMessage')).toBe('blocked (TypeError: postMessage is not a function)');
    expect(shown.get('defineProperty back')).toBe('blocked (TypeError: Cannot redefine property: fetch)');
    // import() is syntax: the page's CSP, which the worker inherits, refuses it.
    expect(shown.get('import()')).toMatch(/^blocked \(TypeError: Failed to fetch dynamically imported module/);
    expect(shown.get('import() through Function')).toMatch(/^blocked \(TypeError: Failed to fetch dynamically imported module/);

    // Setup's probe (before any Sequelize call of the run) says the same.
    await page.getByTestId('baseline').locator('summary').first().click();
    const setupShown = outcomes((await page.getByLabel('Console output of setup').textContent()) ?? '');
    expect([...setupShown]).toEqual([...shown].map(([name, outcome]) => [name, outcome.replaceAll('/after/', '/setup/')]));

    // Both uncaught attempts are shown as errors, as text.
    expect(await page.getByTestId('baseline').textContent()).toContain('fetch is not a function');
    expect(await mode.getByRole('alert').textContent()).toContain(`Failed to fetch dynamically imported module: ${listening.url}/after/uncaught.js`);

    // Anything still on its way would have arrived by now.
    await page.waitForTimeout(1000);
    expect(listening.arrivals()).toEqual([]);
    // The CSP refused each import() (and nothing else reached it: the sandbox stopped the rest).
    const refusals = problems.filter((problem) => problem.includes(CSP_VIOLATION));
    expect(refusals.length).toBeGreaterThan(0);
    expect(refusals.every((refusal) => refusal.includes(`script-src-elem refused ${listening.url}/`))).toBe(true);
    expect(otherThanRefusalsOf(problems, listening.url)).toEqual([]);
    await page.context().close();
  });

  it('with the sandbox locked, PostgreSQL still loads and runs (the engine kept the download it needs)', async () => {
    if (!listener) throw new Error('no listener');
    const listening = listener;
    const scenario: ScenarioInput = {
      format: 'sync-playground/scenario@1',
      title: 'Sandbox probe on PostgreSQL',
      dialect: 'postgres',
      setup: `${sandboxProbe(listening.url, 'pg')}\nconst P = sequelize.define('P', { name: DataTypes.STRING });\nawait P.sync();\nawait P.create({ name: 'kept' });`,
      models: "sequelize.define('P', { name: DataTypes.STRING, extra: DataTypes.INTEGER });",
      after: "console.log(JSON.stringify((await sequelize.models.P.findAll()).map((p) => p.name)));",
      modes: ['alter'],
    };
    const page = await newPage();
    const problems = collectPageProblems(page);
    await page.goto(url + encodePermalink(scenario));
    await waitForRun(page, 120_000);
    expect(await page.getByTestId('mode-alter').getByTestId('console').textContent()).toBe('["kept"]');
    await page.waitForTimeout(500);
    expect(listening.arrivals()).toEqual([]);
    expect(otherThanRefusalsOf(problems, listening.url)).toEqual([]);
    await page.context().close();
  }, 180_000);

  // The engine downloads PGlite with an XMLHttpRequest after user code has
  // run (src/worker/engine-download.ts). User code that replaced whatever
  // the engine could call with its request must never get hold of it.
  it('user code that trapped every way to an XMLHttpRequest gets none from the PostgreSQL download', async () => {
    const traps = `if (!globalThis.trapped) {
  globalThis.trapped = true;
  globalThis.grabbed = [];
  const apply = Reflect.apply;
  const toString = Object.prototype.toString;
  const grab = (where, x) => {
    if (x && typeof x === 'object' && apply(toString, x, []) === '[object XMLHttpRequest]') globalThis.grabbed.push(where);
  };
  const wrapMethod = (o, name) => {
    const original = o[name];
    o[name] = function (...args) { grab(name, this); grab(name, args[0]); return apply(original, this, args); };
  };
  const wrapAccessor = (o, name, kind) => {
    const d = Object.getOwnPropertyDescriptor(o, name);
    if (!d || !d[kind]) return;
    const original = d[kind];
    Object.defineProperty(o, name, { ...d, [kind]: function (...args) { grab(name, this); return apply(original, this, args); } });
  };
  wrapMethod(EventTarget.prototype, 'addEventListener');
  wrapMethod(EventTarget.prototype, 'dispatchEvent');
  for (const name of ['onload', 'onprogress', 'onerror', 'onabort', 'onloadend', 'onloadstart', 'ontimeout']) wrapAccessor(XMLHttpRequestEventTarget.prototype, name, 'set');
  // An event's getters, to reach its target (the request) through this.
  const targetOf = Object.getOwnPropertyDescriptor(Event.prototype, 'target').get;
  for (const [o, name] of [[ProgressEvent.prototype, 'loaded'], [ProgressEvent.prototype, 'total'], [ProgressEvent.prototype, 'lengthComputable'], [Event.prototype, 'type']]) {
    const d = Object.getOwnPropertyDescriptor(o, name);
    Object.defineProperty(o, name, { ...d, get() { grab(name, apply(targetOf, this, [])); return apply(d.get, this, []); } });
  }
  for (const name of ['target', 'currentTarget', 'srcElement']) {
    const d = Object.getOwnPropertyDescriptor(Event.prototype, name);
    Object.defineProperty(Event.prototype, name, { ...d, get() { const t = apply(d.get, this, []); grab(name, t); return t; } });
  }
  Reflect.apply = (f, self, args) => { grab('Reflect.apply', self); return apply(f, self, args); };
  Function.prototype.call = function (self, ...args) { grab('call', self); return apply(this, self, args); };
  Function.prototype.apply = function (self, args) { grab('apply', self); return apply(this, self, args ?? []); };
}`;
    const scenario: ScenarioInput = {
      format: 'sync-playground/scenario@1',
      title: 'Traps for the engine download',
      setup: `${traps}\nconst P = sequelize.define('P', { name: DataTypes.STRING });\nawait P.sync();\nawait P.create({ name: 'kept' });`,
      models: "sequelize.define('P', { name: DataTypes.STRING, extra: DataTypes.INTEGER });",
      after: 'console.log(JSON.stringify({ dialect: sequelize.getDialect(), grabbed: globalThis.grabbed }));',
      modes: ['alter'],
    };
    const page = await newPage();
    const problems = collectPageProblems(page);
    // First on SQLite: the traps are set in the worker before PostgreSQL is ever loaded.
    await page.goto(url + encodePermalink(scenario));
    await waitForRun(page, 120_000);
    const printed = page.getByTestId('mode-alter').getByTestId('console');
    expect(await printed.textContent()).toBe('{"dialect":"sqlite","grabbed":[]}');
    await page.getByTestId('dialect-picker').getByLabel('PostgreSQL').check();
    await expect.poll(() => printed.textContent(), { timeout: 120_000 }).toContain('"dialect":"postgres"');
    expect(await printed.textContent()).toBe('{"dialect":"postgres","grabbed":[]}');
    expect(problems).toEqual([]);
    await page.context().close();
  }, 180_000);
});
