/**
 * The page's handle on the engine: the only code that creates the engine
 * worker. Every run takes an increasing id and the latest run wins (a result
 * for an older id is dropped, as GraphiQL's execution store does); a run that
 * takes too long terminates the worker, which may be stuck in an endless
 * loop of user code, and the next run gets a fresh one.
 */
import type { Phase, RunResult } from '../engine/result';
import { withDefaults, type ScenarioInput } from '../engine/scenario';
import type { ReproductionFiles } from '../export/repro-export';
import type { DatabaseStage, RunProgress, WorkerRequest, WorkerResponse } from '../protocol/messages';
import { ResultSections, RowsParts } from '../protocol/result-parts';
import { createWatchdog } from './watchdog';
import { createEngineWorker, type WorkerLike } from './engine-worker-entry';

export type { WorkerLike };

export const DEFAULT_TIMEOUT_MS = 10_000;

export interface EngineClientOptions {
  /** How long each section of a run (the baseline, each mode) may take once the engine is loaded. Default 10 s. */
  timeoutMs?: number;
  /** Called each time a (new) worker has loaded the engine. */
  onReady?: () => void;
  /** For tests only: makes the worker. */
  createWorker?: () => WorkerLike;
}

export interface RunCallbacks {
  onProgress?: (progress: RunProgress) => void;
  /** The run waits for a database engine to load (PostgreSQL's first run), in words. */
  onLoading?: (note: string) => void;
}

export interface EngineClient {
  /** Runs a scenario; rejects with EngineRunError if it fails, times out or is superseded. */
  run(scenario: ScenarioInput, callbacks?: RunCallbacks): Promise<RunResult>;
  /**
   * Runs a scenario only to warm the engine's compiled code, as a run in
   * every way (a newer run supersedes it, the watchdog guards it) but kept
   * nowhere: downloads stay with the last finished run.
   */
  warmUp(scenario: ScenarioInput): Promise<void>;
  /** The SQLite file the baseline or a mode of the last finished run ended with. */
  exportDatabase(stage: DatabaseStage): Promise<Uint8Array>;
  /** A runnable Node reproduction of the scenario (package.json, repro.js, README.md). */
  exportReproduction(scenario: ScenarioInput): Promise<ReproductionFiles>;
  /** Stops the worker; pending runs are rejected. */
  dispose(): void;
}

export type EngineRunErrorReason = 'superseded' | 'timeout' | 'failed' | 'worker-crashed' | 'disposed';

/** Why a run gave no result. `superseded` runs are normally ignored by callers. */
export class EngineRunError extends Error {
  override name = 'EngineRunError';
  constructor(
    readonly reason: EngineRunErrorReason,
    message: string,
    /** The engine's error name when it threw (e.g. `ScenarioError`). */
    readonly errorName?: string,
  ) {
    super(message);
  }
}

interface PendingRun {
  id: number;
  resolve(result: RunResult): void;
  reject(error: EngineRunError): void;
  callbacks: RunCallbacks;
  /** Only to warm the engine: its result is not the last finished run's. */
  warmUp: boolean;
  timer: ReturnType<typeof setTimeout> | null;
  /** The sections still to come, in order: the baseline, then each mode. */
  pending: string[];
  /** The phase running now, as the worker last said. */
  phase: Phase | null;
  /** The sections received so far; the result is made of them. */
  sections: ResultSections;
  /** Big tables' rows, received in parts ahead of their section. */
  rows: RowsParts;
}

