/**
 * The three code fields the editor shows, as plain data shared by the plain
 * editor, the Monaco editor and whoever renders them.
 */

import type { CodeField } from '../engine/user-code';

/** A scenario code field (shared/SCENARIO.md). */
export type EditorField = CodeField;

/** In tab order. */
export const EDITOR_FIELDS: readonly EditorField[] = ['setup', 'models', 'after'];

export const FIELD_LABELS: Readonly<Record<EditorField, string>> = {
  setup: 'Before (setup)',
  models: 'Models',
  after: 'After',
};

export type EditorFiles = Readonly<Record<EditorField, string>>;

/** An error to mark in the code: 1-based line and column; `null` when unknown. */
export interface EditorError {
  field: EditorField;
  line: number | null;
  column: number | null;
  message: string;
}

/** A selection as character offsets into a field's text (as a textarea has it). */
export interface TextSelection {
  start: number;
  end: number;
}

/** True for Ctrl+Enter, or Cmd+Enter on a Mac: the run shortcut. */
export function isRunShortcut(event: { key: string; ctrlKey: boolean; metaKey: boolean }): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey);
}

/** The run shortcut as the user's platform writes it (as the toolbar's Run button shows it). */
export function runShortcutLabel(): string {
  const platform = typeof navigator === 'undefined' ? '' : navigator.platform;
  return /Mac|iPhone|iPad/.test(platform) ? '⌘↵' : 'Ctrl+↵';
}
