/**
 * The editor shown at once, before Monaco loads: a textarea with line
 * numbers, laid out like Monaco (same font, line height and padding) so the
 * swap is not noticed. Tab indents; Ctrl/Cmd+Enter runs; Escape then Tab
 * leaves the field (as Ctrl+M does in Monaco).
 */
import { useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { isRunShortcut } from './editor-files';
import { indentEdit, type TextEdit } from './plain-text-edits';

export interface PlainEditorProps {
  value: string;
  onChange(value: string): void;
  onRun(): void;
  readOnly: boolean;
  /** 1-based lines that have an error. */
  errorLines: ReadonlySet<number>;
  label: string;
  textareaRef?: Ref<HTMLTextAreaElement>;
}

/** Applies an edit through the browser's editing commands, so that Ctrl+Z undoes it. */
function applyEdit(textarea: HTMLTextAreaElement, edit: TextEdit): void {
  textarea.setSelectionRange(edit.start, edit.end);
  // execCommand is deprecated but still the only way into the native undo stack.
  const inserted = edit.insert !== '' && document.execCommand('insertText', false, edit.insert);
  if (!inserted) {
    textarea.setRangeText(edit.insert, edit.start, edit.end, 'end');
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  }
  textarea.setSelectionRange(edit.selectionStart, edit.selectionEnd);
}

export function PlainEditor({ value, onChange, onRun, readOnly, errorLines, label, textareaRef }: PlainEditorProps) {
  const gutterRef = useRef<HTMLDivElement>(null);
  const [tabLeaves, setTabLeaves] = useState(false);
  const lineCount = value.split('\n').length;

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (isRunShortcut(event)) {
      event.preventDefault();
      onRun();
      return;
    }
    if (event.key === 'Escape') {
      setTabLeaves(true);
      return;
    }
    if (event.key === 'Tab' && !tabLeaves && !readOnly && !event.ctrlKey && !event.altKey && !event.metaKey) {
      event.preventDefault();
      const textarea = event.currentTarget;
      applyEdit(textarea, indentEdit(textarea.value, textarea.selectionStart, textarea.selectionEnd, event.shiftKey));
      return;
    }
    if (tabLeaves && event.key !== 'Shift') setTabLeaves(false);
  }

  return (
    <div className="plain-editor">
      <div className="plain-editor__gutter" aria-hidden="true">
        <div ref={gutterRef} className="plain-editor__numbers">
          {Array.from({ length: lineCount }, (_, index) => (
            <div key={index} className={errorLines.has(index + 1) ? 'plain-editor__number--error' : undefined}>
              {index + 1}
            </div>
          ))}
        </div>
      </div>
      <textarea
        ref={textareaRef}
        className="plain-editor__text"
        data-testid="plain-editor"
        aria-label={label}
        value={value}
        readOnly={readOnly}
        wrap="off"
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        autoCorrect="off"
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => setTabLeaves(false)}
        onScroll={(event) => {
          if (gutterRef.current) gutterRef.current.style.transform = `translateY(${-event.currentTarget.scrollTop}px)`;
        }}
      />
    </div>
  );
}
