/**
 * The errors to mark in the editor: each failed phase that points into the
 * user's code, once per place (every mode fails on the same syntax error).
 */
import type { PhaseError, RunResult, RunSection } from '../engine/result';
import type { EditorError } from '../editor/editor-files';

export function editorErrors(result: { baseline: RunSection | null; modes: ReadonlyArray<{ mode: string; error: PhaseError | null }> } | RunResult | null): EditorError[] {
  if (!result) return [];
  const failures: Array<{ where: string; error: PhaseError | null }> = [
    { where: 'baseline', error: result.baseline?.error ?? null },
    ...result.modes.map((mode) => ({ where: mode.mode, error: mode.error })),
  ];
  const seen = new Map<string, EditorError & { modes: string[] }>();
  for (const { where, error } of failures) {
    const location = error?.location;
    if (!error || !location) continue;
    const key = `${location.field}:${location.line}:${location.column}:${error.name}:${error.message}`;
    const entry = seen.get(key);
    if (entry) entry.modes.push(where);
    else seen.set(key, { field: location.field, line: location.line, column: location.column, message: `${error.name}: ${error.message}`, modes: [where] });
  }
  return [...seen.values()].map(({ modes, ...error }) => ({ ...error, message: `${error.message} (${modes.join(', ')})` }));
}
