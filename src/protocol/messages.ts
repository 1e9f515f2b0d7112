/**
 * What the page and the engine worker say to each other over `postMessage`:
 * types only, plain data only. Both sides switch exhaustively on `type`, so
 * adding a message is a compile error until both handle it.
 */
import type { ModeResult, RunResult } from '../engine/result';
import type { ScenarioInput } from '../engine/scenario';

/** Page → worker. */
export type WorkerRequest = {
  type: 'run';
  /** Increasing per client; every response about this run carries it. */
  id: number;
  scenario: ScenarioInput;
};

/** How far a run has got: the baseline, then each mode in scenario order. */
export type RunStage = 'baseline' | ModeResult['mode'];

/** An error as it crosses the worker boundary (Error objects lose their class). */
export interface SerializedError {
  /** `ScenarioError` for a scenario that cannot run, else the thrown error's name. */
  name: string;
  message: string;
}

/** Worker → page. */
export type WorkerResponse =
  /** Sent once, when the worker can take requests. */
  | { type: 'ready' }
  | { type: 'progress'; id: number; done: RunStage }
  | { type: 'result'; id: number; result: RunResult }
  /** The run could not produce a result at all (failures inside modes are results). */
  | { type: 'error'; id: number; error: SerializedError };

