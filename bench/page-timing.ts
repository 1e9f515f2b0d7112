/**
 * In-page measurements for `npm run bench:web`, shared by the playground
 * and the floor page: both mark each mode column `data-status="done"`.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';

/**
 * How long a new window's own start keeps the browser busy. Chromium 156
 * loads its omnibox popup (a WebUI page, "WebUI Top Renderer" in a trace)
 * into about half of the new windows a context opens: in traces here about
 * 1.1 s of a core within the first 1.5 s (372, 658 and 117 ms in three
 * half-second buckets), and none after. A load started then measured the
 * browser's own UI on one of the two cores, not the page (it was in every
 * traced playground load of one run and in few floor loads). A person's
 * browser has its window long before they open the page. launchChromium
 * now turns that popup off; the wait stays for whatever else a new window
 * starts (and for a Chromium whose feature names have changed).
 */
const NEW_WINDOW_SETTLE_MS = 2000;

/**
 * A page in a fresh browser context (nothing cached), once its new window
 * has settled: the cold loads navigate it.
 */
export async function coldPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.waitForTimeout(NEW_WINDOW_SETTLE_MS);
  return { context, page };
}

/**
 * Navigates `page` to `url` and resolves with `performance.now()` (ms
 * since navigation) at the DOM change that made every column done.
 * The page records that itself, with a MutationObserver set up by an init
 * script before any of its own code runs. Until 2026-12-03 the benchmark
 * asked Playwright to poll on every animation frame once the navigation
 * had committed (`waitForFunction` with `polling: 'raf'`). That measured
 * itself too: Playwright injects its script (about 330 KB) into the page
 * for it, and a frame requested on every vsync keeps the compositor, the
 * GPU process and the browser drawing, on the same two cores as the page.
 * It slowed the idle floor page far more than the playground, which draws
 * anyway: over eight alternating loads each, the floor took 707 ms polled
 * and 606 ms observed, the playground 872 and 846 ms.
 */
export async function loadAndTimeAllDone(page: Page, url: string, columns: number, timeout = 60_000): Promise<number> {
  // A string, not a function: tsx's esbuild wraps named functions in a
  // `__name` helper that does not exist in the page.
  await page.addInitScript(`(() => {
    let resolve;
    window.__allDone = new Promise((r) => (resolve = r));
    const observer = new MutationObserver(() => {
      const sections = document.querySelectorAll('section[data-testid^="mode-"]');
      if (sections.length !== ${columns}) return;
      for (const section of sections) if (section.dataset.status !== 'done') return;
      observer.disconnect();
      resolve(performance.now());
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
  })()`);
  await page.goto(url);
  return withTimeout(page.evaluate('window.__allDone') as Promise<number>, timeout, 'the columns were not all done');
}

function withTimeout<T>(promise: Promise<T>, timeout: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${timeout} ms`)), timeout);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

/**
 * Clicks the PostgreSQL choice and resolves with the milliseconds from the
 * choice (the radio's `change` event) until the columns have gone running
 * and then all done again (PGlite's download and start included).
 * Playwright's `check()` spends 45–60 ms here on its own checks (it waits
 * for two frames in which the radio has not moved, among others) before
 * it clicks: a person's choice is the click.
 */
export async function timeSwitchToPostgres(page: Page, timeout = 120_000): Promise<number> {
  const elapsed = await armCycleTimer(page, 'choice');
  await page.getByTestId('dialect-picker').getByLabel('PostgreSQL').check();
  return elapsed(timeout);
}

/**
 * Arms an observer that records when the columns go from running back to
 * all done, then returns a function reading the elapsed time since the
 * keydown (Ctrl/Cmd+Enter) that triggers the run.
 */
export function armRerunTimer(page: Page): Promise<(timeout?: number) => Promise<number>> {
  return armCycleTimer(page, 'run-shortcut');
}

/** The input event a timed cycle starts at, by the kind of action that starts it. */
const START_EVENTS = {
  'run-shortcut': "event.type === 'keydown' && event.key === 'Enter' && (event.ctrlKey || event.metaKey)",
  choice: "event.type === 'change'",
} as const;

/**
 * The observer behind both timers: from the input event that starts the
 * run (the run shortcut's keydown, or a choice's change) until the columns
 * have gone running and then all done again.
 * The page resolves a promise when they are; it is asked for before the
 * timed action, since asking later would put the asking inside the timed
 * window: Playwright's `waitForFunction` injects its selector engine (about
 * 330 KB of script, 25 ms of the page's main thread on these cores) into
 * the page the first time, and then polls on every frame.
 */
async function armCycleTimer(page: Page, start: keyof typeof START_EVENTS): Promise<(timeout?: number) => Promise<number>> {
  // A string, not a function: tsx's esbuild wraps named functions in a
  // `__name` helper that does not exist in the page.
  await page.evaluate(`(() => {
    const state = { start: 0, end: 0, sawRunning: false };
    state.done = new Promise((resolve) => (state.resolve = resolve));
    window.__cycle = state;
    // Capturing listeners on the document: they run before the page's own.
    const onInput = (event) => {
      if (state.start === 0 && ${START_EVENTS[start]}) state.start = performance.now();
    };
    document.addEventListener('keydown', onInput, true);
    document.addEventListener('change', onInput, true);
    new MutationObserver(() => {
      if (state.start === 0 || state.end !== 0) return;
      const sections = [...document.querySelectorAll('section[data-testid^="mode-"]')];
      if (sections.some((section) => section.dataset.status === 'running')) state.sawRunning = true;
      else if (state.sawRunning && sections.length > 0) {
        state.end = performance.now();
        state.resolve(state.end - state.start);
      }
    }).observe(document.body, { subtree: true, attributes: true, childList: true });
  })()`);
  const done = page.evaluate('window.__cycle.done') as Promise<number>;
  return (timeout = 30_000) => withTimeout(done, timeout, 'the columns were not all done again');
}

/**
 * Waits until the page has settled as it has when a person starts editing:
 * Monaco is up, Sequelize's types are in its TypeScript service, and time
 * has passed for the work that starts: once the types are in, Monaco checks
 * every model against them, which builds the TypeScript program (a second
 * or two of a core here) and would compete with a run for the CPU.
 */
export async function waitForSettledEditor(page: Page, timeout = 60_000): Promise<void> {
  await page.locator('[data-testid="monaco-editor"][data-ready="true"]').waitFor({ timeout });
  await page.locator('[data-testid="editor"][data-types="loaded"]').waitFor({ timeout });
  await page.waitForTimeout(3000);
}
