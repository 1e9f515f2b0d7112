/** The two sides of every parity test, sharing one runner. */
import { runScenario } from '../../src/engine/run-scenario';
import type { ScenarioInput } from '../../src/engine/scenario';
import { createSqljsHost } from '../../src/engine/sqljs-host';
import { loadSqlJsInNode } from '../../src/cli/load-sqljs';
import { useSqlite3Placeholder } from '../../src/cli/sqlite3-placeholder-hook';
import { createNativeSqliteHost } from './native-sqlite-host';

// The engine's side loads Sequelize 7 as the CLI does, without native sqlite3.
useSqlite3Placeholder();

export async function runOnEngine(scenario: ScenarioInput) {
  return runScenario(scenario, { host: createSqljsHost(await loadSqlJsInNode()) });
}

export async function runOnNative(scenario: ScenarioInput) {
  return runScenario(scenario, { host: createNativeSqliteHost() });
}
