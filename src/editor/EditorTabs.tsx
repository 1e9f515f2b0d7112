/**
 * The tab list over the editor: one tab per code field, a badge on a field
 * whose code has an error, arrow keys between tabs (WAI-ARIA tabs pattern).
 */
import { useRef, type KeyboardEvent } from 'react';
import { FIELD_LABELS, type EditorField } from './editor-files';

export interface EditorTabsProps {
  fields: readonly EditorField[];
  active: EditorField;
  panelId: string;
  fieldsWithErrors: ReadonlySet<EditorField>;
  onSelect(field: EditorField): void;
}

export function EditorTabs({ fields, active, panelId, fieldsWithErrors, onSelect }: EditorTabsProps) {
  const list = useRef<HTMLDivElement>(null);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const moves: Record<string, (index: number) => number> = {
      ArrowRight: (index) => (index + 1) % fields.length,
      ArrowLeft: (index) => (index - 1 + fields.length) % fields.length,
      Home: () => 0,
      End: () => fields.length - 1,
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const next = fields[move(fields.indexOf(active))];
    if (!next) return;
    onSelect(next);
    list.current?.querySelector<HTMLElement>(`[data-field="${next}"]`)?.focus();
  }

  return (
    <div ref={list} className="editor-tabs" role="tablist" aria-label="Scenario code" onKeyDown={onKeyDown}>
      {fields.map((field) => {
        const selected = field === active;
        const hasError = fieldsWithErrors.has(field);
        return (
          <button
            key={field}
            type="button"
            role="tab"
            className="editor-tabs__tab"
            data-field={field}
            aria-selected={selected}
            aria-controls={selected ? panelId : undefined}
            tabIndex={selected ? 0 : -1}
            onClick={() => onSelect(field)}
          >
            {FIELD_LABELS[field]}
            {hasError && (
              <span className="editor-tabs__badge" data-testid={`error-badge-${field}`} title="This code has an error">
                <span className="visually-hidden"> (has an error)</span>
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}
