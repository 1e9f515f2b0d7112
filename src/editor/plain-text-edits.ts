/**
 * Tab and Shift+Tab in the plain editor, as pure functions over the text and
 * the selection, so the behaviour is testable without a DOM.
 */

/** Two spaces, as in Monaco (`tabSize: 2`). */
export const INDENT = '  ';

/** Replace `text[start, end)` with `insert`, then select `[selectionStart, selectionEnd)`. */
export interface TextEdit {
  start: number;
  end: number;
  insert: string;
  selectionStart: number;
  selectionEnd: number;
}

/**
 * Tab with nothing or part of one line selected inserts two spaces; Tab over
 * several lines indents each of them; Shift+Tab removes up to two leading
 * spaces from each selected line.
 */
export function indentEdit(text: string, start: number, end: number, outdent: boolean): TextEdit {
  const multiLine = text.slice(start, end).includes('\n');
  if (!outdent && !multiLine) {
    return { start, end, insert: INDENT, selectionStart: start + INDENT.length, selectionEnd: start + INDENT.length };
  }
  const blockStart = text.lastIndexOf('\n', start - 1) + 1;
  // A selection ending at the start of a line leaves that line alone.
  const lastLineEnd = end > start && text[end - 1] === '\n' ? end - 1 : end;
  const nextNewline = text.indexOf('\n', lastLineEnd);
  const blockEnd = nextNewline === -1 ? text.length : nextNewline;
  const lines = text.slice(blockStart, blockEnd).split('\n');
  let firstLineShift = 0;
  let totalShift = 0;
  const changed = lines.map((line, index) => {
    const shift = outdent ? -Math.min(INDENT.length, line.length - line.trimStart().length) : INDENT.length;
    if (index === 0) firstLineShift = shift;
    totalShift += shift;
    return outdent ? line.slice(-shift) : INDENT + line;
  });
  return {
    start: blockStart,
    end: blockEnd,
    insert: changed.join('\n'),
    selectionStart: Math.max(blockStart, start + firstLineShift),
    selectionEnd: Math.max(blockStart, end + totalShift),
  };
}
