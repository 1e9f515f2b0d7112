/**
 * The browser proof: the production build runs the engine in a Web Worker in
 * real Chromium, and the page shows, mode by mode, the same statements and
 * console output as the engine in Node for the same scenario.
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { ScenarioInput } from '../../src/engine/scenario';
import { useBrowserSession } from '../support/browser-session';
import { collectPageProblems } from '../support/chromium';
import { runOnEngine } from '../support/engines';
import { loadFixture, loadFixtures } from '../support/fixtures';
import { maskTemporaryTableNames } from '../support/comparable';
import { expectedModes, floorUrl, readShownModes, waitForRun, type ShownMode } from '../support/playground-page';

/** Sequelize 7's alter on SQLite names its rebuild tables at random: two runs differ only there. */
const withoutRandomNames = (modes: ShownMode[]) => modes.map((mode) => ({ ...mode, log: mode.log.map(maskTemporaryTableNames) }));

/**
 * bulkCreate gets its ids only if Sequelize still sees the adapter's
 * `Statement` class by name after minification; `update` by id and the
 * printed ids would differ from Node if it did not.
 */
const BULK_CREATE: ScenarioInput = {
  format: 'sync-playground/scenario@1',
  title: 'bulkCreate ids',
  models: "sequelize.define('Tag', { label: DataTypes.STRING });",
  after: [
    "const tags = await sequelize.models.Tag.bulkCreate([{ label: 'a' }, { label: 'b' }]);",
    'console.log(tags.map((tag) => tag.id).join(","));',
    "await tags[1].update({ label: 'B' });",
    "console.log((await sequelize.models.Tag.findByPk(2)).label);",
  ].join('\n'),
  modes: ['force', 'alter'],
};

describe('the engine in a browser worker', () => {
  let appUrl = '';
  let browser: Browser | undefined;

  useBrowserSession((session) => {
    browser = session.browser;
    appUrl = session.url;
  });

  async function showInBrowser(scenario?: ScenarioInput) {
    if (!browser) throw new Error('setup failed');
    const page = await browser.newPage();
    const problems = collectPageProblems(page);
    try {
      await page.goto(floorUrl(appUrl, scenario));
      await waitForRun(page);
      return { shown: await readShownModes(page), problems };
    } finally {
      await page.close();
    }
  }

  it('runs the seed scenario and shows the same statements as Node, mode by mode', async () => {
    const { scenario } = loadFixture('seed-add-column');
    const { shown, problems } = await showInBrowser();
    const expected = expectedModes(await runOnEngine(scenario));
    expect(shown.map((mode) => mode.mode)).toEqual(['sync', 'force', 'alter', 'drop']);
    expect(shown).toEqual(expected);
    expect(problems).toEqual([]);
  });

  it('keeps bulkCreate ids in the minified bundle', async () => {
    const { shown, problems } = await showInBrowser(BULK_CREATE);
    expect(shown).toEqual(expectedModes(await runOnEngine(BULK_CREATE)));
    expect(shown.map((mode) => mode.console)).toEqual(['1,2\nB', '1,2\nB']);
    expect(problems).toEqual([]);
  });

  // Every fixture, so that what the polyfills change (util.format in the
  // captured console, Buffer, moment) shows up as a difference from Node.
  for (const fixture of loadFixtures()) {
    it(`shows what Node shows for ${fixture.name}`, async () => {
      const { shown, problems } = await showInBrowser(fixture.scenario);
      expect(withoutRandomNames(shown)).toEqual(withoutRandomNames(expectedModes(await runOnEngine(fixture.scenario))));
      expect(problems).toEqual([]);
    });
  }
});
