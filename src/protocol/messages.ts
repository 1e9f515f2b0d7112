/**
 * What the page and the engine worker say to each other over `postMessage`:
 * types only, plain data only. Both sides switch exhaustively on `type`, so
 * adding a message is a compile error until both handle it.
 */
import type { Phase } from '../engine/result';
import type { RunProgress } from '../engine/run-scenario';
import type { ScenarioInput } from '../engine/scenario';
import type { ReproductionFiles } from '../export/repro-export';
import type { RowsPart, RunResultHead } from './result-parts';

/** Page → worker. */
export type WorkerRequest =
  | {
      type: 'run';
      /** Increasing per client; every response about this run carries it. */
      id: number;
      scenario: ScenarioInput;
      /**
       * A run only to warm the engine's compiled code (src/app/engine-warm-up.ts):
       * its databases are not kept, so downloads stay with the run the page shows.
       */
      warmUp?: boolean;
    }
  /** The database file one section of a finished run ended with. */
  | { type: 'export-database'; id: number; runId: number; stage: DatabaseStage }
  /**
   * A runnable Node reproduction of a scenario. Made in the worker: it
   * compiles user code, which the page never does.
   */
  | { type: 'export-reproduction'; id: number; scenario: ScenarioInput }
  /** Are you there? Answered with `pong` whenever the worker's event loop is free (the page's watchdog). */
  | { type: 'ping' };

/** The baseline's or a mode's database. */
export type DatabaseStage = RunProgress['stage'];

export type { RunProgress };

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
  /** The baseline or one mode is done: its results, before the whole run ends. */
  | { type: 'progress'; id: number; progress: RunProgress }
  /** Part of a big table's rows, ahead of the `progress` that holds the table (see ./result-parts.ts). */
  | { type: 'rows'; id: number; part: RowsPart }
  /** A phase of the baseline or a mode starts (`phase` null: its phases are over). */
  | { type: 'phase'; id: number; stage: DatabaseStage; phase: Phase | null }
  | { type: 'pong' }
  /**
   * During a phase (user code), a database call begins (`running`) or ends:
   * the worker cannot answer pings until it ends (see the page's watchdog).
   */
  | { type: 'database-call'; id: number; running: boolean }
  /**
   * A run is waiting for a database engine to download or start (PGlite),
   * in words; `done` once it has loaded and the run goes on.
   */
  | { type: 'loading'; id: number; note: string; done: boolean }
  /** The run is over: its sections came in `progress` messages (see ./result-parts.ts). */
  | { type: 'result'; id: number; head: RunResultHead }
  /** Answers `export-database`: the SQLite file's bytes. */
  | { type: 'database'; id: number; bytes: Uint8Array }
  /** Answers `export-reproduction`: file name → text. */
  | { type: 'reproduction'; id: number; files: ReproductionFiles }
  /** The run could not produce a result at all (failures inside modes are results). */
  | { type: 'error'; id: number; error: SerializedError };

