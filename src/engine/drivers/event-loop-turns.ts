/**
 * Lets the thread take other events between database calls once the
 * drivers have worked for a while without a break. The adapters hand
 * results back as microtasks, so a whole `sync({ alter: true })` on 100,000
 * rows would otherwise run as one macrotask: the worker could not answer the
 * page (its watchdog's pings, a newer run) until the mode ended. Native
 * drivers answer from another thread, so a Node process never blocks so.
 */

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
