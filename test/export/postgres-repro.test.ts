/**
 * A PostgreSQL scenario exports as a reproduction on pg and a real server:
 * run with plain Node against the test cluster, it reports the same
 * statements, errors and console output as the engine on PGlite, and it
 * never drops a database it did not make; on Sequelize 6 and on 7
 * (@sequelize/postgres), with the scenarios adapted to 7's API.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteHost } from '../../src/engine/pglite-host';
import { runScenario } from '../../src/engine/run-scenario';
import { exportReproduction, PG_RANGE } from '../../src/export/repro-export';
import type { ScenarioInput } from '../../src/engine/scenario';
import { comparable, limited, ROOT, runExported, VERSION, VERSION_7 } from '../support/exported-repro';
import { loadFixture, loadFixtures } from '../support/fixtures';
import { postgresScenario } from '../support/postgres-fixtures';
import { POSTGRES_SCENARIOS } from '../support/postgres-scenarios';
import { sequelize7Scenario } from '../support/sequelize7-fixtures';
import { startPostgresServer, type PostgresServer } from '../support/postgres-server';

describe('exportReproduction on PostgreSQL', () => {
  let server: PostgresServer;
  const engine = createPgliteHost();
  beforeAll(async () => {
    server = await startPostgresServer();
  }, 120_000);
  afterAll(async () => {
    await engine.dispose();
    await server?.stop();
  }, 60_000);

  const connection = () => ({ PGHOST: server.host, PGPORT: String(server.port), PGUSER: server.user });

  it('depends on pg in the range the project tests against', async () => {
    const files = await exportReproduction(loadFixture('pg-seed-add-column').scenario, VERSION);
    const own = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(JSON.parse(files['package.json']).dependencies).toEqual({ sequelize: VERSION, pg: PG_RANGE });
    expect(PG_RANGE).toBe(own.devDependencies.pg);
    expect(files['README.md']).toContain('PGHOST');
  });

  // The PostgreSQL examples, and SQLite fixtures whose alter fails or cascades.
  const scenarios = [
    ...loadFixtures('postgres').map((fixture) => [fixture.name, fixture.scenario] as const),
    ...['unique-over-duplicates', 'cascade-parent-altered', 'add-not-null-column'].map(
      (name) => [`${name} (on PostgreSQL)`, postgresScenario(loadFixture(name))] as const,
    ),
  ];
  it('pins @sequelize/core and @sequelize/postgres exactly for a Sequelize 7 scenario', async () => {
    const scenario = sequelize7Scenario('pg-seed-add-column', loadFixture('pg-seed-add-column').scenario);
    const files = await exportReproduction(scenario, VERSION_7);
    expect(JSON.parse(files['package.json']).dependencies).toEqual({ '@sequelize/core': VERSION_7, '@sequelize/postgres': VERSION_7, pg: PG_RANGE });
  });

  // A transaction left open: the runner ends the connection user code kept (6 and 7 keep it in different pools).
  const leftOpen = 'statements after a caught error, and a transaction left open';
  const withLeftOpen = [...scenarios, [leftOpen, POSTGRES_SCENARIOS[leftOpen] as ScenarioInput] as const];
  // On 7: the same scenarios, adapted to its API.
  const scenarios7 = withLeftOpen.map(([name, scenario]) => [name, sequelize7Scenario(name.replace(/ \(on PostgreSQL\)$/, ''), scenario)] as const);
  const cases = [
    ...withLeftOpen.map(([name, scenario]) => [name, scenario, VERSION] as const),
    ...scenarios7.map(([name, scenario]) => [`${name} on Sequelize 7`, scenario, VERSION_7] as const),
  ];
  for (const [name, scenario, version] of cases) {
    it(`reproduces ${name} on pg and a server as the engine runs it`, async () => {
      const files = await exportReproduction(scenario, version);
      // One at a time: both use the scenario's database name on the one server.
      const printed = await limited(() => runExported(files, connection()));
      const ours = await runScenario(scenario, { host: engine });
      expect(printed.sequelizeVersion).toBe(version);
      expect(printed.modes.some((mode) => mode.log.length > 0)).toBe(true);
      expect(comparable(printed.baseline)).toEqual(comparable(ours.baseline));
      expect(printed.modes.map((mode) => ({ mode: mode.mode, ...comparable(mode) }))).toEqual(
        ours.modes.map((mode) => ({ mode: mode.mode, ...comparable(mode) })),
      );
    }, 120_000);
  }

  it('leaves alone a database of the same name that it did not make', async () => {
    const admin = new pg.Client({ host: server.host, port: server.port, user: server.user, database: 'postgres' });
    await admin.connect();
    try {
      await admin.query('CREATE DATABASE "someone_else"');
      const files = await exportReproduction({ ...loadFixture('pg-seed-add-column').scenario, database: 'someone_else' }, VERSION);
      await expect(runExported(files, connection())).rejects.toThrow(/"someone_else" already exists on this server and was not made by a reproduction/);
      const { rows } = await admin.query("SELECT count(*)::int n FROM pg_database WHERE datname IN ('someone_else', 'someone_else_sync_playground_baseline')");
      expect(rows).toEqual([{ n: 1 }]);
    } finally {
      await admin.end();
    }
  }, 60_000);
});
