/**
 * The engine's host in a Web Worker: the only place user code runs in the
 * browser. It loads sql.js and Sequelize, locks the sandbox (./sandbox.ts),
 * says `ready`, and answers each `run` request with the engine's RunResult
 * (src/protocol/messages.ts).
 */
import './node-globals';
import initSqlJs from 'sql.js';
// The WebAssembly file, emitted by Vite as a hashed asset: no CDN at run time.
import sqlWasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
// The engine's own modules, not its index: the index also exports the PGlite
// host, which would bring it and pg-types (about 7 kB gzip) into this first
// chunk; ./postgres-host-loader loads it on the first Postgres run.
import { runScenario } from '../engine/run-scenario';
import { parseScenario, withDefaults } from '../engine/scenario';
import { createSqljsHost } from '../engine/sqljs-host';
import { loadSequelize, resolveVersion } from '../engine/sequelize-versions';
import { postgresHost } from './postgres-host-loader';
import { captureEngineCapabilities, lockDown } from './sandbox';
import { observeDatabaseCalls } from '../engine/drivers/event-loop-turns';
import type { Download, DownloadProgress } from './engine-download';
import type { DatabaseStage, SerializedError, WorkerRequest, WorkerResponse } from '../protocol/messages';
import { forThePage, resultHead, splitRows } from '../protocol/result-parts';

/** The part of the worker's global scope used here (the DOM lib has no worker types). */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
}
const worker = globalThis as unknown as WorkerScope;

// Taken before the sandbox removes them from the global scope; only this
// module's scope holds them, out of user code's reach.
const engine = captureEngineCapabilities();

function post(message: WorkerResponse): void {
  engine.postMessage(message);
}

/**
 * An asset URL as the worker's own module sees it. The worker runs from a
 * blob: URL (src/engine-client/engine-client.ts), so `self.location` is that
 * blob: and a root-relative URL (the dev server's `?url`) would not resolve
 * against it; the built URLs are absolute already.
 */
const assetUrl = (url: string) => new URL(url, import.meta.url).href;

/** PGlite's downloads, with the download function taken before the sandbox closed. */
const downloadAsset: Download = ((url: string, type: 'arraybuffer' | 'blob', onProgress?: DownloadProgress) =>
  engine.download(assetUrl(url), type as 'blob', onProgress)) as Download;

function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

const sqlJs = initSqlJs({ locateFile: () => assetUrl(sqlWasmUrl) });
// Sequelize is most of the bundle: start fetching and parsing it now, while
// the page is still busy, so that the first run does not wait for it.
const sequelizeLoaded = loadSequelize('6');

// Ready once both loads have settled (a failed load is reported by the run
// that needs it, with its own message) and the sandbox is locked: sql.js
// fetches its WebAssembly with the global `fetch` while it starts, so the
// lock waits for it. Runs wait for this, so that no user code runs before
// the lock, and `ready` always comes before any response to a run. If the
// lock fails, every run fails with its message: user code never runs
// unsandboxed.
const loaded = Promise.allSettled([sqlJs, sequelizeLoaded]).then(() => lockDown());
void loaded.then(
  () => post({ type: 'ready' }),
  () => post({ type: 'ready' }),
);

/** The newest run asked for; an older one still going stops at its next step. */
let latestId = 0;

class Superseded extends Error {
  override name = 'Superseded';
}

/** The database files of the newest run that finished, for downloads. */
let finished: { runId: number; databases: Map<DatabaseStage, Uint8Array> } | null = null;

function exportDatabase(request: Extract<WorkerRequest, { type: 'export-database' }>): void {
  const bytes = finished?.runId === request.runId ? finished.databases.get(request.stage) : undefined;
  if (!bytes) {
    const message = 'That database is no longer here (the engine restarted or ran again): run the scenario, then download it.';
    post({ type: 'error', id: request.id, error: { name: 'ExportError', message } });
    return;
  }
  // A copy: the kept bytes stay for the next download.
  post({ type: 'database', id: request.id, bytes: bytes.slice() });
}

async function exportReproductionFiles(request: Extract<WorkerRequest, { type: 'export-reproduction' }>): Promise<void> {
  try {
    const scenario = parseScenario(request.scenario);
    // Its own chunk: only a person who asks for a reproduction pays for it.
    const { exportReproduction } = await import('../export/repro-export');
    post({ type: 'reproduction', id: request.id, files: await exportReproduction(scenario, resolveVersion(withDefaults(scenario).sequelize)) });
  } catch (error) {
    post({ type: 'error', id: request.id, error: serializeError(error) });
  }
}

async function run(request: Extract<WorkerRequest, { type: 'run' }>): Promise<void> {
  latestId = Math.max(latestId, request.id);
  try {
    await loaded;
    if (request.id !== latestId) throw new Superseded('A newer run was requested.');
    const sqlite = createSqljsHost(await sqlJs);
    const databases = new Map<DatabaseStage, Uint8Array>();
    // The page validates too, but anything crossing postMessage is re-checked.
    const scenario = parseScenario(request.scenario);
    // SQLite files are kept for downloads; a PostgreSQL data directory is
    // tens of megabytes per mode and is not offered. A warm-up's are not
    // kept: downloads stay with the run the page shows.
    const keepDatabases = withDefaults(scenario).dialect === 'sqlite' && !request.warmUp;
    // The page's watchdog watches user code's phases only; the engine's own
    // statements between them (snapshots) need no word.
    let inPhase = false;
    observeDatabaseCalls((running) => {
      if (inPhase && request.id === latestId) post({ type: 'database-call', id: request.id, running });
    });
    const result = await runScenario(scenario, {
      host: (dialect, sequelizeVersion, database) =>
        dialect === 'postgres'
          ? postgresHost((note, done = false) => post({ type: 'loading', id: request.id, note, done }), downloadAsset, { sequelizeVersion, database })
          : sqlite,
      onDatabase: keepDatabases ? (stage, bytes) => databases.set(stage, bytes) : undefined,
      onPhase: (stage, phase) => {
        inPhase = phase !== null;
        post({ type: 'phase', id: request.id, stage, phase });
      },
      onProgress: (progress) => {
        if (request.id !== latestId) throw new Superseded('A newer run was requested.');
        const split = splitRows(forThePage(progress));
        for (const part of split.parts) post({ type: 'rows', id: request.id, part });
        post({ type: 'progress', id: request.id, progress: split.progress });
      },
    });
    if (!request.warmUp) finished = { runId: request.id, databases };
    post({ type: 'result', id: request.id, head: resultHead(result) });
  } catch (error) {
    post({ type: 'error', id: request.id, error: serializeError(error) });
  }
}

worker.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  switch (request.type) {
    case 'run':
      void run(request);
      break;
    case 'export-database':
      exportDatabase(request);
      break;
    case 'export-reproduction':
      void exportReproductionFiles(request);
      break;
    case 'ping':
      post({ type: 'pong' });
      break;
    default: {
      const unknown: never = request;
      post({ type: 'error', id: -1, error: { name: 'ProtocolError', message: `Unknown request ${JSON.stringify(unknown)}` } });
    }
  }
});
