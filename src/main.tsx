/**
 * Entry: start the engine worker before anything else (downloading and
 * parsing Sequelize and SQLite is most of the wait), then fetch the UI in
 * parallel and render it. This file stays small on purpose: React and the
 * components come in their own chunk, so the worker's downloads begin
 * without waiting for them. Monaco loads after the first result.
 */
// First: the worker starts before the other modules below are evaluated.
import './app/prestart-engine';
import { afterNextPaint } from './app/after-next-paint';
import { initialScenario } from './app/initial-scenario';
import { startRunController } from './app/run-controller';
import { createEngineClient } from './engine-client/engine-client';
import type { ScenarioInput } from './engine/scenario';
import { FIRST_EXAMPLE, loadExamples, type Example } from './examples/examples';
import { keepBeforeReplacing, readSavedWork, sameScenario, writeSavedWork } from './permalink/autosave';
import { browserStorage, recentScenarios, startAutosave } from './permalink/autosave-sync';
import { isEmbedView, locationHash, shareUrl, startUrlSync } from './permalink/url-sync';
import { createPlaygroundStore } from './store/store';
import './styles/theme.css';

const embed = isEmbedView();
// An embedded view (an iframe in someone's docs) shows its link and nothing
// else: it neither reads nor writes the reader's saved work.
const storage = embed ? null : browserStorage();
const saved = storage ? readSavedWork(storage) : null;
const opened = initialScenario(locationHash(), saved);
// Unedited examples are not kept in Recent. Until every example's scenario
// has loaded (after the first result: they are no part of it), only the
// seed is known; another unedited example is then kept, which loses nothing.
let examples: readonly Example[] = [FIRST_EXAMPLE];
/** The example a scenario is, unedited, among those known so far. */
const exampleOf = (scenario: ScenarioInput) => examples.find((example) => sameScenario(example.scenario, scenario));
const isExample = (scenario: ScenarioInput) => exampleOf(scenario) !== undefined;
if (storage && opened.fromLink) {
  // The link wins, but different unsaved work is kept in Recent, not lost.
  keepBeforeReplacing(storage, saved?.scenario ?? null, opened.scenario, isExample);
  writeSavedWork(storage, { scenario: opened.scenario, exampleId: opened.exampleId });
}
const store = createPlaygroundStore(opened.scenario, opened.exampleId);
const stopWaitingForResult = store.subscribe((state) => {
  if (state.result === null) return;
  stopWaitingForResult();
  afterNextPaint(
    () =>
      void loadExamples().then((all) => {
        examples = all;
        showAsExample();
      }),
  );
});

/** Unedited work that is an example (a link to one, say) shows as that example: its name and what to notice. */
function showAsExample(): void {
  const { scenario, exampleId, scenarioActions } = store.getState();
  const example = exampleId === null ? exampleOf(scenario) : undefined;
  // The same scenario object: nothing re-runs and the address stays.
  if (example) scenarioActions.loadScenario(scenario, example.id);
}
store.getState().uiActions.setLinkError(opened.linkError);

const client = createEngineClient({ onReady: () => store.getState().runActions.engineReady() });
const controller = startRunController(store, client);
controller.runNow();

const recent = storage ? recentScenarios(store, storage, isExample) : undefined;
if (storage) {
  startAutosave(store, storage);
  startUrlSync(store, { beforeReplace: recent?.keepBeforeReplacing });
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
void import('./app/render-app').then(({ renderApp }) =>
  renderApp(root, store, {
    onRun: controller.runNow,
    recent,
    exportDatabase: (stage) => client.exportDatabase(stage),
    exportReproduction: (scenario) => client.exportReproduction(scenario),
    embed: embed ? { playgroundUrl: () => shareUrl(store.getState().scenario) } : undefined,
  }),
);
