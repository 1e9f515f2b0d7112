/** The plain editor's Tab and Shift+Tab, and how the Monaco view tells its own edits from outside ones. */
import { describe, expect, it } from 'vitest';
import { EmittedValues } from '../../src/editor/emitted-values';
import { indentEdit, type TextEdit } from '../../src/editor/plain-text-edits';

function apply(text: string, edit: TextEdit) {
  const result = text.slice(0, edit.start) + edit.insert + text.slice(edit.end);
  return { result, selected: result.slice(edit.selectionStart, edit.selectionEnd), cursor: edit.selectionStart };
}

describe('indentEdit', () => {
  it('inserts two spaces at the cursor, replacing a selection within one line', () => {
    expect(apply('ab', indentEdit('ab', 1, 1, false))).toEqual({ result: 'a  b', selected: '', cursor: 3 });
    expect(apply('abc', indentEdit('abc', 1, 2, false))).toEqual({ result: 'a  c', selected: '', cursor: 3 });
  });

  it('indents every line of a multi-line selection and keeps it selected', () => {
    const text = 'one\ntwo\nthree';
    const { result, selected } = apply(text, indentEdit(text, 1, 6, false));
    expect(result).toBe('  one\n  two\nthree');
    expect(selected).toBe('ne\n  tw');
  });

  it('leaves alone the line a selection ends at the start of', () => {
    const text = 'one\ntwo\nthree';
    expect(apply(text, indentEdit(text, 0, 4, false)).result).toBe('  one\ntwo\nthree');
  });

  it('outdents by at most two spaces, the cursor line alone when nothing is selected', () => {
    const text = '    a\n b\nc';
    expect(apply(text, indentEdit(text, 5, 5, true))).toMatchObject({ result: '  a\n b\nc', cursor: 3 });
    expect(apply(text, indentEdit(text, 0, text.length, true)).result).toBe('  a\nb\nc');
  });
});

describe('EmittedValues', () => {
  it('recognises values the editor sent, even late ones, and not outside changes', () => {
    const sent = new EmittedValues();
    sent.add('models', 'a');
    sent.add('models', 'ab');
    expect(sent.isEcho('models', 'a')).toBe(true);
    expect(sent.isEcho('models', 'ab')).toBe(true);
    expect(sent.isEcho('models', 'a')).toBe(false);
    expect(sent.isEcho('setup', 'ab')).toBe(false);
    expect(sent.isEcho('models', 'an example')).toBe(false);
  });
});
