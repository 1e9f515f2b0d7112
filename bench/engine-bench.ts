/**
 * `npm run bench`: the engine (Sequelize on sql.js through the adapter)
 * against Sequelize on native sqlite3, in one process, alternating rounds.
 * Prints medians and the ratio engine/native for
 * - the whole fixture suite (every fixture, every mode);
 * - `sync({ alter: true })` on a table of 100,000 rows (seeding not timed).
 * Targets (issue "Engine"): suite ratio ≤ 1.0, 100k-row alter ratio ≤ 1.3.
 * Then the same for PostgreSQL (./postgres-bench.ts).
 */
import { runScenario } from '../src/engine/run-scenario';
import type { RunResult } from '../src/engine/result';
import type { ScenarioInput } from '../src/engine/scenario';
import type { AnyDatabaseHost } from '../src/engine/database-host';
import { createSqljsHost } from '../src/engine/sqljs-host';
import { loadSqlJsInNode } from '../src/cli/load-sqljs';
import { createNativeSqliteHost } from '../test/support/native-sqlite-host';
import { BIG_ROWS, BIG_SCENARIO } from '../test/support/big-scenario';
import { loadFixtures } from '../test/support/fixtures';
import { benchPostgres } from './postgres-bench';
import { formatMs, median, printTable } from './stats';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
/** The 100k-row scenario of the browser test, alter only. */
const BIG_ALTER: ScenarioInput = { ...BIG_SCENARIO, modes: ['alter'] };

type Host = AnyDatabaseHost;

async function timeSuite(host: Host, scenarios: ScenarioInput[]): Promise<number> {
  const started = performance.now();
  for (const scenario of scenarios) await runScenario(scenario, { host });
  return performance.now() - started;
}

/** The alter operation's own time, and the whole mode's (models, alter, snapshot). */
async function timeBigAlter(host: Host): Promise<{ operation: number; mode: number }> {
  const result: RunResult = await runScenario(BIG_ALTER, { host });
  const mode = result.modes[0];
  if (!mode || mode.error) throw new Error(`big alter failed: ${JSON.stringify(mode?.error)}`);
  if (mode.loss.rowsKept !== BIG_ROWS) throw new Error(`big alter kept ${mode.loss.rowsKept} rows`);
  return { operation: mode.timings.operation ?? Number.NaN, mode: mode.durationMs };
}

async function main(): Promise<void> {
  const engine = createSqljsHost(await loadSqlJsInNode()) as Host;
  const native = createNativeSqliteHost() as Host;
  const scenarios = loadFixtures().map((fixture) => fixture.scenario);

  // One warm-up each: module loading and JIT are not what is measured.
  await timeSuite(engine, scenarios);
  await timeSuite(native, scenarios);

  const suite = { engine: [] as number[], native: [] as number[] };
  const alter = { engine: [] as number[], native: [] as number[], engineMode: [] as number[], nativeMode: [] as number[] };
  for (let round = 0; round < ROUNDS; round += 1) {
    const [first, second] = round % 2 === 0 ? (['engine', 'native'] as const) : (['native', 'engine'] as const);
    for (const side of [first, second]) {
      const host = side === 'engine' ? engine : native;
      suite[side].push(await timeSuite(host, scenarios));
      const big = await timeBigAlter(host);
      alter[side].push(big.operation);
      alter[side === 'engine' ? 'engineMode' : 'nativeMode'].push(big.mode);
    }
    process.stderr.write(`round ${round + 1}/${ROUNDS}\n`);
  }

  const row = (name: string, e: number[], n: number[], target: string) => {
    const [me, mn] = [median(e), median(n)];
    return [name, formatMs(me), formatMs(mn), (me / mn).toFixed(2), target];
  };
  console.log(`\nSequelize 6.37.8, ${scenarios.length} fixtures, ${ROUNDS} rounds, medians (engine = sql.js via adapter, native = node-sqlite3)\n`);
  printTable([
    ['benchmark', 'engine', 'native', 'ratio', 'target'],
    row(`fixture suite (${scenarios.length} scenarios)`, suite.engine, suite.native, '≤ 1.00'),
    row(`alter on ${BIG_ROWS} rows: operation`, alter.engine, alter.native, '≤ 1.30'),
    row(`alter on ${BIG_ROWS} rows: whole mode`, alter.engineMode, alter.nativeMode, ''),
  ]);
}

await main();
await benchPostgres();
