/**
 * Lets the thread take other events between database calls once the
 * drivers have worked for a while without a break. The adapters hand
 * results back as microtasks, so a whole `sync({ alter: true })` on 100,000
 * rows would otherwise run as one macrotask: the worker could not answer the
 * page (its watchdog's pings, a newer run) until the mode ended. Native
 * drivers answer from another thread, so a Node process never blocks so.
 */

/**
 * Told when a database call begins (true) and ends (false). The browser's
 * worker tells the page, whose watchdog (src/engine-client/watchdog.ts)
 * then takes the worker's silence for the database working, not for user
 * code stuck: one statement (an INSERT of 100,000 rows on a slow, busy
 * machine) can hold the thread for seconds, and the run's time limit still
 * bounds it.
 */
export type DatabaseCallObserver = (running: boolean) => void;

let callObserver: DatabaseCallObserver | null = null;

/** Sets (or, with null, removes) the one observer of database calls. */
export function observeDatabaseCalls(observer: DatabaseCallObserver | null): void {
  callObserver = observer;
}

/** Runs one database call's work between the observer's begin and end. */
export function databaseCall<T>(work: () => T): T {
  callObserver?.(true);
  try {
    return work();
  } finally {
    callObserver?.(false);
  }
}

/** As `databaseCall`, for a call that answers with a promise (PGlite's). */
export async function asyncDatabaseCall<T>(work: () => Promise<T>): Promise<T> {
  callObserver?.(true);
  try {
    return await work();
  } finally {
    callObserver?.(false);
  }
}

/** Work (ms) after which the next database call waits for a turn of the event loop. */
const BUSY_MS = 50;

let owed = 0;

/** Counts database work done without a break. */
export function recordWork(ms: number): void {
  owed += ms;
}

/** A macrotask: Node's setImmediate, a MessageChannel elsewhere (setTimeout waits 4 ms once nested). */
function nextTurn(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** A promise for the next turn once more than BUSY_MS of work is owed; null to go on at once. */
export function turnIfDue(): Promise<void> | null {
  if (owed < BUSY_MS) return null;
  owed = 0;
  return nextTurn();
}

/**
 * Runs each database call's work in order, a microtask after the call (as
 * native sqlite3 answers later, from its own thread), taking a turn of the
 * event loop between calls once the work has gone on long enough
 * (`turnIfDue`). One queue for every database: the order of calls is the
 * order of their work.
 */
export function createCallQueue(): (work: () => void) => void {
  const waiting: Array<() => void> = [];
  let draining = false;
  const drain = () => {
    while (waiting.length > 0) {
      const turn = turnIfDue();
      if (turn) {
        void turn.then(drain);
        return;
      }
      const started = performance.now();
      try {
        // The driver's callback runs inside too (as node-sqlite3 calls it
        // once the statement is done): Sequelize's settles a promise.
        databaseCall(waiting.shift()!);
      } catch (error) {
        // A callback that throws is uncaught, as it was a microtask of its
        // own; the calls after it still run.
        queueMicrotask(() => {
          throw error;
        });
      }
      recordWork(performance.now() - started);
    }
    draining = false;
  };
  return (work) => {
    waiting.push(work);
    if (draining) return;
    draining = true;
    queueMicrotask(drain);
  };
}
