/**
 * PostgreSQL in the browser: a newcomer switches the seed example to
 * PostgreSQL and sees real Postgres logs, run by Sequelize's postgres dialect
 * on PGlite in the worker (loaded on demand, with the wait shown), equal to
 * the engine's result for the same scenario in Node.
 */
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createPgliteHost } from '../../src/engine/pglite-host';
import { runScenario } from '../../src/engine/run-scenario';
import { useBrowserSession } from '../support/browser-session';
import { collectPageProblems } from '../support/chromium';
import { loadFixture } from '../support/fixtures';
import { expectedModes, linkedScenario, readShownModes, waitForRun } from '../support/playground-page';

const seed = loadFixture('seed-add-column');
const ADD_COLUMN = 'ALTER TABLE "public"."IntegerNames" ADD COLUMN "nameEs" VARCHAR(255);';

describe('PostgreSQL in the browser', () => {
  let browser: Browser | undefined;
  let url = '';

  useBrowserSession((session) => {
    browser = session.browser;
    url = session.url;
  });

  it('switching the seed example to PostgreSQL shows ALTER TABLE … ADD COLUMN under alter and keeps the rows', async () => {
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const problems = collectPageProblems(page);
    await page.goto(url);
    await waitForRun(page);
    const sqliteAlter = await page.locator('[data-testid="mode-alter"] [data-sql]').evaluateAll((items) => items.map((li) => li.getAttribute('data-sql')));
    expect(sqliteAlter.some((sql) => sql?.includes('IntegerNames_backup'))).toBe(true);

    await page.getByTestId('dialect-picker').getByLabel('PostgreSQL').check();
    // The first Postgres run waits for PGlite, and says so.
    await page.getByTestId('run-status').filter({ hasText: /PostgreSQL/ }).waitFor({ timeout: 20_000 });
    await waitForRun(page, 120_000);

    const alter = page.getByTestId('mode-alter');
    const alterLog = await alter.locator('[data-sql]').evaluateAll((items) => items.map((li) => li.getAttribute('data-sql')));
    expect(alterLog).toContain(ADD_COLUMN);
    expect(alterLog.some((sql) => sql?.includes('_backup'))).toBe(false);
    expect(await alter.getByTestId('verdict').textContent()).not.toMatch(/\d+ rows? lost/);

    const expected = await runScenario({ ...seed.scenario, dialect: 'postgres' }, { host: createPgliteHost() });
    expect(await readShownModes(page)).toEqual(expectedModes(expected));
    // The seed's notice speaks of SQLite's _backup copy: it says which database it was written for.
    expect(await page.getByTestId('example-notice').textContent()).toMatch(/^Notice: \(written for SQLite; this runs on PostgreSQL, whose log differs\) Plain sync\(\)/);
    // The dialect travels with the scenario (autosave, permalinks).
    expect((await linkedScenario(page)).dialect).toBe('postgres');
    await page.screenshot({ path: 'test-results/postgres.png' });

    // Both databases side by side, for one mode: SQLite rebuilds, PostgreSQL alters in place.
    await page.getByTestId('compare-dialects').check();
    const column = (dialect: string) => page.getByTestId(`dialect-${dialect}`).getByTestId('mode-alter');
    await expect.poll(() => column('sqlite').getAttribute('data-status'), { timeout: 60_000 }).toBe('done');
    await expect.poll(() => column('postgres').getAttribute('data-status'), { timeout: 60_000 }).toBe('done');
    const logOf = (dialect: string) => column(dialect).locator('[data-sql]').evaluateAll((items) => items.map((li) => li.getAttribute('data-sql')));
    expect(await logOf('postgres')).toContain(ADD_COLUMN);
    expect((await logOf('sqlite')).some((sql) => sql?.includes('IntegerNames_backup'))).toBe(true);
    for (const dialect of ['sqlite', 'postgres']) expect(await column(dialect).getByTestId('verdict').textContent()).not.toMatch(/\d+ rows? lost/);
    await page.screenshot({ path: 'test-results/postgres-vs-sqlite.png' });
    expect(problems).toEqual([]);
    await context.close();
  }, 240_000);
});
