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
export function createEngineWorker(): WorkerLike {
  // Absolute: a blob: URL is no base for a relative one (the dev server's is root-relative).
  const url = new URL(engineWorkerUrl, import.meta.url).href;
  engineWorkerEntry ??= URL.createObjectURL(new Blob([`import ${JSON.stringify(url)};\n`], { type: 'text/javascript' }));
  return new Worker(engineWorkerEntry, { type: 'module', name: 'engine' });
}

