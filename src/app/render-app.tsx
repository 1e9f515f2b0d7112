/** Renders the playground into the page (loaded after the run has started). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { RecentScenarios } from '../permalink/autosave-sync';
import type { PlaygroundStoreApi } from '../store/store';
import { PlaygroundStoreProvider } from '../store/store-context';
import { App } from './App';

export function renderApp(root: HTMLElement, store: PlaygroundStoreApi, onRun: () => void, recent?: RecentScenarios): void {
  createRoot(root).render(
    <StrictMode>
      <PlaygroundStoreProvider store={store}>
        <App onRun={onRun} recent={recent} />
      </PlaygroundStoreProvider>
    </StrictMode>,
  );
}
