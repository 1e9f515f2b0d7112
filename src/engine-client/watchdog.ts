/**
 * Notices a worker that stopped answering: while armed, it pings every
 * `intervalMs` and calls `onStalled` once no answer has come for `stallMs`.
 *
 * A worker stuck in user code (an endless loop, an endless promise chain
 * starving the event loop, an allocation of gigabytes the engine grinds
 * through) cannot answer a message, while one that is merely slow still
 * answers between statements. The run's per-section time limit still
 * catches code that never ends but keeps answering (an endless timer loop).
 */
export interface Watchdog {
  /** Starts watching (again), counting from now. */
  arm(): void;
  /** Stops watching: the worker is not running user code. */
  disarm(): void;
  /** The worker answered a ping. */
  answered(): void;
  /**
   * The worker began (`running`) or ended a database call. Inside one it
   * cannot answer, and that silence is the database working (one INSERT of
   * 100,000 rows took over 2.75 s on a busy two-core machine), so it is not
   * counted; the run's per-section time limit still ends a statement that
   * never does. The silence after the call counts from its end.
   */
  databaseCall(running: boolean): void;
}

export interface WatchdogOptions {
  ping(): void;
  /** How long the worker had not answered, once past `stallMs`. */
  onStalled(silentMs: number): void;
  intervalMs?: number;
  stallMs?: number;
}

/**
 * Silence for this long means stuck: a runaway run must end within 5 s,
 * and pings go every 0.25 s. The drivers take a turn of the event loop
 * between statements (src/engine/drivers/event-loop-turns.ts) and say when
 * one runs (`databaseCall`), so only user code stays silent so long.
 */
export const STALL_MS = 2_750;

export function createWatchdog({ ping, onStalled, intervalMs = 250, stallMs = STALL_MS }: WatchdogOptions): Watchdog {
  let timer: ReturnType<typeof setInterval> | null = null;
  let lastAnswer = 0;
  let inDatabaseCall = false;

  const disarm = () => {
    if (timer !== null) clearInterval(timer);
    timer = null;
  };

  return {
    arm() {
      disarm();
      lastAnswer = performance.now();
      inDatabaseCall = false;
      timer = setInterval(() => {
        // No ping either: it would wait in the worker's queue.
        if (inDatabaseCall) return;
        const silent = performance.now() - lastAnswer;
        if (silent < stallMs) return ping();
        disarm();
        onStalled(silent);
      }, intervalMs);
      ping();
    },
    disarm,
    answered() {
      lastAnswer = performance.now();
    },
    databaseCall(running) {
      inDatabaseCall = running;
      lastAnswer = performance.now();
    },
  };
}
