/**
 * Runs the scenario: on request (Run button, Ctrl/Cmd+Enter), on choosing
 * the database, the Sequelize release or the modes, and shortly after
 * typing stops; with a comparison open, its second run follows. Owns the
 * timing; the engine client owns the worker; the store only receives plain
 * data.
 */
import { EngineRunError, type EngineClient } from '../engine-client/engine-client';
import { withDefaults, type Dialect, type ScenarioInput } from '../engine/scenario';
import { comparedRelease } from '../store/sequelize-releases';
import type { SecondRunKind } from '../store/run-slice';
import type { PlaygroundStoreApi } from '../store/store';
import { scheduleWarmUp } from './engine-warm-up';
import { createProgressBatch } from './progress-batch';

/** Long enough not to run on every keystroke, short enough to feel live. */
export const AUTO_RUN_DELAY_MS = 350;
/** A run still going after this long shows that it runs (see RunState.slowRun). */
export const SLOW_RUN_MS = 200;

export interface RunController {
  runNow(): void;
  dispose(): void;
}

/** What a failed run says, or null when a newer run replaced it (nothing to show). */
function failureOf(error: unknown): { name: string; message: string } | null {
  if (error instanceof EngineRunError && error.reason === 'superseded') return null;
  const name = error instanceof EngineRunError ? (error.errorName ?? error.name) : 'Error';
  return { name, message: error instanceof Error ? error.message : String(error) };
}

export function startRunController(store: PlaygroundStoreApi, client: EngineClient): RunController {
  let nextId = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /**
   * The engine is warmed once per dialect, after the first run on it that
   * finishes (./engine-warm-up.ts): PostgreSQL's code (its dialect, PGlite)
   * is its own.
   */
  const warmedDialects = new Set<Dialect>();
  let disposed = false;

  function runNow(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const { scenario, runActions } = store.getState();
    const id = ++nextId;
    const started = performance.now();
    // Marks for `npm run bench:web` and the browser's performance panel.
    performance.mark('run-start');
    runActions.runStarted(id, withDefaults(scenario).modes);
    const slow = setTimeout(() => runActions.runIsSlow(id), SLOW_RUN_MS);
    const progress = createProgressBatch((items) => items.forEach((item) => runActions.runProgressed(id, item)));
    client
      .run(scenario, {
        onProgress: progress.add,
        onLoading: (note) => runActions.runLoading(id, note),
      })
      .then((result) => {
        performance.mark('run-result');
        // In one task, so React draws the last modes and the result once.
        progress.flush();
        runActions.runFinished(id, result, Math.round(performance.now() - started));
        const { compareDialects, compareWithVersion } = store.getState();
        const otherVersion = comparedRelease(scenario.sequelize, compareWithVersion);
        const { dialect } = withDefaults(scenario);
        if (compareDialects) runSecond('otherDialect', id, { ...scenario, dialect: dialect === 'sqlite' ? 'postgres' : 'sqlite' });
        else if (otherVersion !== null) runSecond('otherVersion', id, { ...scenario, sequelize: otherVersion });
        else if (!warmedDialects.has(dialect)) {
          warmedDialects.add(dialect);
          const stillIdle = () => {
            const state = store.getState();
            return !disposed && nextId === id && timer === null && !state.compareDialects && comparedRelease(state.scenario.sequelize, state.compareWithVersion) === null;
          };
          scheduleWarmUp({ client, scenario, result, stillIdle });
        }
      })
      .catch((error: unknown) => {
        // A failed run keeps the modes it finished (a runaway's message names the next one).
        progress.flush();
        const failure = failureOf(error);
        if (failure) runActions.runFailed(id, failure);
      })
      .finally(() => clearTimeout(slow));
  }

  /**
   * A comparison's second run: the same scenario on the other dialect, or
   * under the compared release, once the main run is done (the engine runs
   * one at a time, and the main result matters first). A newer run
   * supersedes it as any run.
   */
  function runSecond(kind: SecondRunKind, id: number, scenario: ScenarioInput): void {
    const { runActions } = store.getState();
    runActions.secondRunStarted(kind, id);
    client
      .run(scenario, { onLoading: (note) => runActions.secondRunLoading(kind, id, note) })
      .then((result) => runActions.secondRunFinished(kind, id, result))
      .catch((error: unknown) => {
        const failure = failureOf(error);
        if (failure) runActions.secondRunFailed(kind, id, failure);
      });
  }

  const unsubscribe = store.subscribe((state, previous) => {
    // Opening a comparison (or comparing with another release) runs both at once.
    const compared = comparedRelease(state.scenario.sequelize, state.compareWithVersion);
    const comparisonOpened = compared !== null && compared !== comparedRelease(previous.scenario.sequelize, previous.compareWithVersion);
    if ((state.compareDialects && !previous.compareDialects) || (comparisonOpened && state.scenario === previous.scenario)) {
      runNow();
      return;
    }
    if (state.scenario === previous.scenario || !state.autoRun) return;
    if (timer !== null) clearTimeout(timer);
    // A choice (the database, the release, the modes) runs at once; typing waits for a pause.
    const chosen =
      state.scenario.dialect !== previous.scenario.dialect ||
      state.scenario.sequelize !== previous.scenario.sequelize ||
      state.scenario.modes !== previous.scenario.modes;
    if (chosen) runNow();
    else timer = setTimeout(runNow, AUTO_RUN_DELAY_MS);
  });

  return {
    runNow,
    dispose() {
      disposed = true;
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    },
  };
}
