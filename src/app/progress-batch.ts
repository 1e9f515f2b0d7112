/**
 * Groups a run's progress for the page. Each mode's result arriving on its
 * own drew every column again, one render per mode: on a two-core machine
 * that took CPU from the worker still running the next mode, and a fast
 * re-run drew five times for one result. Progress now waits up to
 * PROGRESS_BATCH_MS for company, and the run's end shows what is left
 * together with the result (one render). A slow run still shows each mode
 * within PROGRESS_BATCH_MS of its arrival.
 */
import type { RunProgress } from '../engine/run-scenario';

export const PROGRESS_BATCH_MS = 200;

export interface ProgressBatch {
  add(progress: RunProgress): void;
  /** Shows what is waiting now (the run ended). */
  flush(): void;
  /** Drops what is waiting (the run failed or was replaced). */
  cancel(): void;
}

export function createProgressBatch(show: (items: RunProgress[]) => void, delayMs = PROGRESS_BATCH_MS): ProgressBatch {
  let waiting: RunProgress[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const stop = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const flush = () => {
    stop();
    const items = waiting;
    waiting = [];
    if (items.length > 0) show(items);
  };
  return {
    add(progress) {
      waiting.push(progress);
      timer ??= setTimeout(flush, delayMs);
    },
    flush,
    cancel() {
      stop();
      waiting = [];
    },
  };
}
