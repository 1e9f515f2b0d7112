/**
 * Retained memory of a page and of one of its dedicated workers, read from
 * Chromium over the DevTools protocol: each sample forces a full garbage
 * collection in both, then reads their heaps (`Runtime.getHeapUsage`) and
 * the size of every WebAssembly memory the worker instantiated.
 *
 * Playwright's CDPSession routes only its own session's messages, so the
 * worker is reached the old, non-flattened way: auto-attach on the page's
 * session, then `Target.sendMessageToTarget` / `receivedMessageFromTarget`.
 * A WebAssembly memory is outside `Runtime.getHeapUsage` (its
 * `backingStorageSize` leaves it out), and `Runtime.queryObjects` in a worker
 * crashes the renderer (Chromium 156), so the worker is held at its start
 * (`waitForDebuggerOnStart`) while WebAssembly's instantiate functions are
 * wrapped to note the memories they export (sql.js exports its own).
 */
import type { CDPSession, Page } from 'playwright-core';

/** What a heap holds after a full collection, in bytes. */
export interface HeapFigures {
  /** V8's heap: objects, and code. */
  js: number;
  /** Blink's own heap (DOM nodes and the like; near zero in a worker). */
  embedder: number;
  /** ArrayBuffers' contents and external strings; WebAssembly memory not included. */
  backing: number;
}

export interface MemorySample {
  page: HeapFigures;
  worker: HeapFigures;
  /** The sizes of the worker's WebAssembly memories (they only grow). */
  wasmBytes: number;
}

export interface BrowserMemory {
  sample(): Promise<MemorySample>;
  dispose(): Promise<void>;
}

/** Where the wrapped instantiate functions leave the memories, on the worker's global object. */
const PROBE_KEY = 'sync-playground:test-wasm-memories';

/** Runs in the held worker before its own script: every WebAssembly memory an instance exports is noted. */
const WRAP_INSTANTIATE = `(() => {
  const memories = [];
  const note = (result) => {
    const instance = result instanceof WebAssembly.Instance ? result : result.instance;
    for (const value of Object.values(instance.exports)) if (value instanceof WebAssembly.Memory) memories.push(value);
    return result;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) { return original.apply(this, args).then(note); };
  }
  Object.defineProperty(globalThis, Symbol.for(${JSON.stringify(PROBE_KEY)}), { value: () => memories.reduce((sum, m) => sum + m.buffer.byteLength, 0) });
})()`;

interface Reply {
  resolve(result: unknown): void;
  reject(error: Error): void;
}

function figures(usage: { usedSize: number; embedderHeapUsedSize: number; backingStorageSize: number }): HeapFigures {
  return { js: usage.usedSize, embedder: usage.embedderHeapUsedSize, backing: usage.backingStorageSize };
}

/**
 * Watches `page` and its worker named `workerName` (`new Worker(url, { name })`).
 * Call before the page's first `goto`, so that the worker is held at its start.
 */
export async function watchMemory(page: Page, workerName: string): Promise<BrowserMemory> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  let nextId = 0;
  const replies = new Map<number, Reply>();
  let worker: string | null = null;
  /** A worker that could not be instrumented: the next sample fails with it. */
  let failure: Error | null = null;

  const send = (sessionId: string, method: string, params: object = {}) =>
    new Promise<unknown>((resolve, reject) => {
      const id = ++nextId;
      replies.set(id, { resolve, reject });
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch((error: Error) => {
        replies.delete(id);
        reject(error);
      });
    });

  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const { id, result, error } = JSON.parse(message) as { id?: number; result?: unknown; error?: { message: string } };
    const reply = id === undefined ? undefined : replies.get(id);
    if (!reply || id === undefined) return;
    replies.delete(id);
    if (error) reply.reject(new Error(error.message));
    else reply.resolve(result);
  });
  cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo, waitingForDebugger }) => {
    const ours = targetInfo.type === 'worker' && targetInfo.title === workerName;
    // A second engine worker (the first was stopped) would start the count again: say so.
    if (ours && worker !== null) failure = new Error(`A new "${workerName}" worker started: the old one was stopped`);
    if (ours) worker = sessionId;
    void (async () => {
      try {
        if (!ours) return;
        const wrapped = (await send(sessionId, 'Runtime.evaluate', { expression: WRAP_INSTANTIATE })) as { exceptionDetails?: { text: string } };
        if (wrapped.exceptionDetails) throw new Error(`Could not wrap WebAssembly in the worker: ${wrapped.exceptionDetails.text}`);
      } finally {
        // Held or not, the worker goes on: a failure shows at the next sample.
        if (waitingForDebugger) await send(sessionId, 'Runtime.runIfWaitingForDebugger');
      }
    })().catch((error: Error) => (failure ??= error));
  });
  cdp.on('Target.detachedFromTarget', ({ sessionId }) => {
    if (sessionId === worker) worker = null;
  });
  // Every worker waits for this session too: the handler above lets each one go.
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });

  return {
    async sample() {
      if (failure) throw failure;
      const session = worker;
      if (!session) throw new Error(`No "${workerName}" worker is running`);
      // Twice: a collection can only free what weak references and finalizers released in the previous one.
      for (let i = 0; i < 2; i++) {
        await send(session, 'HeapProfiler.collectGarbage');
        await cdp.send('HeapProfiler.collectGarbage');
      }
      const workerUsage = (await send(session, 'Runtime.getHeapUsage')) as Parameters<typeof figures>[0];
      const pageUsage = await cdp.send('Runtime.getHeapUsage');
      const wasm = (await send(session, 'Runtime.evaluate', {
        expression: `globalThis[Symbol.for(${JSON.stringify(PROBE_KEY)})]()`,
        returnByValue: true,
      })) as { result: { value?: unknown } };
      if (typeof wasm.result.value !== 'number') throw new Error('The worker instantiated no WebAssembly memory');
      return { page: figures(pageUsage), worker: figures(workerUsage), wasmBytes: wasm.result.value };
    },
    async dispose() {
      await cdp.detach().catch(() => undefined);
    },
  };
}
