/**
 * User code that tries every way out of the engine worker's sandbox
 * (src/worker/sandbox.ts) towards a listener: each attempt prints one
 * console line, `<name>: blocked (<error>)` or `<name>: REACHED <value>`.
 * An attempt that finds nothing to call throws, so "blocked" also covers
 * "the API is gone".
 */

/** The attempts, by the name each console line starts with. */
export const PROBE_ATTEMPTS = [
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'WebSocketStream',
  'WebTransport',
  'EventSource',
  'importScripts',
  'indexedDB.open',
  'caches.open',
  'navigator.storage',
  'navigator.locks',
  'BroadcastChannel',
  'Worker',
  'SharedWorker',
  'FontFace',
  'Notification',
  'webkitRequestFileSystem',
  'navigator.sendBeacon',
  'postMessage',
  'import()',
  'import() through Function',
  'prototype chain',
  'self.constructor.prototype',
  'WorkerGlobalScope.prototype',
  "Function('return this')()",
  'indirect eval',
  'delete then read',
  'defineProperty back',
  'indexedDB getter on the prototype',
  'IDBFactory.prototype.open',
] as const;

/** The probe as the body of a scenario code field, aimed at `listener` (`http://127.0.0.1:<port>`). */
export function sandboxProbe(listener: string, label: string): string {
  const L = JSON.stringify(`${listener}/${label}`);
  const WS = JSON.stringify(`${listener.replace(/^http/, 'ws')}/${label}`);
  return `const L = ${L};
const attempt = async (name, action) => {
  try {
    const got = await action();
    console.log(name + ': REACHED ' + String(got));
  } catch (error) {
    console.log(name + ': blocked (' + (error && error.name) + ': ' + (error && error.message) + ')');
  }
};
await attempt('fetch', () => fetch(L + '/fetch'));
await attempt('XMLHttpRequest', () => { const x = new XMLHttpRequest(); x.open('GET', L + '/xhr'); x.send(); return 'sent'; });
await attempt('WebSocket', () => new WebSocket(${WS} + '/ws'));
await attempt('WebSocketStream', () => new WebSocketStream(${WS} + '/wss'));
await attempt('WebTransport', () => new WebTransport(L.replace('http:', 'https:') + '/wt'));
await attempt('EventSource', () => new EventSource(L + '/es'));
await attempt('importScripts', () => importScripts(L + '/is.js'));
await attempt('indexedDB.open', () => indexedDB.open('probe'));
await attempt('caches.open', () => caches.open('probe'));
await attempt('navigator.storage', () => navigator.storage.getDirectory());
await attempt('navigator.locks', () => navigator.locks.request('probe', () => 1));
await attempt('BroadcastChannel', () => new BroadcastChannel('probe').postMessage('hi'));
await attempt('Worker', () => new Worker(L + '/worker.js'));
await attempt('SharedWorker', () => new SharedWorker(L + '/shared.js'));
await attempt('FontFace', () => new FontFace('probe', 'url(' + L + '/font)').load());
await attempt('Notification', () => new Notification('probe', { icon: L + '/icon' }));
await attempt('webkitRequestFileSystem', () => webkitRequestFileSystem(0, 1, () => 1));
await attempt('navigator.sendBeacon', () => navigator.sendBeacon(L + '/beacon'));
await attempt('postMessage', () => postMessage({ type: 'ready' }));
await attempt('import()', () => import(L + '/import.js'));
await attempt('import() through Function', () => Function('u', 'return import(u)')(L + '/function-import.js'));
await attempt('prototype chain', () => {
  for (let o = self; o; o = Object.getPrototypeOf(o)) {
    const d = Reflect.getOwnPropertyDescriptor(o, 'fetch');
    const found = d && (d.value || (d.get && d.get.call(self)));
    if (found) return found.call(self, L + '/chain');
  }
  throw new TypeError('no fetch on any object of the chain');
});
await attempt('self.constructor.prototype', () => self.constructor.prototype.fetch.call(self, L + '/ctor'));
await attempt('WorkerGlobalScope.prototype', () => WorkerGlobalScope.prototype.fetch.call(self, L + '/wgs'));
await attempt("Function('return this')()", () => Function('return this')().fetch(L + '/function'));
await attempt('indirect eval', () => (0, eval)('this.XMLHttpRequest || this.fetch')(L + '/eval'));
await attempt('delete then read', () => {
  for (let o = self; o; o = Object.getPrototypeOf(o)) { delete o.fetch; delete o.WebSocket; }
  return globalThis.fetch(L + '/delete');
});
await attempt('defineProperty back', () => {
  Object.defineProperty(self, 'fetch', { value: () => 'redefined', configurable: true });
  return self.fetch();
});
await attempt('indexedDB getter on the prototype', () => Object.getOwnPropertyDescriptor(WorkerGlobalScope.prototype, 'indexedDB').get.call(self).open('probe'));
await attempt('IDBFactory.prototype.open', () => IDBFactory.prototype.open.call(self, 'probe'));
`;
}
