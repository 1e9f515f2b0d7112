/** Renders the playground into the page (loaded after the run has started). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DatabaseDownloadContext, type DownloadDatabase } from '../components/results/database-download';
import type { ScenarioInput } from '../engine/scenario';
import type { ReproductionFiles } from '../export/repro-export';
import type { RecentScenarios } from '../permalink/autosave-sync';
import type { DatabaseStage } from '../protocol/messages';
import { saveFile } from '../share/save-file';
import { scenarioFileName } from '../share/scenario-file';
import type { PlaygroundStoreApi } from '../store/store';
import { PlaygroundStoreProvider } from '../store/store-context';
import { App } from './App';
import { EmbedApp } from './EmbedApp';

/** What the page's owners of the worker and the URL give the UI. */
export interface AppServices {
  onRun(): void;
  recent?: RecentScenarios;
  /** A section's database file from the last finished run (engine client). */
  exportDatabase(stage: DatabaseStage): Promise<Uint8Array>;
  /** A runnable Node reproduction, written by the engine worker. */
  exportReproduction(scenario: ScenarioInput): Promise<ReproductionFiles>;
  /** Set for `?embed=1`: the compact read-only view, linking to the full playground. */
  embed?: { playgroundUrl(): string };
}

export function renderApp(root: HTMLElement, store: PlaygroundStoreApi, services: AppServices): void {
  const downloadDatabase: DownloadDatabase = async (stage) => {
    const bytes = await services.exportDatabase(stage);
    const name = scenarioFileName(store.getState().scenario, `-${stage}.sqlite`);
    saveFile(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.sqlite3' }), name);
  };
  createRoot(root).render(
    <StrictMode>
      <PlaygroundStoreProvider store={store}>
        <DatabaseDownloadContext.Provider value={downloadDatabase}>
          {services.embed ? (
            <EmbedApp onRun={services.onRun} playgroundUrl={services.embed.playgroundUrl} />
          ) : (
            <App onRun={services.onRun} recent={services.recent} exportReproduction={services.exportReproduction} />
          )}
        </DatabaseDownloadContext.Provider>
      </PlaygroundStoreProvider>
    </StrictMode>,
  );
}
