/**
 * Sequelize 7 in the browser: a scenario asking for `"sequelize": "7"` runs in
 * the worker and the page shows exactly the statements the engine reports
 * for it in Node (Sequelize 7's random temporary table names masked), on
 * SQLite and on PostgreSQL; its chunks are fetched only then, never by the
 * default page before its first result.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadSqlJsInNode } from '../../src/cli/load-sqljs';
import { useSqlite3Placeholder } from '../../src/cli/sqlite3-placeholder-hook';
import { createPgliteHost } from '../../src/engine/pglite-host';
import type { RunResult } from '../../src/engine/result';
import { runScenario } from '../../src/engine/run-scenario';
import { SCENARIO_FORMAT, type ScenarioInput } from '../../src/engine/scenario';
import { createSqljsHost } from '../../src/engine/sqljs-host';
import { encodePermalink } from '../../src/permalink/permalink-codec';
import { useBrowserSession } from '../support/browser-session';
import { collectPageProblems } from '../support/chromium';
import { maskTemporaryTableNames } from '../support/comparable';
import { loadFixture } from '../support/fixtures';
import { expectedModes, readShownModes, waitForRun, type ShownMode } from '../support/playground-page';
import { postgresScenario } from '../support/postgres-fixtures';
import { sequelize7Scenario } from '../support/sequelize7-fixtures';

/** A chunk of Sequelize 7 (vite.config.ts names them `sequelize-7…`). */
const SEQUELIZE_7_CHUNK = /\/assets\/sequelize-7[-.]/;

/** Queries inside `sequelize.transaction(callback)` that are not passed the transaction join it (CLS). */
const CLS_SCENARIO: ScenarioInput = {
  format: SCENARIO_FORMAT,
  sequelize: '7',
  setup: "const Account = sequelize.define('Account', { owner: DataTypes.STRING, balance: DataTypes.INTEGER });\nawait sequelize.sync();\nawait Account.bulkCreate([{ owner: 'Ann', balance: 100 }, { owner: 'Bob', balance: 20 }]);",
  models: "sequelize.define('Account', { owner: DataTypes.STRING, balance: DataTypes.INTEGER });",
  after: [
    "const Account = sequelize.models.get('Account');",
    'const outside = sequelize.getCurrentClsTransaction();',
    'await sequelize.transaction(async () => {',
    "  await Account.increment({ balance: -30 }, { where: { owner: 'Ann' } });",
    "  await Account.increment({ balance: 30 }, { where: { owner: 'Bob' } });",
    '  console.log(`inside: ${sequelize.getCurrentClsTransaction() !== undefined}`);',
    '});',
    'try {',
    '  await sequelize.transaction(async () => {',
    "    await Account.increment({ balance: -500 }, { where: { owner: 'Bob' } });",
    "    throw new Error('Bob cannot pay 500');",
    '  });',
    '} catch (error) {',
    "  console.log('rolled back:', error.message);",
    '}',
    'console.log(`outside: ${outside === undefined && sequelize.getCurrentClsTransaction() === undefined}`);',
    "console.log((await Account.findAll({ order: [['id', 'ASC']] })).map((a) => `${a.owner}: ${a.balance}`).join(', '));",
  ].join('\n'),
  modes: ['sync', 'alter'],
};

const masked = (modes: ShownMode[]) => modes.map((mode) => ({ ...mode, log: mode.log.map(maskTemporaryTableNames) }));

