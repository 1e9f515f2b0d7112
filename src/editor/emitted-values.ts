/**
 * Tells the editor's own edits, coming back as props, from code changed
 * elsewhere. A parent that updates late (batching, a slower store) sends
 * back values the editor has already moved past; applying one would undo
 * the user's last keystrokes and move the cursor.
 */
import { useState } from 'react';
import type { EditorField } from './editor-files';

/** Enough for the values a parent can be behind by. */
const REMEMBERED = 64;

export class EmittedValues {
  private readonly sent = new Map<EditorField, string[]>();
  /** True while props are written into the editor, whose change events must not echo. */
  applyingProps = false;

  add(field: EditorField, code: string): void {
    const values = this.sent.get(field) ?? [];
    values.push(code);
    if (values.length > REMEMBERED) values.shift();
    this.sent.set(field, values);
  }

  /** True if the editor sent this value; forgets it and every value sent before it. */
  isEcho(field: EditorField, code: string): boolean {
    const values = this.sent.get(field);
    const index = values?.lastIndexOf(code) ?? -1;
    if (!values || index === -1) return false;
    values.splice(0, index + 1);
    return true;
  }

  whileApplyingProps(apply: () => void): void {
    this.applyingProps = true;
    try {
      apply();
    } finally {
      this.applyingProps = false;
    }
  }
}

export function useEmittedValues(): EmittedValues {
  const [values] = useState(() => new EmittedValues());
  return values;
}
