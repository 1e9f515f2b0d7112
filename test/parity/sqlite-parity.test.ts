/**
 * Parity: every fixture, run with Sequelize 6.37.8 on native sqlite3 and on
 * the engine (sql.js through the adapter), gives the same statements,
 * errors, console output, schema and rows in every mode.
 */
import { describe, expect, it } from 'vitest';
import { comparableResult } from '../support/comparable';
import { runOnEngine, runOnNative } from '../support/engines';
import { loadFixtures } from '../support/fixtures';

describe('engine on sql.js equals Sequelize on native sqlite3', () => {
  const fixtures = loadFixtures();

  it('has at least ten fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
  });

  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      const [engine, native] = [await runOnEngine(fixture.scenario), await runOnNative(fixture.scenario)];
      expect(comparableResult(engine)).toEqual(comparableResult(native));
    });
  }
});