describe('Sequelize 7 in the browser', () => {
  let browser: Browser | undefined;
  let url = '';

  useBrowserSession((session) => {
    browser = session.browser;
    url = session.url;
  });

  /** Opens a scenario's permalink, waits for its run, and returns what the page shows and the URLs it fetched. */
  async function showInPage(scenario: ScenarioInput | null, timeout = 60_000) {
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page: Page = await context.newPage();
    const problems = collectPageProblems(page);
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(scenario ? `${url}${encodePermalink(scenario)}` : url);
    await waitForRun(page, timeout);
    const fetchedBeforeResult = [...requested];
    const shown = await readShownModes(page);
    await context.close();
    return { shown, fetchedBeforeResult, problems };
  }

  const expectShown = (shown: ShownMode[], result: RunResult) => {
    expect(result.sequelizeVersion).toBe('7.0.0-alpha.48');
    expect(masked(shown)).toEqual(masked(expectedModes(result)));
  };

  it('the default page never fetches Sequelize 7 before its first result', async () => {
    const { fetchedBeforeResult, problems } = await showInPage(null);
    // The worker's chunks were fetched (Sequelize 6's among them), none of 7's.
    expect(fetchedBeforeResult.some((request) => /\/assets\/sequelize-[\w-]{8}\.js$/.test(request))).toBe(true);
    expect(fetchedBeforeResult.filter((request) => SEQUELIZE_7_CHUNK.test(request))).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('runs the seed example on SQLite with the statements the engine reports in Node', async () => {
    const scenario = sequelize7Scenario('seed-add-column', loadFixture('seed-add-column').scenario);
    const { shown, fetchedBeforeResult, problems } = await showInPage(scenario);
    useSqlite3Placeholder();
    const expected = await runScenario(scenario, { host: createSqljsHost(await loadSqlJsInNode()) });
    expectShown(shown, expected);
    // Alter rebuilds through a randomly named copy: it is 7 that ran.
    expect(shown.find((mode) => mode.mode === 'alter')?.log.some((line) => /`IntegerNames_[0-9a-f]{16}`/.test(line))).toBe(true);
    // Its core and SQLite dialect were fetched for it; PostgreSQL's was not.
    const chunks = fetchedBeforeResult.filter((request) => SEQUELIZE_7_CHUNK.test(request)).join('\n');
    expect(chunks).toMatch(/sequelize-7-core-/);
    expect(chunks).toMatch(/sequelize-7-sqlite-/);
    expect(chunks).not.toMatch(/sequelize-7-postgres-/);
    expect(problems).toEqual([]);
  }, 120_000);

  // Transactions, a rebuild under foreign keys, values of each type, a
  // constraint error, paranoid rows: more of 7's code than the seed reaches.
  it.each(['transaction-rollback', 'cascade-parent-altered', 'value-types', 'unique-constraint-error', 'paranoid-added'])(
    'runs the fixture %s on SQLite as the engine does in Node',
    async (name) => {
      const scenario = sequelize7Scenario(name, loadFixture(name).scenario);
      const { shown, problems } = await showInPage(scenario);
      useSqlite3Placeholder();
      expectShown(shown, await runScenario(scenario, { host: createSqljsHost(await loadSqlJsInNode()) }));
      expect(problems).toEqual([]);
    },
    120_000,
  );

  it('joins the managed transaction without passing it (CLS), as in Node', async () => {
    const { shown, problems } = await showInPage(CLS_SCENARIO);
    useSqlite3Placeholder();
    const expected = await runScenario(CLS_SCENARIO, { host: createSqljsHost(await loadSqlJsInNode()) });
    expectShown(shown, expected);
    expect(shown[0]?.console).toBe('inside: true\nrolled back: Bob cannot pay 500\noutside: true\nAnn: 70, Bob: 50');
    expect(problems).toEqual([]);
  }, 120_000);

  it('runs the seed example on PostgreSQL with the statements the engine reports in Node', async () => {
    const scenario = sequelize7Scenario('seed-add-column', postgresScenario(loadFixture('seed-add-column')));
    const { shown, fetchedBeforeResult, problems } = await showInPage(scenario, 120_000);
    const expected = await runScenario(scenario, { host: createPgliteHost() });
    expectShown(shown, expected);
    expect(shown.find((mode) => mode.mode === 'alter')?.log.some((line) => /^operation: ALTER TABLE "IntegerNames" ADD COLUMN +"nameEs" VARCHAR\(255\);$/.test(line))).toBe(true);
    expect(fetchedBeforeResult.filter((request) => SEQUELIZE_7_CHUNK.test(request)).join('\n')).toMatch(/sequelize-7-postgres-/);
    expect(problems).toEqual([]);
  }, 240_000);
});
