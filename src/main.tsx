/**
 * Entry: start the engine worker first (parsing Sequelize is most of the
 * wait), then render. Monaco and other heavy code load after the first
 * result, so they never delay it.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initialScenario } from './app/initial-scenario';
import { startRunController } from './app/run-controller';
import { createEngineClient } from './engine-client/engine-client';
import { createPlaygroundStore } from './store/store';
import { PlaygroundStoreProvider } from './store/store-context';
import './styles/theme.css';

const opened = initialScenario(window.location.hash);
const store = createPlaygroundStore(opened.scenario);
store.getState().scenarioActions.loadScenario(opened.scenario, opened.exampleId);
store.getState().uiActions.setLinkError(opened.linkError);

const client = createEngineClient({ onReady: () => store.getState().runActions.engineReady() });
const controller = startRunController(store, client);
controller.runNow();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <PlaygroundStoreProvider store={store}>
      <App onRun={controller.runNow} />
    </PlaygroundStoreProvider>
  </StrictMode>,
);