/** Where a run is, for the messages that stop it: `Mode alter, in phase after`. */
function whereIs(run: PendingRun): string {
  const stage = run.pending[0];
  const section = stage === undefined || stage === 'baseline' ? 'The baseline' : `Mode ${stage}`;
  return run.phase ? `${section}, in phase ${run.phase},` : section;
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;

export function createEngineClient(options: EngineClientOptions = {}): EngineClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const makeWorker = options.createWorker ?? createEngineWorker;
  let worker: WorkerLike | null = null;
  let nextId = 0;
  let latest: PendingRun | null = null;
  /** The run whose result was delivered last; its databases can be downloaded. */
  let finishedRunId: number | null = null;
  /** Requests other than runs (exports): answered by id, never superseded. */
  const requests = new Map<number, { resolve(value: unknown): void; reject(error: EngineRunError): void }>();

  // A worker stuck in user code cannot answer: stopped within seconds, not at the section's limit.
  const watchdog = createWatchdog({
    ping: () => worker?.postMessage({ type: 'ping' }),
    onStalled: (silentMs) => {
      const run = latest;
      stopWorker();
      if (!run) return;
      const why = 'an endless loop, an endless chain of promises, or a huge allocation?';
      fail(run, 'timeout', `${whereIs(run)} stopped answering for ${seconds(silentMs)} s and was stopped (${why}). The engine was restarted.`);
    },
  });

  function settle(run: PendingRun): void {
    if (run.timer !== null) clearTimeout(run.timer);
    if (latest === run) {
      latest = null;
      watchdog.disarm();
    }
  }

  function fail(run: PendingRun, reason: EngineRunErrorReason, message: string, causeName?: string): void {
    settle(run);
    run.reject(new EngineRunError(reason, message, causeName));
  }

  function stopWorker(): void {
    watchdog.disarm();
    worker?.terminate();
    worker = null;
    finishedRunId = null;
    for (const pending of requests.values()) pending.reject(new EngineRunError('disposed', 'The engine restarted: run the scenario again.'));
    requests.clear();
  }

  function startTimer(run: PendingRun): void {
    if (run.timer !== null) clearTimeout(run.timer);
    run.timer = setTimeout(() => {
      stopWorker();
      fail(run, 'timeout', `${whereIs(run)} took longer than ${seconds(timeoutMs)} s and was stopped (an endless loop?). The engine was restarted.`);
    }, timeoutMs);
  }

  function answer(id: number, value: unknown): void {
    requests.get(id)?.resolve(value);
    requests.delete(id);
  }

  /** Sends a request that is not a run; resolves with the worker's answer to it. */
  function request<T>(message: (id: number) => WorkerRequest): Promise<T> {
    const id = ++nextId;
    const target = ensureWorker();
    return new Promise<T>((resolve, reject) => {
      requests.set(id, { resolve: resolve as (value: unknown) => void, reject });
      target.postMessage(message(id));
    });
  }

  function handle(message: WorkerResponse): void {
    switch (message.type) {
      case 'ready':
        // The timeout is for the scenario, not for loading Sequelize: a run
        // sent while the worker was loading starts its clock again now.
        if (latest) startTimer(latest);
        // For the browser's performance panel and `npm run bench:web`.
        performance.mark('engine-ready');
        options.onReady?.();
        return;
      case 'rows':
        if (latest?.id === message.id) latest.rows.add(message.part);
        return;
      case 'progress':
        if (latest?.id === message.id) {
          const progress = latest.rows.join(message.progress);
          // The limit is per section (the baseline, each mode): a slow
          // database (PostgreSQL starts a fresh copy for each mode) is not
          // a runaway, and the message can say which section ran away.
          latest.pending = latest.pending.filter((stage) => stage !== progress.stage);
          startTimer(latest);
          latest.sections.add(progress);
          latest.callbacks.onProgress?.(progress);
        }
        return;
      case 'loading':
        // Downloading PGlite is not the scenario's time (no user code runs,
        // and a slow network or dev server can take long): the clock stops,
        // and starts again once it has loaded.
        if (latest?.id === message.id) {
          if (message.done) startTimer(latest);
          else if (latest.timer !== null) {
            clearTimeout(latest.timer);
            latest.timer = null;
          }
          latest.callbacks.onLoading?.(message.note);
        }
        return;
      case 'result':
        if (latest?.id === message.id) {
          const run = latest;
          const result = run.sections.assemble(message.head);
          if (!result) {
            fail(run, 'failed', 'The engine ended a run without sending all of its results (an engine bug).');
            return;
          }
          settle(run);
          if (!run.warmUp) finishedRunId = run.id;
          run.resolve(result);
        }
        return;
      case 'phase':
        if (latest?.id === message.id) {
          latest.phase = message.phase;
          // Only user code's phases are watched: starting PGlite or taking a snapshot is the engine's work.
          if (message.phase) watchdog.arm();
          else watchdog.disarm();
        }
        return;
      case 'pong':
        watchdog.answered();
        return;
      case 'database-call':
        if (latest?.id === message.id) watchdog.databaseCall(message.running);
        return;
      case 'database':
        answer(message.id, message.bytes);
        return;
      case 'reproduction':
        answer(message.id, message.files);
        return;
      case 'error':
        if (latest?.id === message.id) fail(latest, 'failed', message.error.message, message.error.name);
        requests.get(message.id)?.reject(new EngineRunError('failed', message.error.message, message.error.name));
        requests.delete(message.id);
        return;
      default: {
        const unknown: never = message;
        throw new Error(`Unexpected message from the engine worker: ${JSON.stringify(unknown)}`);
      }
    }
  }

  function ensureWorker(): WorkerLike {
    if (worker) return worker;
    const created = makeWorker();
    created.onmessage = (event) => {
      if (worker === created) handle(event.data);
    };
    created.onerror = (event) => {
      if (worker !== created) return;
      // The worker script itself failed (it did not load, or threw at the
      // top level): the next run starts a new one.
      stopWorker();
      if (latest) fail(latest, 'worker-crashed', `The engine stopped: ${event.message || 'the worker failed to load'}`);
    };
    worker = created;
    return created;
  }

  function start(scenario: ScenarioInput, callbacks: RunCallbacks, warmUp: boolean): Promise<RunResult> {
    if (latest) fail(latest, 'superseded', 'A newer run replaced this one.');
    const id = ++nextId;
    const target = ensureWorker();
    return new Promise<RunResult>((resolve, reject) => {
      const run: PendingRun = { id, resolve, reject, callbacks, warmUp, timer: null, pending: ['baseline', ...withDefaults(scenario).modes], phase: null, sections: new ResultSections(), rows: new RowsParts() };
      latest = run;
      startTimer(run);
      target.postMessage({ type: 'run', id, scenario, ...(warmUp ? { warmUp } : {}) });
    });
  }

  return {
    run: (scenario, callbacks = {}) => start(scenario, callbacks, false),
    warmUp: (scenario) => start(scenario, {}, true).then(() => undefined),
    exportDatabase(stage) {
      const runId = finishedRunId;
      if (runId === null) return Promise.reject(new EngineRunError('failed', 'No finished run to download from yet.'));
      return request<Uint8Array>((id) => ({ type: 'export-database', id, runId, stage }));
    },
    exportReproduction(scenario) {
      return request<ReproductionFiles>((id) => ({ type: 'export-reproduction', id, scenario }));
    },
    dispose() {
      stopWorker();
      if (latest) fail(latest, 'disposed', 'The engine was shut down.');
    },
  };
}
