/**
 * The check that a mode's loss report says what its database file shows:
 * shared by the fixture test (test/engine/loss-trust.test.ts) and the engine
 * fuzz test, which runs it on random models.
 */
import type { SqlJsStatic } from 'sql.js';
import { expect } from 'vitest';
import type { ModeResult, RunResult } from '../../src/engine/result';
import { runScenario, type RunProgress } from '../../src/engine/run-scenario';
import type { ScenarioInput } from '../../src/engine/scenario';
import { createSqljsHost } from '../../src/engine/sqljs-host';
import { recomputeLoss, type RecomputedTable } from './independent-loss';

export interface KeptRun {
  result: RunResult;
  files: Map<RunProgress['stage'], Uint8Array>;
  /** The stages onProgress reported, in order. */
  progress: Array<RunProgress['stage']>;
}

/** Runs a scenario on sql.js, keeping every section's database file. */
export async function runKeepingDatabases(SQL: SqlJsStatic, scenario: ScenarioInput): Promise<KeptRun> {
  const files = new Map<RunProgress['stage'], Uint8Array>();
  const progress: Array<RunProgress['stage']> = [];
  const result = await runScenario(scenario, {
    host: createSqljsHost(SQL),
    onDatabase: (stage, file) => files.set(stage, file),
    onProgress: ({ stage }) => progress.push(stage),
  });
  return { result, files, progress };
}

/** Checks every mode of a run against the loss in its database file. */
export function expectEveryModeTrustworthy(SQL: SqlJsStatic, result: RunResult, files: Map<RunProgress['stage'], Uint8Array>): void {
  const baseline = files.get('baseline');
  if (!baseline) throw new Error('no baseline database');
  for (const mode of result.modes) {
    const file = files.get(mode.mode);
    if (!file) throw new Error(`no database for ${mode.mode}`);
    expectTrustworthyLoss(mode, recomputeLoss(SQL, baseline, file));
  }
}

type Counts = Omit<RecomputedTable, 'everyRowIntact' | 'sharesNoColumn'>;

/** The engine's per-table report in the recomputed shape (created and leftover are both new tables). */
function reported(mode: ModeResult): Counts[] {
  return mode.loss.tables.map(({ change, ...counts }) => ({ ...counts, change: change === 'created' || change === 'leftover' ? 'new' : change }));
}

function expected(truth: RecomputedTable[]): Counts[] {
  return truth.map(({ everyRowIntact: _intact, sharesNoColumn: _noShared, ...counts }) => counts);
}

/** Checks one mode's report against the recomputation from its database file. */
export function expectTrustworthyLoss(mode: ModeResult, recomputed: RecomputedTable[]): void {
  const label = `mode ${mode.mode}`;
  const truth = expected(recomputed);
  expect(reported(mode), label).toEqual(truth);

  const sum = (pick: (t: Counts) => number) => truth.reduce((total, t) => total + pick(t), 0);
  const kept = truth.filter((t) => t.change === 'kept');
  expect(mode.loss, label).toMatchObject({
    rowsBefore: sum((t) => t.rowsBefore),
    rowsKept: sum((t) => t.rowsKept),
    rowsLost: sum((t) => t.rowsLost),
    rowsAdded: sum((t) => t.rowsAdded),
    valuesChanged: sum((t) => t.valuesChanged),
    valuesNulled: sum((t) => t.valuesNulled),
    tablesDropped: truth.filter((t) => t.change === 'dropped').map((t) => t.table),
    columnsDropped: kept.flatMap((t) => t.columnsDropped.map((column) => ({ table: t.table, column }))),
  });
  const lossy = sum((t) => t.rowsLost + t.valuesChanged) > 0 || truth.some((t) => t.change === 'dropped' || (t.change === 'kept' && t.columnsDropped.length > 0));
  expect(mode.loss.lossy, `${label}: lossy`).toBe(lossy);
  expect(new Set(mode.loss.leftoverTables), label).toEqual(new Set(mode.loss.tables.filter((t) => t.change === 'leftover').map((t) => t.table)));

  // Without any pairing rule: a kept table reports no lost or changed row
  // exactly when every baseline row is still there, identical.
  for (const table of recomputed.filter((t) => t.change === 'kept' && !t.sharesNoColumn)) {
    const engine = mode.loss.tables.find((t) => t.table === table.table);
    expect(engine !== undefined && engine.rowsLost === 0 && engine.valuesChanged === 0, `${label}: ${table.table} intact`).toBe(table.everyRowIntact);
  }
}
