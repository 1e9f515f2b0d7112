/**
 * The engine's state and the latest run, as plain data. Results stream in:
 * the baseline and each mode arrive as they finish (`partial`), then the
 * complete result replaces them. Only the latest run's messages are applied
 * (GraphiQL's execution store does the same).
 */
import type { StateCreator } from 'zustand';
import type { ModeResult, RunResult, RunSection } from '../engine/result';
import type { Mode } from '../engine/scenario';
import type { RunProgress } from '../engine/run-scenario';
import type { PlaygroundStore } from './store';

export type EngineStatus = 'loading' | 'ready';
export type RunStatus = 'idle' | 'running' | 'done' | 'failed';

/** A comparison's second run: the same scenario on the other dialect, or under another Sequelize release. */
export interface SecondRun {
  runId: number;
  status: RunStatus;
  result: RunResult | null;
  failure: { name: string; message: string } | null;
  /** What it waits for (PostgreSQL loading), or null. */
  loadingNote: string | null;
}

export interface RunState {
  engine: EngineStatus;
  /** The latest run asked for; older runs' messages are ignored. */
  runId: number;
  status: RunStatus;
  /** The modes of the scenario that was run, in column order. */
  runModes: Mode[];
  partial: { baseline: RunSection | null; modes: Partial<Record<Mode, ModeResult>> };
  /** The latest complete result (kept while a newer run is going). */
  result: RunResult | null;
  /** Why the latest run gave no result: a timeout, an invalid scenario. */
  failure: { name: string; message: string } | null;
  /** Milliseconds from asking to the complete result of the latest run. */
  elapsedMs: number | null;
  /**
   * The running run has taken long enough to show that it runs (dimmed
   * columns, spinners). A fast re-run never shows them: no flicker, and no
   * restyling of every column for a result that is a few frames away.
   */
  slowRun: boolean;
  /** What the running run waits for before it can start (PostgreSQL loading), or null. */
  loadingNote: string | null;
  /**
   * The latest run of the same scenario on the other dialect, for the
   * dialect comparison: run after the main run, when the comparison is shown.
   */
  otherDialect: SecondRun;
  /** Likewise under the release the version comparison compares with. */
  otherVersion: SecondRun;
}

/** Which comparison a second run is for. */
export type SecondRunKind = 'otherDialect' | 'otherVersion';

export interface RunActions {
  engineReady(): void;
  runStarted(id: number, modes: Mode[]): void;
  runProgressed(id: number, progress: RunProgress): void;
  runIsSlow(id: number): void;
  runLoading(id: number, note: string | null): void;
  runFinished(id: number, result: RunResult, elapsedMs: number): void;
  runFailed(id: number, failure: { name: string; message: string }): void;
  secondRunStarted(kind: SecondRunKind, id: number): void;
  secondRunLoading(kind: SecondRunKind, id: number, note: string): void;
  secondRunFinished(kind: SecondRunKind, id: number, result: RunResult): void;
  secondRunFailed(kind: SecondRunKind, id: number, failure: { name: string; message: string }): void;
}

const NO_SECOND_RUN: SecondRun = { runId: 0, status: 'idle', result: null, failure: null, loadingNote: null };

/**
 * A comparison's second run once the main run has failed: not run. It only
 * starts after a main result (one going was replaced), and an earlier one's
 * result is of code that has changed since; before, it showed as running for
 * ever, or showed that older result as if it were current.
 */
function notRunAfterFailure(run: SecondRun): SecondRun {
  return { ...NO_SECOND_RUN, runId: run.runId };
}

/** The state change that replaces one comparison's second run. */
function secondRun(kind: SecondRunKind, run: SecondRun): Pick<RunState, 'otherDialect'> | Pick<RunState, 'otherVersion'> {
  return kind === 'otherDialect' ? { otherDialect: run } : { otherVersion: run };
}

export const createRunSlice: StateCreator<PlaygroundStore, [], [], RunState & { runActions: RunActions }> = (set) => ({
  engine: 'loading',
  runId: 0,
  status: 'idle',
  runModes: [],
  partial: { baseline: null, modes: {} },
  result: null,
  failure: null,
  elapsedMs: null,
  slowRun: false,
  loadingNote: null,
  otherDialect: NO_SECOND_RUN,
  otherVersion: NO_SECOND_RUN,
  runActions: {
    engineReady: () => set({ engine: 'ready' }),
    runStarted: (id, modes) =>
      set({ runId: id, status: 'running', runModes: modes, partial: { baseline: null, modes: {} }, failure: null, slowRun: false, loadingNote: null }),
    runLoading: (id, note) => set((state) => (id !== state.runId ? state : { loadingNote: note })),
    runIsSlow: (id) => set((state) => (id !== state.runId || state.status !== 'running' ? state : { slowRun: true })),
    runProgressed: (id, progress) =>
      set((state) => {
        if (id !== state.runId) return state;
        if (progress.stage === 'baseline') return { partial: { ...state.partial, baseline: progress.baseline }, loadingNote: null };
        return { partial: { ...state.partial, modes: { ...state.partial.modes, [progress.stage]: progress.mode } } };
      }),
    runFinished: (id, result, elapsedMs) =>
      set((state) => (id !== state.runId ? state : { status: 'done', result, elapsedMs, engine: 'ready', loadingNote: null })),
    // The result of the previous second run stays (shown dimmed) until this one's arrives.
    secondRunStarted: (kind, id) =>
      set((state) => secondRun(kind, { ...state[kind], runId: id, status: 'running', failure: null, loadingNote: null })),
    secondRunLoading: (kind, id, note) =>
      set((state) => (id !== state[kind].runId ? state : secondRun(kind, { ...state[kind], loadingNote: note }))),
    secondRunFinished: (kind, id, result) =>
      set((state) => (id !== state[kind].runId ? state : secondRun(kind, { runId: id, status: 'done', result, failure: null, loadingNote: null }))),
    secondRunFailed: (kind, id, failure) =>
      set((state) => (id !== state[kind].runId ? state : secondRun(kind, { ...state[kind], status: 'failed', failure, loadingNote: null }))),
    runFailed: (id, failure) =>
      set((state) =>
        id !== state.runId
          ? state
          : { status: 'failed', failure, loadingNote: null, otherDialect: notRunAfterFailure(state.otherDialect), otherVersion: notRunAfterFailure(state.otherVersion) },
      ),
  },
});
