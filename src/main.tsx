/**
 * Entry: start the engine worker before anything else (downloading and
 * parsing Sequelize and SQLite is most of the wait), then fetch the UI in
 * parallel and render it. This file stays small on purpose: React and the
 * components come in their own chunk, so the worker's downloads begin
 * without waiting for them. Monaco loads after the first result.
 */
import { initialScenario } from './app/initial-scenario';
import { startRunController } from './app/run-controller';
import { createEngineClient } from './engine-client/engine-client';
import { createPlaygroundStore } from './store/store';
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
void import('./app/render-app').then(({ renderApp }) => renderApp(root, store, controller.runNow));
