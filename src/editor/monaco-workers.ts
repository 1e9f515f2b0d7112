/**
 * Where Monaco gets its workers: bundled by Vite from the installed
 * monaco-editor (`?worker`), served from the app's own origin, never a CDN.
 * Imported first by monaco-setup.ts, before Monaco can ask for a worker.
 */
import type { Environment } from 'monaco-editor/editor/editor.api';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TypeScriptWorker from 'monaco-editor/language/typescript/ts.worker?worker';

/** The labels Monaco's TypeScript language service asks for; everything else is the editor worker. */
const TYPESCRIPT_LABELS = new Set(['typescript', 'javascript']);

const environment: Environment = {
  getWorker(_workerId, label) {
    return TYPESCRIPT_LABELS.has(label) ? new TypeScriptWorker() : new EditorWorker();
  },
};
self.MonacoEnvironment = environment;
