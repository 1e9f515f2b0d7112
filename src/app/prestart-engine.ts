/**
 * Imported first by the page's entry (src/main.tsx), so that the engine
 * worker starts before the rest of the page's modules are evaluated.
 */
import { prestartEngineWorker } from '../engine-client/engine-worker-entry';

prestartEngineWorker();
