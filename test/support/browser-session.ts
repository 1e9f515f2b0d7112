/**
 * The set-up every browser test file shares: Chromium launched once for the
 * file, and the URL of the build the global setup serves.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { servedAppUrl } from './built-app';
import { launchChromium } from './chromium';

export interface BrowserSession {
  browser: Browser;
  url: string;
}

/** Registers the file's hooks; `ready` receives the browser and the app's URL before the tests run. */
export function useBrowserSession(ready: (session: BrowserSession) => void): void {
  let browser: Browser | undefined;
  beforeAll(async () => {
    const url = servedAppUrl(inject('appUrl'));
    browser = await launchChromium();
    ready({ browser, url });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
}
