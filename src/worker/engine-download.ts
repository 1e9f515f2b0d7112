/**
 * The engine's own downloads (PGlite's files and the empty cluster), with
 * their progress, kept out of user code's reach (./sandbox.ts takes this
 * before it removes the network from the worker's global scope).
 *
 * Why XMLHttpRequest and not fetch: counting a fetch's bytes means reading
 * its body through a JavaScript stream, and that copy of 15 MB made
 * PostgreSQL's download 0.3–0.4 s slower here, while XMLHttpRequest reports
 * progress from the browser's own loader at no cost.
 *
 * Why everything is taken now: user code runs before PostgreSQL is first
 * loaded, and may replace anything still reachable (EventTarget.prototype,
 * the `on…` setters, ProgressEvent's getters, Function.prototype.call). A
 * replaced one that the engine called with its request would hand user code
 * a live XMLHttpRequest. So every function used here is the original, taken
 * before the sandbox closes, and called through the original Reflect.apply.
 */

/** Bytes received so far, and the total (0 when the response does not say). */
export type DownloadProgress = (loaded: number, total: number) => void;

export interface Download {
  (url: string, type: 'arraybuffer', onProgress?: DownloadProgress): Promise<ArrayBuffer>;
  (url: string, type: 'blob', onProgress?: DownloadProgress): Promise<Blob>;
}

type Scope = Record<string, unknown>;

/** The original of a getter or setter, taken now. */
function accessor(prototype: object, name: string, kind: 'get' | 'set'): (...args: unknown[]) => unknown {
  const found = Object.getOwnPropertyDescriptor(prototype, name)?.[kind];
  if (!found) throw new Error(`The engine cannot download: no ${name} ${kind}ter here.`);
  return found as (...args: unknown[]) => unknown;
}

/** The download function, from the worker's own XMLHttpRequest; call before the sandbox locks. */
export function captureDownload(scope: object): Download {
  const global = scope as Scope;
  const Request = global.XMLHttpRequest as typeof XMLHttpRequest;
  const EventTargetClass = global.EventTarget as typeof EventTarget;
  const ProgressEventClass = global.ProgressEvent as typeof ProgressEvent;
  const apply = Reflect.apply;
  const { open, send } = Request.prototype;
  const setResponseType = accessor(Request.prototype, 'responseType', 'set');
  const response = accessor(Request.prototype, 'response', 'get');
  const status = accessor(Request.prototype, 'status', 'get');
  const addEventListener = EventTargetClass.prototype.addEventListener;
  const loaded = accessor(ProgressEventClass.prototype, 'loaded', 'get');
  const total = accessor(ProgressEventClass.prototype, 'total', 'get');

  const download = (url: string, type: 'arraybuffer' | 'blob', onProgress?: DownloadProgress) =>
    new Promise<unknown>((resolve, reject) => {
      const request = new Request();
      const on = (name: string, listener: (event: Event) => void) => apply(addEventListener, request, [name, listener]);
      apply(open, request, ['GET', url]);
      apply(setResponseType, request, [type]);
      if (onProgress) on('progress', (event) => onProgress(apply(loaded, event, []) as number, apply(total, event, []) as number));
      on('load', () => {
        const code = apply(status, request, []) as number;
        if (code >= 200 && code < 300) resolve(apply(response, request, []));
        else reject(new Error(`HTTP ${code} for ${url}`));
      });
      on('error', () => reject(new Error(`The connection failed for ${url}`)));
      on('abort', () => reject(new Error(`The download of ${url} was stopped`)));
      apply(send, request, []);
    });
  return download as Download;
}

/**
 * `blob`, with its bytes read now for the next `arrayBuffer()` call. PGlite
 * reads its file bundle (6 MB) that way as an instance starts: about 30 ms
 * in a worker here, the bytes coming back from the browser's blob store.
 * Read ahead while the other downloads are under way, the first start does
 * not wait for it; later calls read the blob again (each PGlite instance's
 * files are views of its own copy).
 */
export async function readAhead(blob: Blob): Promise<Blob> {
  const bytes = await blob.arrayBuffer();
  // An own property in front of Blob's method, for one call; the blob stays a Blob.
  return Object.defineProperty(blob, 'arrayBuffer', {
    configurable: true,
    value: (): Promise<ArrayBuffer> => {
      delete (blob as { arrayBuffer?: unknown }).arrayBuffer;
      return Promise.resolve(bytes);
    },
  });
}
