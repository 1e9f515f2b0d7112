/**
 * The PostgreSQL half of `npm run bench`: the engine (Sequelize on PGlite
 * through the pg adapter) against Sequelize on pg with a real PostgreSQL
 * server on 127.0.0.1 (Debian's binaries; skipped with a note when there are
 * none), alternating rounds. Prints medians and ratios for
 * - the fixture suite as the parity test runs it on PostgreSQL;
 * - the per-mode reset: a new PGlite database started from the saved
 *   baseline, ready for Sequelize (target ≤ 50 ms).
 */
import type { AnyDatabaseHost } from '../src/engine/database-host';
import { createPgliteHost } from '../src/engine/pglite-host';
import { runScenario } from '../src/engine/run-scenario';
import type { ScenarioInput } from '../src/engine/scenario';
import { loadFixtures } from '../test/support/fixtures';
import { createNativePostgresHost } from '../test/support/native-postgres-host';
import { postgresScenario } from '../test/support/postgres-fixtures';
import { findPostgresBinaries, startPostgresServer } from '../test/support/postgres-server';
import { formatMs, median, printTable } from './stats';

const ROUNDS = Number(process.env.BENCH_PG_ROUNDS ?? 3);
const RESETS = 15;

async function timeSuite(host: AnyDatabaseHost, scenarios: ScenarioInput[]): Promise<number> {
  const started = performance.now();
  for (const scenario of scenarios) await runScenario(scenario, { host });
  return performance.now() - started;
}

/** Milliseconds from a saved baseline to a database Sequelize can use, RESETS times. */
async function timeResets(host: AnyDatabaseHost): Promise<number[]> {
  const baseline = await host.openEmpty('playground');
  const saved = await host.saveBaseline(baseline);
  await host.close(baseline);
  const times: number[] = [];
  for (let i = 0; i < RESETS; i += 1) {
    const started = performance.now();
    const db = await host.openFromBaseline(saved, 'playground');
    times.push(performance.now() - started);
    await host.close(db);
  }
  return times;
}

export async function benchPostgres(): Promise<void> {
  if (!findPostgresBinaries()) {
    console.log('\nPostgreSQL: no server binaries here (apt-get install postgresql): skipped.');
    return;
  }
  const server = await startPostgresServer();
  const engine = createPgliteHost();
  try {
    const native = createNativePostgresHost(server);
    const scenarios = [
      ...loadFixtures().map(postgresScenario),
      ...loadFixtures('postgres').map((fixture) => fixture.scenario),
    ];
    // One warm-up each: initdb, module loading and JIT are not what is measured.
    await timeSuite(engine, scenarios);
    await timeSuite(native, scenarios);

    const suite = { engine: [] as number[], native: [] as number[] };
    for (let round = 0; round < ROUNDS; round += 1) {
      const order = round % 2 === 0 ? (['engine', 'native'] as const) : (['native', 'engine'] as const);
      for (const side of order) suite[side].push(await timeSuite(side === 'engine' ? engine : native, scenarios));
      process.stderr.write(`postgres round ${round + 1}/${ROUNDS}\n`);
    }
    const resets = await timeResets(engine);

    const [e, n] = [median(suite.engine), median(suite.native)];
    console.log(`\nPostgreSQL ${server.version} server vs PGlite, ${scenarios.length} scenarios, ${ROUNDS} rounds, medians\n`);
    printTable([
      ['benchmark', 'engine', 'native', 'ratio', 'target'],
      [`fixture suite on PostgreSQL (${scenarios.length} scenarios)`, formatMs(e), formatMs(n), (e / n).toFixed(2), ''],
      [`per-mode reset (baseline → ready database, ${RESETS} times)`, formatMs(median(resets)), '', '', '≤ 50 ms'],
    ]);
  } finally {
    await engine.dispose();
    await server.stop();
  }
}
