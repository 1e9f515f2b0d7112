/** Run errors as Monaco markers: which line, which columns. */
import { describe, expect, it } from 'vitest';
import type { editor } from 'monaco-editor/editor/editor.api';
import { markersFor } from '../../src/editor/monaco-markers';
import type { EditorError } from '../../src/editor/editor-files';

/** The few ITextModel methods the markers use, over plain lines. */
function fakeModel(text: string): editor.ITextModel {
  const lines = text.split('\n');
  const lineText = (line: number) => lines[line - 1] ?? '';
  return {
    getLineCount: () => lines.length,
    getLineMaxColumn: (line: number) => lineText(line).length + 1,
    getLineFirstNonWhitespaceColumn: (line: number) => {
      const at = lineText(line).search(/\S/);
      return at === -1 ? 0 : at + 1;
    },
    getWordAtPosition: ({ lineNumber, column }: { lineNumber: number; column: number }) => {
      for (const match of lineText(lineNumber).matchAll(/\w+/g)) {
        const start = match.index + 1;
        const end = start + match[0].length;
        if (column >= start && column <= end) return { word: match[0], startColumn: start, endColumn: end };
      }
      return null;
    },
  } as unknown as editor.ITextModel;
}

const CODE = "const a = 1;\n  await User.create({ name: 'x' });\n";
const error = (line: number | null, column: number | null): EditorError => ({ field: 'after', line, column, message: 'boom' });
const span = (marker: editor.IMarkerData | undefined) =>
  marker && [marker.startLineNumber, marker.startColumn, marker.endLineNumber, marker.endColumn];

describe('markersFor', () => {
  const model = fakeModel(CODE);

  it('underlines the word at the column', () => {
    expect(span(markersFor(model, 'after', [error(2, 14)])[0])).toEqual([2, 14, 2, 20]);
  });

  it('underlines the whole line, from its first character, without a column or at the statement start', () => {
    expect(span(markersFor(model, 'after', [error(2, null)])[0])).toEqual([2, 3, 2, 36]);
    expect(span(markersFor(model, 'after', [error(2, 1)])[0])).toEqual([2, 3, 2, 36]);
  });

  it('keeps a position past the end inside the code', () => {
    expect(span(markersFor(model, 'after', [error(9, 99)])[0])).toEqual([3, 1, 3, 1]);
    expect(span(markersFor(model, 'after', [error(1, 13)])[0])).toEqual([1, 12, 1, 13]);
  });

  it("takes only the field's errors that have a line, with their message", () => {
    const markers = markersFor(model, 'after', [error(null, null), { ...error(1, 1), field: 'setup' }, error(1, 7)]);
    expect(markers).toHaveLength(1);
    expect(markers[0]).toMatchObject({ message: 'boom', severity: 8 });
  });
});
