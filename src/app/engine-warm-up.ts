/**
 * Warms the engine after the page's first result, so that the first edits
 * re-run as fast as later ones.
 *
 * Why: the browser compiles the code a run goes through (Sequelize, the
 * engine, the result's messages) with its optimizing compiler only once it
 * has run a few times. On this project's two-core machine the first two
 * re-runs after a load took 200–500 ms, most of it that compilation, on
 * background threads that compete with the run, and the third about 85 ms
 * (`npm run bench:web`; docs/performance.md, "Re-runs"). So once the page
 * is idle after its first result, the engine runs the same scenario WARM_UP_RUNS
 * more times, showing nothing and keeping nothing (EngineClient.warmUp).
 *
 * Once per dialect (PostgreSQL's code, its dialect and PGlite, is its own:
 * the first two re-runs after switching to it took 620–1000 ms, and 400–520
 * ms once warmed), and only when it is cheap: a scenario of at most
 * WARM_UP_MAX_ROWS rows (big data would cost seconds of CPU each time) whose
 * modes took WARM_UP_MAX_MODES_MS at most together (a guard against slow
 * code, generous: a busy machine makes the seed's modes take a second),
 * with no comparison open (its second run must not be superseded), and no
 * newer run asked for. A run the person starts supersedes a warm-up at its
 * next step, as any newer run does.
 */
import type { EngineClient } from '../engine-client/engine-client';
import type { RunResult } from '../engine/result';
import { withDefaults, type ScenarioInput } from '../engine/scenario';

export const WARM_UP_RUNS = 2;
/** More rows than this in the baseline's tables: not run again. */
export const WARM_UP_MAX_ROWS = 10_000;
/** Modes slower than this together: not run again. */
export const WARM_UP_MAX_MODES_MS = 5000;
/**
 * The same for PostgreSQL, whose first run is warmed after: its modes are
 * mostly Chromium compiling PGlite's functions as they are first called
 * (the seed's four took 1.4 s on a first run and about 0.25 s warm here;
 * in a CI run, with other tests running beside it, they evidently took over
 * 5 s, as its warm-up never started), which is what the warm-up is for.
 */
export const WARM_UP_MAX_MODES_MS_POSTGRES = 15_000;
/** The longest wait for the page to be idle (Monaco and its types load after the first result). */
export const WARM_UP_IDLE_TIMEOUT_MS = 2000;

export interface WarmUpRequest {
  client: Pick<EngineClient, 'warmUp'>;
  scenario: ScenarioInput;
  /** The first run's result. */
  result: RunResult;
  /** False once anything else should have the engine: a newer run, or a comparison open. */
  stillIdle(): boolean;
}

/** Whether a first run is worth warming up after. */
export function worthWarmingUp(scenario: ScenarioInput, result: RunResult): boolean {
  const modesMs = result.modes.reduce((sum, mode) => sum + mode.durationMs, 0);
  const rows = Object.values(result.baseline.tables).reduce((sum, table) => sum + table.rows.length, 0);
  const maxModesMs = withDefaults(scenario).dialect === 'postgres' ? WARM_UP_MAX_MODES_MS_POSTGRES : WARM_UP_MAX_MODES_MS;
  return rows <= WARM_UP_MAX_ROWS && modesMs <= maxModesMs;
}

/** Runs the warm-ups one after another once the page is idle; stops at the first that cannot or need not run. */
export function scheduleWarmUp({ client, scenario, result, stillIdle }: WarmUpRequest): void {
  if (!worthWarmingUp(scenario, result)) return;
  const whenIdle = (go: () => void) =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(go, { timeout: WARM_UP_IDLE_TIMEOUT_MS }) : setTimeout(go, 0);
  const next = (left: number) => {
    if (left === 0 || !stillIdle()) return;
    // A superseded or failed warm-up just ends: it shows nothing either way.
    client.warmUp(scenario).then(
      () => whenIdle(() => next(left - 1)),
      () => undefined,
    );
  };
  whenIdle(() => next(WARM_UP_RUNS));
}
