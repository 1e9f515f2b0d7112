/**
 * Saves the scenario to localStorage as it changes (debounced, so typing
 * does not serialize on every keystroke). The pure logic is in autosave.ts.
 */
import type { ScenarioInput } from '../engine/scenario';
import type { PlaygroundStoreApi } from '../store/store';
import { keepBeforeReplacing, readRecent, writeSavedWork, type RecentEntry, type StorageLike } from './autosave';

/** Long enough to skip keystrokes, short enough that a reload keeps the edit. */
export const AUTOSAVE_DELAY_MS = 300;

/**
 * localStorage, or null when the page may not use it: reading the property
 * itself throws in some browsers when storage is disabled.
 */
export function browserStorage(): StorageLike | null {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : null;
  } catch {
    return null;
  }
}

export function startAutosave(store: PlaygroundStoreApi, storage: StorageLike | null): () => void {
  if (!storage) return () => undefined;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = () => {
    timer = null;
    const { scenario, exampleId } = store.getState();
    writeSavedWork(storage, { scenario, exampleId });
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.scenario === previous.scenario && state.exampleId === previous.exampleId) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(save, AUTOSAVE_DELAY_MS);
  });
  // A reload or closed tab within the delay would lose the last keystrokes.
  const flush = () => {
    if (timer !== null) {
      clearTimeout(timer);
      save();
    }
  };
  window.addEventListener('pagehide', flush);
  return () => {
    unsubscribe();
    window.removeEventListener('pagehide', flush);
    if (timer !== null) clearTimeout(timer);
  };
}

/** The recent list as the page uses it: read it, and keep the work a new scenario replaces. */
export interface RecentScenarios {
  list(): RecentEntry[];
  /** Keeps the scenario on the page in the list, unless `incoming` is the same or it is built in. */
  keepBeforeReplacing(incoming: ScenarioInput): void;
}

export function recentScenarios(
  store: PlaygroundStoreApi,
  storage: StorageLike | null,
  isBuiltIn: (scenario: ScenarioInput) => boolean,
): RecentScenarios {
  return {
    list: () => readRecent(storage),
    keepBeforeReplacing: (incoming) => void keepBeforeReplacing(storage, store.getState().scenario, incoming, isBuiltIn),
  };
}
