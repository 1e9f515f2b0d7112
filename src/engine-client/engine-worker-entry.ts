/**
 * How the page starts the engine worker (only the engine client calls this).
 */
import type { WorkerRequest, WorkerResponse } from '../protocol/messages';
// Vite bundles the worker (and its polyfills) and gives its URL.
import engineWorkerUrl from '../worker/engine-worker.ts?worker&url';

/** The part of `Worker` the client uses, so tests can pass a fake one. */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** The one blob: URL every engine worker starts from (a few bytes, kept for the page's life). */
let engineWorkerEntry: string | null = null;

/**
 * The engine worker starts from a blob: URL whose only line imports the
 * bundled worker. A worker loaded from the network gets only the
 * Content-Security-Policy of its own response headers, which a static host
 * may not send, and a `<meta>` policy never applies to it; a worker whose
 * URL is blob: inherits the page's policy (HTML's policy container
 * inheritance, checked in Chromium). So the page's CSP (connect-src,
 * script-src 'self') also governs user code's `import()` and anything the
 * sandbox (src/worker/sandbox.ts) cannot remove.
 */
function spawnEngineWorker(): Worker {
  // Absolute: a blob: URL is no base for a relative one (the dev server's is root-relative).
  const url = new URL(engineWorkerUrl, import.meta.url).href;
  engineWorkerEntry ??= URL.createObjectURL(new Blob([`import ${JSON.stringify(url)};\n`], { type: 'text/javascript' }));
  return new Worker(engineWorkerEntry, { type: 'module', name: 'engine' });
}

/** What a prestarted worker said before its client listened. */
type EarlyEvent = ['message', MessageEvent<WorkerResponse>] | ['error', ErrorEvent];

/** A worker started ahead of its engine client. */
let prestarted: { worker: Worker; early: EarlyEvent[] } | null = null;

/**
 * Starts the engine worker now, for the page's engine client to take over
 * (the next `createEngineWorker`). The page calls this before evaluating
 * anything else: the worker's downloads and Sequelize's parsing are the
 * first result's critical path, and the page's own modules (the store, the
 * permalink's decoding) took a tenth of a second before the client asked.
 */
export function prestartEngineWorker(): void {
  if (prestarted) return;
  const worker = spawnEngineWorker();
  const early: EarlyEvent[] = [];
  worker.onmessage = (event) => early.push(['message', event]);
  worker.onerror = (event) => early.push(['error', event]);
  prestarted = { worker, early };
}

/** A worker for the engine client: the prestarted one, once, or a new one. */
export function createEngineWorker(): WorkerLike {
  if (!prestarted) return spawnEngineWorker();
  const { worker, early } = prestarted;
  prestarted = null;
  worker.onmessage = null;
  worker.onerror = null;
  // The client sets its handlers once this returns; what came before is
  // handed to them first (a microtask runs before any later message).
  if (early.length > 0) {
    queueMicrotask(() => {
      for (const [kind, event] of early) {
        if (kind === 'message') worker.onmessage?.(event);
        else worker.onerror?.(event);
      }
    });
  }
  return worker;
}
