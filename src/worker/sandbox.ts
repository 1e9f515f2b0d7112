/**
 * The engine worker's sandbox: before any user code runs, the worker's global
 * scope loses every API that reaches the network, the origin's storage,
 * other browsing contexts or the page (README, "Security model").
 *
 * Each name is redefined as a non-configurable, non-writable `undefined` on
 * the global object AND on every object of its prototype chain that has it
 * (Chromium keeps `fetch`, `indexedDB`, `caches`… on
 * WorkerGlobalScope.prototype, `postMessage`, `WebSocket`… on the global
 * itself). So `delete self.fetch`, assignment, `Object.getPrototypeOf(self).fetch`,
 * `self.constructor.prototype`, `WorkerGlobalScope.prototype.fetch`,
 * `Function('return this')()` and indirect `eval` all find `undefined`, and
 * nothing can define them again. The originals are not kept anywhere user
 * code can reach: the engine's own downloads and answers go through the
 * bound functions `captureEngineCapabilities` returns, which live only in
 * the worker entry's module scope.
 *
 * What this cannot remove: dynamic `import()` is syntax, and `eval`/`Function`
 * are how user code is compiled. The Content-Security-Policy (build-tools/
 * content-security-policy.ts), which the worker inherits from the page
 * because it is started from a blob: URL (src/engine-client), limits
 * `import()` and anything missed here to the app's own origin.
 */

import { captureDownload, type Download } from './engine-download';

/**
 * Globals that reach the network, storage or other contexts in a Chromium
 * dedicated worker (enumerated in Chromium 156). Constructors that do
 * nothing by themselves (`Request`, `Response`, `Headers`, the `IDB*` and
 * `Cache` interfaces, whose methods need an instance only the removed
 * getters hand out) stay: the engine builds Responses, and without
 * `indexedDB`/`caches` there is no instance to call them on.
 */
export const REMOVED_GLOBALS = [
  // Network.
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'WebSocketStream',
  'WebTransport',
  'EventSource',
  'importScripts',
  // A FontFace with a `url(...)` source downloads it; `fonts` adds and loads them.
  'FontFace',
  'fonts',
  // A notification's icon is fetched (and it would show outside the page).
  'Notification',
  // Nested workers would start with a fresh, unlocked global scope.
  'Worker',
  'SharedWorker',
  // Storage of the app's origin.
  'indexedDB',
  'caches',
  'webkitRequestFileSystem',
  'webkitRequestFileSystemSync',
  'webkitResolveLocalFileSystemURL',
  'webkitResolveLocalFileSystemSyncURL',
  // Other tabs of the app's origin.
  'BroadcastChannel',
  // The page: user code could send it answers that look like the engine's,
  // or close the worker under the engine. The engine keeps its own postMessage.
  'postMessage',
  'close',
] as const;

/** WorkerNavigator getters that reach storage (OPFS, quota, buckets), cross-tab locks or devices. */
export const REMOVED_NAVIGATOR = ['storage', 'storageBuckets', 'locks', 'usb', 'hid', 'serial'] as const;

/** What the engine keeps for itself before the sandbox closes. */
export interface EngineCapabilities {
  /** The engine's own downloads (PGlite's files), with their progress: ./engine-download.ts. */
  download: Download;
  /** Answers to the page: the worker's `postMessage`, bound. */
  postMessage(message: unknown, transfer?: Transferable[]): void;
}

type Scope = Record<string, unknown>;

/** Takes the references the engine needs; call before `lockDown`. */
export function captureEngineCapabilities(scope: object = globalThis): EngineCapabilities {
  const global = scope as Scope;
  if (typeof global.XMLHttpRequest !== 'function' || typeof global.postMessage !== 'function') {
    throw new Error('The sandbox was locked before the engine took XMLHttpRequest and postMessage.');
  }
  // Bound now: a later change to the global (or to Function.prototype.call)
  // does not change what these call.
  const post = (global.postMessage as (message: unknown, transfer?: Transferable[]) => void).bind(scope);
  return {
    download: captureDownload(scope),
    postMessage: (message, transfer) => (transfer ? post(message, transfer) : post(message)),
  };
}

/** The object and every prototype after it. */
function chainOf(object: object): object[] {
  const chain: object[] = [];
  for (let o: object | null = object; o !== null; o = Object.getPrototypeOf(o) as object | null) chain.push(o);
  return chain;
}

/** `undefined` for good on the object and on each prototype that has its own `name`. */
function remove(object: object, names: readonly string[]): void {
  const chain = chainOf(object);
  for (const name of names) {
    for (const holder of chain) {
      // Always on the object itself, so that nothing can shadow the
      // prototypes' `undefined` with a value of its own later.
      if (holder !== object && !Object.hasOwn(holder, name)) continue;
      // Throws if one is already non-configurable: the lock-down fails
      // closed and the engine refuses to run user code (engine-worker.ts).
      Object.defineProperty(holder, name, { value: undefined, writable: false, enumerable: false, configurable: false });
    }
  }
}

/**
 * Removes the APIs for good. Run after sql.js and Sequelize have loaded (sql.js
 * fetches its WebAssembly with the global `fetch` while it starts) and before
 * any user code. Throws if anything is still reachable afterwards.
 */
export function lockDown(scope: object = globalThis): void {
  remove(scope, REMOVED_GLOBALS);
  const navigator = (scope as Scope).navigator;
  if (typeof navigator === 'object' && navigator !== null) remove(navigator, REMOVED_NAVIGATOR);
  const left = [
    ...REMOVED_GLOBALS.filter((name) => chainOf(scope).some((o) => (o as Scope)[name] !== undefined)),
    ...(typeof navigator === 'object' && navigator !== null ? REMOVED_NAVIGATOR.filter((name) => (navigator as Scope)[name] !== undefined) : []),
  ];
  if (left.length > 0) throw new Error(`The sandbox could not remove ${left.join(', ')}.`);
}
