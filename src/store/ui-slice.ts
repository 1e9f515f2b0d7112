/** What the person chose to look at: plain data, no DOM or editor objects. */
import type { StateCreator } from 'zustand';
import type { Mode } from '../engine/scenario';
import type { CodeField } from '../engine/user-code';
import type { PlaygroundStore } from './store';

export interface UiState {
  activeTab: CodeField;
  /** Pretty-print SQL in the logs (the exact text stays available). */
  prettySql: boolean;
  /** Run again shortly after typing stops. */
  autoRun: boolean;
  /** The code pane is shown (hidden, the results take the whole width). */
  editorShown: boolean;
  /** Why the link that opened the page could not be used (the work shown instead is untouched). */
  linkError: string | null;
  /** Why the scenario file opened or dropped could not be used (the work shown is untouched). */
  fileError: string | null;
  /** Show one mode on SQLite and on PostgreSQL side by side (runs the scenario on both). */
  compareDialects: boolean;
  /**
   * The Sequelize release to run the scenario under as well, and show one
   * mode's statements of both releases aligned; null: no comparison. Only
   * one comparison at a time: turning this on turns the dialects' off.
   */
  compareWithVersion: string | null;
  /** The mode a comparison (dialects or versions) shows (null: alter, else the scenario's first). */
  comparedMode: Mode | null;
}

export interface UiActions {
  setActiveTab(tab: CodeField): void;
  setPrettySql(on: boolean): void;
  setAutoRun(on: boolean): void;
  setEditorShown(on: boolean): void;
  setLinkError(message: string | null): void;
  setFileError(message: string | null): void;
  setCompareDialects(on: boolean): void;
  setCompareWithVersion(version: string | null): void;
  setComparedMode(mode: Mode): void;
}

export const createUiSlice: StateCreator<PlaygroundStore, [], [], UiState & { uiActions: UiActions }> = (set) => ({
  activeTab: 'models',
  prettySql: false,
  autoRun: true,
  editorShown: true,
  linkError: null,
  fileError: null,
  compareDialects: false,
  compareWithVersion: null,
  comparedMode: null,
  uiActions: {
    setActiveTab: (activeTab) => set({ activeTab }),
    setPrettySql: (prettySql) => set({ prettySql }),
    setAutoRun: (autoRun) => set({ autoRun }),
    setEditorShown: (editorShown) => set({ editorShown }),
    setLinkError: (linkError) => set({ linkError }),
    setFileError: (fileError) => set({ fileError }),
    setCompareDialects: (compareDialects) => set(compareDialects ? { compareDialects, compareWithVersion: null } : { compareDialects }),
    setCompareWithVersion: (compareWithVersion) =>
      set(compareWithVersion !== null ? { compareWithVersion, compareDialects: false } : { compareWithVersion }),
    setComparedMode: (comparedMode) => set({ comparedMode }),
  },
});
