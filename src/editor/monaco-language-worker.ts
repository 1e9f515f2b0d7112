/**
 * Stands in for monaco-editor's `internal/common/workers.js`, which the
 * TypeScript language imports for one function, `createWebWorker`, and which
 * also imports every editor contribution Monaco has (CodeLens, sticky
 * scroll, inline completions, colour picker…): 117 kB gzip the playground's
 * editor does not use. Worse, they register once the TypeScript language
 * loads, after the first editor exists, so the next editor created (the code
 * pane hidden and shown again) asked for services that were never set up
 * ("depends on UNKNOWN service ICodeLensCache"). vite.config.ts swaps
 * this file in; the features the editor uses are imported in monaco-setup.ts.
 *
 * Same behaviour as the original (monaco-editor 0.57): the worker comes from
 * MonacoEnvironment.getWorker, is told to start, then gets its create data.
 */
import { editor } from 'monaco-editor/editor/editor.api';

interface LanguageWorkerOptions {
  /** The module the worker creates its service from (unused: the worker script knows). */
  moduleId: string;
  label?: string;
  createWorker?: () => Worker;
  host?: Record<string, (...args: unknown[]) => unknown>;
  keepIdleModels?: boolean;
  createData?: unknown;
}

export function createWebWorker<T extends object>(options: LanguageWorkerOptions): editor.MonacoWebWorker<T> {
  const label = options.label ?? 'monaco-editor-worker';
  const created = globalThis.MonacoEnvironment?.getWorker?.('workerMain.js', label) ?? options.createWorker?.();
  if (!created) throw new Error(`No worker for ${label}: MonacoEnvironment.getWorker is not set`);
  const worker = Promise.resolve(created).then((started) => {
    started.postMessage('ignore');
    started.postMessage(options.createData);
    return started;
  });
  return editor.createWebWorker<T>({ worker, host: options.host, keepIdleModels: options.keepIdleModels });
}
