/**
 * Chromium for the browser tests: the system's /usr/bin/chromium, never a
 * downloaded one; Playwright's own browser only when that is missing.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // Chromium 156 loads its omnibox popup (a WebUI page in a renderer of
      // its own) into about a third to a half of the new windows contexts
      // open: about 1.1 s of a core each, within 1.5 s, beside the page under
      // test on a two-core machine. Without these two, none in ten windows.
      '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
    ],
  });
}

/** Prefix of the console error `reportCspViolations` writes for each violation. */
export const CSP_VIOLATION = 'CSP violation:';

/**
 * Makes every Content-Security-Policy violation, on the page and in its
 * workers, a console error. Chromium's own "Refused to …" lines are not
 * console API calls and never reach Playwright's 'console' event; the
 * `securitypolicyviolation` event does, on the document and on each
 * worker's global scope. Not awaited by `collectPageProblems` (which must
 * stay synchronous): Playwright sends the init script before any later
 * `goto` of the same page.
 */
export function reportCspViolations(page: Page): Promise<void> {
  // Runs in the page and in workers: only what both have.
  const listen = (prefix: string) =>
    globalThis.addEventListener('securitypolicyviolation', (event) => {
      const e = event as SecurityPolicyViolationEvent;
      console.error(`${prefix} ${e.effectiveDirective} refused ${e.blockedURI || '(inline)'} in ${e.sourceFile || e.documentURI}`);
    });
  page.on('worker', (worker) => {
    // A worker may be gone before this arrives: nothing to watch then.
    worker.evaluate(listen, CSP_VIOLATION).catch(() => undefined);
  });
  return page.addInitScript(listen, CSP_VIOLATION).then(() => undefined);
}

/** Console errors (the page's and its workers'), CSP violations and uncaught page exceptions. */
export function collectPageProblems(page: Page): string[] {
  const problems: string[] = [];
  void reportCspViolations(page);
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return problems;
}
