/**
 * The playground's store: one zustand store made of typed slices of plain
 * data (GraphiQL's `stores/` pattern). Components read it through
 * selectors; actions live under `*Actions` so reading them never re-renders.
 */
import { createStore } from 'zustand';
import type { ScenarioInput } from '../engine/scenario';
import { createRunSlice, type RunActions, type RunState } from './run-slice';
import { createScenarioSlice, type ScenarioActions, type ScenarioState } from './scenario-slice';
import { createUiSlice, type UiActions, type UiState } from './ui-slice';

export type PlaygroundStore = ScenarioState &
  RunState &
  UiState & { scenarioActions: ScenarioActions; runActions: RunActions; uiActions: UiActions };

/** A store holding `initial`, which came from the example `exampleId` (if any). */
export function createPlaygroundStore(initial: ScenarioInput, exampleId: string | null = null) {
  return createStore<PlaygroundStore>()((...args) => ({
    ...createScenarioSlice(initial, exampleId)(...args),
    ...createRunSlice(...args),
    ...createUiSlice(...args),
  }));
}

export type PlaygroundStoreApi = ReturnType<typeof createPlaygroundStore>;
