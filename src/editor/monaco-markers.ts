/**
 * Errors from a run (shared/SCENARIO.md: a position in setup, models or
 * after) as Monaco markers on the model of their field.
 */
import type { editor } from 'monaco-editor/editor/editor.api';
import type { EditorError } from './editor-files';

/** Monaco's MarkerSeverity.Error. */
const ERROR_SEVERITY = 8;

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);

/**
 * The marker for an error with a line: the word at its column; the whole
 * line (from its first non-blank character) when the column is unknown or
 * is the statement's start, as a run-time error's stack frame often gives
 * (`await` of a failing call).
 */
export function errorMarker(model: editor.ITextModel, error: EditorError & { line: number }): editor.IMarkerData {
  const line = clamp(error.line, 1, model.getLineCount());
  const lineEnd = model.getLineMaxColumn(line);
  const lineStart = model.getLineFirstNonWhitespaceColumn(line) || 1;
  let startColumn: number;
  let endColumn: number;
  if (error.column === null || error.column <= lineStart) {
    startColumn = lineStart;
    endColumn = lineEnd;
  } else {
    startColumn = clamp(error.column, 1, lineEnd);
    const word = model.getWordAtPosition({ lineNumber: line, column: startColumn });
    endColumn = word && word.startColumn <= startColumn ? word.endColumn : Math.min(startColumn + 1, lineEnd);
    // At the end of a line there is nothing to underline: take the last character.
    if (endColumn <= startColumn) startColumn = Math.max(1, lineEnd - 1);
  }
  return {
    severity: ERROR_SEVERITY,
    message: error.message,
    startLineNumber: line,
    startColumn,
    endLineNumber: line,
    endColumn: Math.max(endColumn, startColumn),
  };
}

/** The markers for one field; errors without a line only badge the tab. */
export function markersFor(model: editor.ITextModel, field: EditorError['field'], errors: readonly EditorError[]) {
  return errors
    .filter((error): error is EditorError & { line: number } => error.field === field && error.line !== null)
    .map((error) => errorMarker(model, error));
}
