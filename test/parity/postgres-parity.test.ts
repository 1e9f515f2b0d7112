/**
 * Parity on PostgreSQL: every fixture (as a Postgres scenario, see
 * test/support/postgres-fixtures.ts), run with Sequelize 6.37.8 on pg with a
 * real PostgreSQL server and on the engine (PGlite through the adapter),
 * gives the same statements, errors, console output, schema and rows in
 * every mode.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyDatabaseHost } from '../../src/engine/database-host';
import { createPgliteHost } from '../../src/engine/pglite-host';
import type { RunResult } from '../../src/engine/result';
import { runScenario } from '../../src/engine/run-scenario';
import { comparableResult } from '../support/comparable';
import { loadFixture, loadFixtures } from '../support/fixtures';
import { createNativePostgresHost } from '../support/native-postgres-host';
import { postgresScenario } from '../support/postgres-fixtures';
import { POSTGRES_SCENARIOS } from '../support/postgres-scenarios';
import { startPostgresServer, type PostgresServer } from '../support/postgres-server';
import { sequelize7Scenario } from '../support/sequelize7-fixtures';
import type { ScenarioInput } from '../../src/engine/scenario';

describe('engine on PGlite equals Sequelize on pg with a PostgreSQL server', () => {
  let server: PostgresServer;
  let engine: AnyDatabaseHost;
  let native: AnyDatabaseHost;
  beforeAll(async () => {
    server = await startPostgresServer();
    engine = createPgliteHost();
    native = createNativePostgresHost(server);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  }, 60_000);

  const onBoth = async (scenario: ScenarioInput): Promise<[RunResult, RunResult]> => [
    await runScenario(scenario, { host: engine }),
    await runScenario(scenario, { host: native }),
  ];
  const run = (name: string) => onBoth(postgresScenario(loadFixture(name)));

  // SQLite's fixtures run on PostgreSQL too; the PostgreSQL examples are fixtures of their own.
  const fixtures = [...loadFixtures(), ...loadFixtures('postgres')];

  describe('Sequelize 6', () => {
    for (const fixture of fixtures) {
      it(fixture.name, async () => {
        const [ours, theirs] = await run(fixture.name);
        expect(ours.dialect).toBe('postgres');
        expect(comparableResult(ours)).toEqual(comparableResult(theirs));
      }, 120_000);
    }

    for (const [name, scenario] of Object.entries(POSTGRES_SCENARIOS)) {
      it(name, async () => {
        const [ours, theirs] = await onBoth(scenario);
        expect(comparableResult(ours)).toEqual(comparableResult(theirs));
      }, 120_000);
    }
  });

  // The fixtures adapted to 7's API (test/support/sequelize7-fixtures.ts).
  describe('Sequelize 7', () => {
    for (const fixture of fixtures) {
      it(fixture.name, async () => {
        const [ours, theirs] = await onBoth(sequelize7Scenario(fixture.name, postgresScenario(fixture)));
        expect(ours.sequelizeVersion).toMatch(/^7\./);
        expect(comparableResult(ours)).toEqual(comparableResult(theirs));
      }, 120_000);
    }

    // Not the one that reconnects with `new Sequelize(database, user,
    // password, options)`: 7 takes one options object and has no `config`.
    for (const name of ['enum and array columns under alter', 'statements after a caught error, and a transaction left open']) {
      it(name, async () => {
        const [ours, theirs] = await onBoth(sequelize7Scenario(name, POSTGRES_SCENARIOS[name] as ScenarioInput));
        expect(comparableResult(ours)).toEqual(comparableResult(theirs));
      }, 120_000);
    }
  });

  it('the ENUM example does what its notice says: sync adds the value, drop() fails after dropping', async () => {
    const [ours] = await run('pg-enum-value-added');
    const byMode = new Map(ours.modes.map((mode) => [mode.mode, mode]));
    const addValue = `ALTER TYPE "public"."enum_Tickets_status" ADD VALUE IF NOT EXISTS 'pending' BEFORE 'closed'`;
    for (const mode of ['sync', 'alter'] as const) {
      expect(byMode.get(mode)?.log.map((entry) => entry.sql)).toContain(addValue);
      expect(byMode.get(mode)?.loss.rowsLost).toBe(0);
    }
    expect(byMode.get('force')?.loss.rowsLost).toBe(2);
    expect(byMode.get('drop')?.error).toMatchObject({ phase: 'operation', name: 'TypeError' });
    expect(byMode.get('drop')?.tables.Tickets).toBeUndefined();
  }, 120_000);

  it('alter adds the seed example column with ALTER TABLE and keeps the rows', async () => {
    const [ours] = await run('seed-add-column');
    const alter = ours.modes.find((mode) => mode.mode === 'alter');
    expect(alter?.error).toBeNull();
    expect(alter?.log.map((entry) => entry.sql)).toContain('ALTER TABLE "public"."IntegerNames" ADD COLUMN "nameEs" VARCHAR(255);');
    const names = alter?.tables.IntegerNames?.rows.map((row) => row.name);
    expect(names).toEqual(['two', 'three', 'five', 'seven']);
    expect(alter?.loss.rowsLost).toBe(0);
  }, 120_000);
});
