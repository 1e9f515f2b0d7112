/** Gives components the store through React context, read by selectors. */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { PlaygroundStore, PlaygroundStoreApi } from './store';

const StoreContext = createContext<PlaygroundStoreApi | null>(null);

export function PlaygroundStoreProvider({ store, children }: { store: PlaygroundStoreApi; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

function useStoreApi(): PlaygroundStoreApi {
  const store = useContext(StoreContext);
  if (!store) throw new Error('usePlayground needs a PlaygroundStoreProvider');
  return store;
}

/** A slice of the store; re-renders only when the selected value changes. */
export function usePlayground<T>(selector: (state: PlaygroundStore) => T): T {
  return useStore(useStoreApi(), selector);
}
