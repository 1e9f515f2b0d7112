/** The two sides of every parity test, sharing one runner. */
import { runScenario } from '../../src/engine/run-scenario';
import type { ScenarioInput } from '../../src/engine/scenario';
import { createSqljsHost } from '../../src/engine/sqljs-host';
import { loadSqlJsInNode } from '../../src/cli/load-sqljs';
import { createNativeSqliteHost } from './native-sqlite-host';

export async function runOnEngine(scenario: ScenarioInput) {
  return runScenario(scenario, { host: createSqljsHost(await loadSqlJsInNode()) });
}

export async function runOnNative(scenario: ScenarioInput) {
  return runScenario(scenario, { host: createNativeSqliteHost() });
}
