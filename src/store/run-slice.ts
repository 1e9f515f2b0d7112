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

export interface OtherDialectRun {
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
  otherDialect: OtherDialectRun;
}

export interface RunActions {
  engineReady(): void;
  runStarted(id: number, modes: Mode[]): void;
  runProgressed(id: number, progress: RunProgress): void;
  runIsSlow(id: number): void;
  runLoading(id: number, note: string | null): void;
  runFinished(id: number, result: RunResult, elapsedMs: number): void;
  runFailed(id: number, failure: { name: string; message: string }): void;
  otherDialectStarted(id: number): void;
  otherDialectLoading(id: number, note: string): void;
  otherDialectFinished(id: number, result: RunResult): void;
  otherDialectFailed(id: number, failure: { name: string; message: string }): void;
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
  otherDialect: { runId: 0, status: 'idle', result: null, failure: null, loadingNote: null },
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
    otherDialectStarted: (id) =>
      set((state) => ({ otherDialect: { ...state.otherDialect, runId: id, status: 'running', failure: null, loadingNote: null } })),
    otherDialectLoading: (id, note) =>
      set((state) => (id !== state.otherDialect.runId ? state : { otherDialect: { ...state.otherDialect, loadingNote: note } })),
    otherDialectFinished: (id, result) =>
      set((state) => (id !== state.otherDialect.runId ? state : { otherDialect: { runId: id, status: 'done', result, failure: null, loadingNote: null } })),
    otherDialectFailed: (id, failure) =>
      set((state) => (id !== state.otherDialect.runId ? state : { otherDialect: { ...state.otherDialect, status: 'failed', failure, loadingNote: null } })),
    runFailed: (id, failure) => set((state) => (id !== state.runId ? state : { status: 'failed', failure, loadingNote: null })),
  },
});
