/**
 * Parity: every fixture, run with each shipped Sequelize release on native
 * sqlite3 and on the engine (sql.js through the adapter), gives the same
 * statements, errors, console output, schema and rows in every mode.
 */
import { describe, expect, it } from 'vitest';
import { SHIPPED_VERSIONS } from '../../src/engine/sequelize-versions';
import { comparableResult } from '../support/comparable';
import { runOnEngine, runOnNative } from '../support/engines';
import { loadFixtures } from '../support/fixtures';

describe('engine on sql.js equals Sequelize on native sqlite3', () => {
  const fixtures = loadFixtures();

  it('has at least ten fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
  });

  for (const version of SHIPPED_VERSIONS) {
    describe(`Sequelize ${version}`, () => {
      for (const fixture of fixtures) {
        it(fixture.name, async () => {
          const scenario = { ...fixture.scenario, sequelize: version };
          const [engine, native] = [await runOnEngine(scenario), await runOnNative(scenario)];
          expect(engine.sequelizeVersion).toBe(version);
          expect(comparableResult(engine)).toEqual(comparableResult(native));
        });
      }
    });
  }
});
