/**
 * The scenario being edited: plain data, exactly the shared/SCENARIO.md
 * format, so that permalinks, autosave and the engine take it as it is.
 */
import type { StateCreator } from 'zustand';
import { MODES, type Dialect, type Mode, type ScenarioInput } from '../engine/scenario';
import type { CodeField } from '../engine/user-code';
import { DEFAULT_RELEASE, exactRelease, PICKABLE_RELEASES } from './sequelize-releases';
import type { PlaygroundStore } from './store';

export interface ScenarioState {
  scenario: ScenarioInput;
  /** The example the scenario came from, while it is unedited. */
  exampleId: string | null;
}

export interface ScenarioActions {
  setCode(field: CodeField, code: string): void;
  toggleMode(mode: Mode): void;
  setDialect(dialect: Dialect): void;
  /**
   * Picks the Sequelize release (an exact version). Comparing with that
   * same release would compare it with itself: the comparison then takes
   * the release just left.
   */
  setSequelizeVersion(version: string): void;
  /** Replaces the whole scenario (an example, a permalink, a file). */
  loadScenario(scenario: ScenarioInput, exampleId?: string | null): void;
}

/** Keeps the chosen modes in the canonical column order. */
function withMode(modes: readonly Mode[], mode: Mode, on: boolean): Mode[] {
  return MODES.filter((m) => (m === mode ? on : modes.includes(m)));
}

export function createScenarioSlice(initial: ScenarioInput, initialExampleId: string | null): StateCreator<PlaygroundStore, [], [], ScenarioState & { scenarioActions: ScenarioActions }> {
  return (set) => ({
    scenario: initial,
    exampleId: initialExampleId,
    scenarioActions: {
      setCode: (field, code) =>
        set((state) => (state.scenario[field] === code ? state : { scenario: { ...state.scenario, [field]: code }, exampleId: null })),
      toggleMode: (mode) =>
        set((state) => {
          const modes = state.scenario.modes ?? ['sync', 'force', 'alter', 'drop'];
          const on = !modes.includes(mode);
          // At least one mode stays: a scenario with none is not valid.
          if (!on && modes.length === 1) return state;
          return { scenario: { ...state.scenario, modes: withMode(modes, mode, on) } };
        }),
      setDialect: (dialect) =>
        set((state) => {
          if ((state.scenario.dialect ?? 'sqlite') === dialect) return state;
          // SQLite is the default: leave the field out, as a link made before Postgres has it.
          const { dialect: _previous, ...rest } = state.scenario;
          return { scenario: dialect === 'sqlite' ? (rest as ScenarioInput) : { ...rest, dialect } };
        }),
      setSequelizeVersion: (version) =>
        set((state) => {
          const previous = exactRelease(state.scenario.sequelize);
          if (previous === version) return state;
          // The default: leave the field out, so a link made before the picker stays the same.
          const { sequelize: _previous, ...rest } = state.scenario;
          const scenario: ScenarioInput = version === DEFAULT_RELEASE ? (rest as ScenarioInput) : { ...rest, sequelize: version };
          if (state.compareWithVersion !== version) return { scenario };
          // A scenario naming a release the playground lacks leaves nothing to swap to.
          return { scenario, compareWithVersion: PICKABLE_RELEASES.some((r) => r.version === previous) ? previous : null };
        }),
      loadScenario: (scenario, exampleId = null) => set({ scenario, exampleId }),
    },
  });
}
