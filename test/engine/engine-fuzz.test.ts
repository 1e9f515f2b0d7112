/**
 * Random model definitions through the real engine (sql.js, no mocks), all
 * five modes: whatever models a person writes, a run ends in a RunResult
 * within the time limit, each failure recorded as a phase error, and the
 * result holds together (counts add up, the loss matches the database
 * files, each mode did what its call promises).
 */
import fc from 'fast-check';
import type { SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlJsInNode } from '../../src/cli/load-sqljs';
import type { ModeResult, PhaseError, RunResult } from '../../src/engine/result';
import { runScenario } from '../../src/engine/run-scenario';
import { MODES, parseScenario, SCENARIO_FORMAT, ScenarioError } from '../../src/engine/scenario';
import { SHIPPED_VERSIONS } from '../../src/engine/sequelize-versions';
import { createSqljsHost } from '../../src/engine/sqljs-host';
import { randomCase, type RandomCase } from '../support/random-models';
import { expectEveryModeTrustworthy, runKeepingDatabases } from '../support/trustworthy-loss';

const CASES = 100;
/** Per run of five modes; a small run takes well under a second. */
const RUN_LIMIT_MS = 20_000;

let SQL: SqlJsStatic;
beforeAll(async () => {
  SQL = await loadSqlJsInNode();
});

function withinLimit<T>(promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no result within ${RUN_LIMIT_MS} ms`)), RUN_LIMIT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function expectClearError(error: PhaseError | null, phases: readonly string[], label: string): void {
  if (error === null) return;
  expect(phases, `${label}: phase`).toContain(error.phase);
  expect(error.name, `${label}: name`).toMatch(/\S/);
  expect(error.message, `${label}: message of ${error.name}`).toMatch(/\S/);
}

const isCount = (n: number) => Number.isInteger(n) && n >= 0;
const lower = (names: Iterable<string>) => new Set([...names].map((name) => name.toLowerCase()));

function expectConsistentLoss(mode: ModeResult, result: RunResult, c: RandomCase): void {
  const { loss } = mode;
  const baselineTables = Object.keys(result.baseline.tables);
  const modelTables = new Set(c.after.map((m) => m.table));
  for (const t of loss.tables) {
    const counts = [t.rowsBefore, t.rowsAfter, t.rowsKept, t.rowsLost, t.rowsAdded, t.valuesChanged, t.valuesNulled, t.valuesInDroppedColumns];
    expect(counts.every(isCount), `${mode.mode}: ${t.table} counts ${counts.join(',')}`).toBe(true);
    expect(t.rowsKept + t.rowsLost).toBe(t.rowsBefore);
    expect(t.rowsKept + t.rowsAdded).toBe(t.rowsAfter);
    expect(t.valuesNulled).toBeLessThanOrEqual(t.valuesChanged);
    const inBaseline = baselineTables.includes(t.table);
    expect(inBaseline, `${mode.mode}: ${t.table} is ${t.change}`).toBe(t.change === 'kept' || t.change === 'dropped');
    if (inBaseline) expect(t.rowsBefore).toBe(result.baseline.tables[t.table]?.rows.length);
    // A new table is a model's, or a leftover such as `T_backup` after a failed alter.
    else expect(t.change, `${mode.mode}: new table ${t.table}`).toBe(modelTables.has(t.table) ? 'created' : 'leftover');
    expect(t.rowsAfter).toBe(mode.tables[t.table]?.rows.length ?? 0);
  }
  expect(loss.tables.map((t) => t.table).sort()).toEqual([...new Set([...baselineTables, ...Object.keys(mode.tables)])].sort());
}

/** What each call promises, checked only when the mode ran clean (and, past drop, when `after` wrote nothing). */
function expectModeKeptItsPromise(mode: ModeResult, c: RandomCase): void {
  if (mode.error !== null) return;
  const tables = lower(Object.keys(mode.tables));
  const modelTables = c.after.map((m) => m.table);
  if (mode.mode === 'drop') expect([...lower(modelTables)].filter((t) => tables.has(t)), 'drop left model tables').toEqual([]);
  if (c.afterWrites) return;
  if (mode.mode === 'force') {
    for (const table of modelTables) expect(mode.tables[table]?.rows, `force: ${table}`).toEqual([]);
  }
  if (mode.mode === 'sync') {
    // sync() only creates missing tables: the baseline's data is untouched.
    expect(mode.loss, 'sync lost data').toMatchObject({ rowsLost: 0, valuesChanged: 0, tablesDropped: [], columnsDropped: [], lossy: false });
  }
}

describe('random models through the engine', () => {
  it(`${CASES} random before/after model pairs each end in a consistent result`, async () => {
    const seen = { runs: 0, modeErrors: 0, baselineErrors: 0, lossy: 0 };
    await fc.assert(
      fc.asyncProperty(randomCase, async (c) => {
        expect(() => parseScenario(c.scenario)).not.toThrow();
        const { result, files, progress } = await withinLimit(runKeepingDatabases(SQL, c.scenario));
        seen.runs += 1;
        expect(progress).toEqual(['baseline', ...MODES]);
        expect(result.format).toBe('sync-playground/result@1');
        expect(result.modes.map((m) => m.mode)).toEqual([...MODES]);
        expectClearError(result.baseline.error, ['setup'], 'baseline');
        if (result.baseline.error) seen.baselineErrors += 1;
        for (const mode of result.modes) {
          expectClearError(mode.error, ['models', 'operation', 'after'], mode.mode);
          if (mode.error) seen.modeErrors += 1;
          if (mode.loss.lossy) seen.lossy += 1;
          expectConsistentLoss(mode, result, c);
          expectModeKeptItsPromise(mode, c);
        }
        expectEveryModeTrustworthy(SQL, result, files);
      }),
      // No shrinking: each try is a whole engine run, and the first failing case says enough.
      { numRuns: CASES, endOnFailure: true },
    );
    // The generators must reach failures, losses and clean baselines, or the test proves little.
    expect(seen.modeErrors).toBeGreaterThan(0);
    expect(seen.lossy).toBeGreaterThan(0);
    expect(seen.runs - seen.baselineErrors).toBeGreaterThan(CASES / 3);
  }, 120_000);

  it('a version the playground does not ship, or a dialect this host does not run, is a ScenarioError before anything runs', async () => {
    const version = fc.stringMatching(/^\d{1,3}(\.\d{1,3}\.\d{1,3}(-[a-z0-9.]{1,8})?)?$/).filter((v) => v !== '6' && v !== '7' && !SHIPPED_VERSIONS.includes(v));
    const input = fc.oneof(
      version.map((sequelize) => ({ sequelize, message: /^sequelize: version ".*" is not shipped by this playground \(use one of / })),
      fc.constant({ dialect: 'postgres' as const, message: /^dialect: "postgres" is not available here/ }),
    );
    await fc.assert(
      fc.asyncProperty(input, async ({ message, ...fields }) => {
        const scenario = parseScenario({ format: SCENARIO_FORMAT, models: "sequelize.define('A', {});", ...fields });
        const run = withinLimit(runScenario(scenario, { host: createSqljsHost(SQL) }));
        await expect(run).rejects.toThrow(ScenarioError);
        await expect(run).rejects.toThrow(message);
      }),
      { numRuns: 50 },
    );
  });
});
