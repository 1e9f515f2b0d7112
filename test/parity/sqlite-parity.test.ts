/**
 * Parity: every fixture, run with each shipped Sequelize release on native
 * sqlite3 and on the engine (sql.js through the adapter), gives the same
 * statements, errors, console output, schema and rows in every mode. For
 * Sequelize 7 the fixtures' code is adapted to its API and the random names
 * of alter's temporary tables are masked.
 */
import { describe, expect, it } from 'vitest';
import { SHIPPED_VERSIONS } from '../../src/engine/sequelize-versions';
import { comparableResult } from '../support/comparable';
import { runOnEngine, runOnNative } from '../support/engines';
import { loadFixtures } from '../support/fixtures';
import { isSequelize7, sequelize7Scenario } from '../support/sequelize7-fixtures';

describe('engine on sql.js equals Sequelize on native sqlite3', () => {
  const fixtures = loadFixtures();

  it('has at least ten fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
  });

  for (const version of SHIPPED_VERSIONS) {
    describe(`Sequelize ${version}`, () => {
      for (const fixture of fixtures) {
        it(fixture.name, async () => {
          // Fixtures are written for 6; 7's API differs (see sequelize7-fixtures.ts).
          const scenario = isSequelize7(version) ? sequelize7Scenario(fixture.name, fixture.scenario, version) : { ...fixture.scenario, sequelize: version };
          const [engine, native] = [await runOnEngine(scenario), await runOnNative(scenario)];
          expect(engine.sequelizeVersion).toBe(version);
          expect(comparableResult(engine)).toEqual(comparableResult(native));
        });
      }
    });
  }
});
