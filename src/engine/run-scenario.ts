/**
 * `runScenario(scenario) → RunResult` (shared/SCENARIO.md, "How a scenario
 * runs"): the baseline runs `setup` on an empty database; each mode then
 * starts from a byte-for-byte copy of it, with a new Sequelize instance, and
 * runs `models`, its operation and `after`. No mode sees another's changes.
 * The same for every dialect: the host (./database-host.ts) says how a
 * database is opened, saved, copied and snapshotted.
 */
import type { AnyDatabaseHost } from './database-host';
import { computeLoss } from './loss-diff';
import type { RowPairing } from './row-matching';
import { MODE_CALLS, runModeOperation } from './modes';
import { RESULT_FORMAT, type ModeResult, type Phase, type RunResult, type RunSection } from './result';
import { runSession, type PhaseStep, type SessionResult } from './run-session';
import { ScenarioError, withDefaults, type Dialect, type ScenarioInput } from './scenario';
import { loadSequelize, resolveVersion } from './sequelize-versions';
import { compileUserCode, type CodeField, type UserFunction } from './user-code';

/** What is done so far: the baseline, then each mode in scenario order. */
export type RunProgress =
  | { stage: 'baseline'; baseline: RunSection }
  /** `pairings`: how the loss report paired each table's rows with the baseline's (not part of the result). */
  | { stage: ModeResult['mode']; mode: ModeResult; pairings?: Record<string, RowPairing> };

/**
 * The host to run on, or a function that picks (and loads) one for the
 * scenario's dialect, so that PGlite is only loaded for a Postgres scenario
 * (given the exact Sequelize version and the database name too: the browser
 * loads that release's postgres dialect, and starts PGlite on that database,
 * while the run's clock is stopped).
 */
export type HostChoice =
  | AnyDatabaseHost
  | ((dialect: Dialect, sequelizeVersion: string, database: string) => AnyDatabaseHost | Promise<AnyDatabaseHost>);

export interface RunOptions {
  host: HostChoice;
  /**
   * Called with the baseline and then with each mode as soon as it is done,
   * so a UI can show columns as they finish. Throwing from it abandons the
   * run (the worker does so when a newer run has been requested).
   */
  onProgress?: (progress: RunProgress) => void;
  /**
   * Given, each section's database file is exported when it ends and handed
   * over: the worker keeps them so a person can download any of them.
   */
  onDatabase?: (stage: RunProgress['stage'], bytes: Uint8Array) => void;
  /**
   * Called as each phase of each section starts, and with null once its
   * phases are over, so that a watchdog that stops a runaway run watches
   * user code only and can say where it ran away.
   */
  onPhase?: (stage: RunProgress['stage'], phase: Phase | null) => void;
}

/** A code field compiled, or the syntax error that stops its phase. */
type Compiled = { fn: UserFunction } | { error: unknown };

async function compile(code: string, field: CodeField): Promise<Compiled> {
  try {
    return { fn: await compileUserCode(code, field) };
  } catch (error) {
    return { error };
  }
}

function userStep(compiled: Compiled): PhaseStep {
  return async (_sequelize, scope) => {
    if ('error' in compiled) throw compiled.error;
    await compiled.fn(scope);
  };
}

function section({ log, error, console, tables }: SessionResult<unknown>): RunSection {
  return { log, error, console, tables };
}

export async function runScenario(input: ScenarioInput, options: RunOptions): Promise<RunResult> {
  const scenario = withDefaults(input);
  const host = typeof options.host === 'function' ? await options.host(scenario.dialect, resolveVersion(scenario.sequelize), scenario.database) : options.host;
  if (host.dialect !== scenario.dialect) {
    throw new ScenarioError(`dialect: "${scenario.dialect}" is not available here; this build runs "${host.dialect}"`);
  }
  const sequelize = await loadSequelize(scenario.sequelize, scenario.dialect);
  const [setup, models, after] = await Promise.all([
    compile(scenario.setup, 'setup'),
    compile(scenario.models, 'models'),
    compile(scenario.after, 'after'),
  ]);
  const code = { setup, models, after };
  const common = { host, sequelize, database: scenario.database };

  const baseline = await runSession({
    ...common,
    from: null,
    phases: [['setup', userStep(code.setup)]],
    onPhase: (phase) => options.onPhase?.('baseline', phase),
    saveBaseline: true,
    exportBytes: options.onDatabase !== undefined,
  });
  if (options.onDatabase && baseline.bytes) options.onDatabase('baseline', baseline.bytes);
  options.onProgress?.({ stage: 'baseline', baseline: section(baseline) });

  const modes: ModeResult[] = [];
  try {
    for (const mode of scenario.modes) {
      const started = performance.now();
      const phases: Array<readonly [Phase, PhaseStep]> = [
        ['models', userStep(code.models)],
        ['operation', (instance) => runModeOperation(mode, instance)],
        ['after', userStep(code.after)],
      ];
      const run = await runSession({
        ...common,
        from: baseline.saved,
        phases,
        onPhase: (phase) => options.onPhase?.(mode, phase),
        saveBaseline: false,
        exportBytes: options.onDatabase !== undefined,
      });
      if (options.onDatabase && run.bytes) options.onDatabase(mode, run.bytes);
      const pairings: Record<string, RowPairing> = {};
      const result: ModeResult = {
        mode,
        call: MODE_CALLS[mode],
        ...section(run),
        loss: computeLoss(baseline.tables, run.tables, run.modelTables, (table, pairing) => (pairings[table] = pairing)),
        timings: run.timings,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
      };
      modes.push(result);
      options.onProgress?.({ stage: mode, mode: result, pairings });
    }
  } finally {
    await host.discardBaseline?.(baseline.saved);
  }

  return {
    format: RESULT_FORMAT,
    sequelizeVersion: sequelize.version,
    dialect: scenario.dialect,
    baseline: section(baseline),
    modes,
  };
}
