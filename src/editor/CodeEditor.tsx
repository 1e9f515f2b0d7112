/**
 * The scenario's code: tabs for Before (setup), Models and After over one
 * editor. A plain textarea editor is there from the first paint; Monaco (MBs)
 * is imported only once `loadMonaco` is set, after the first result, and
 * takes over in place with the same text, tab and cursor.
 */
import { useEffect, useId, useRef, useState, type ComponentType } from 'react';
import { afterNextPaint } from '../app/after-next-paint';
import { EDITOR_FIELDS, FIELD_LABELS, runShortcutLabel, type EditorError, type EditorField, type EditorFiles, type TextSelection } from './editor-files';
import { EditorTabs } from './EditorTabs';
import type { HandOver, MonacoEditorViewProps } from './MonacoEditorView';
import { PlainEditor } from './PlainEditor';
import './code-editor.css';

export type { EditorError, EditorField, EditorFiles } from './editor-files';

export interface CodeEditorProps {
  files: EditorFiles;
  active: EditorField;
  onActiveChange(field: EditorField): void;
  onChange(field: EditorField, code: string): void;
  onRun(): void;
  errors: readonly EditorError[];
  /** Set once the first result is shown: Monaco must not compete with the engine's first load. */
  loadMonaco: boolean;
  readOnly?: boolean;
  /** The scenario's `sequelize` field, for completion from that version's types. */
  sequelizeVersion?: string;
}

type MonacoState =
  | { phase: 'waiting' | 'loading' | 'failed' }
  | { phase: 'mounting' | 'ready'; View: ComponentType<MonacoEditorViewProps> };

type TypesState = 'loading' | 'loaded' | 'failed';

function statusText(monaco: MonacoState['phase'], types: TypesState): string | null {
  if (monaco === 'loading' || monaco === 'mounting') return 'Loading editor…';
  if (monaco === 'failed') return 'Plain editor: the full editor did not load';
  if (monaco === 'ready' && types === 'loading') return 'Loading Sequelize types…';
  if (monaco === 'ready' && types === 'failed') return 'No Sequelize completion: its types did not load';
  return null;
}

export function CodeEditor(props: CodeEditorProps) {
  const { files, active, onActiveChange, onChange, onRun, errors, loadMonaco, readOnly = false } = props;
  const [monaco, setMonaco] = useState<MonacoState>({ phase: 'waiting' });
  const [types, setTypes] = useState<TypesState>('loading');
  const textarea = useRef<HTMLTextAreaElement>(null);
  const selections = useRef<Partial<Record<EditorField, TextSelection>>>({});
  const panelId = useId();

  useEffect(() => {
    if (!loadMonaco || monaco.phase !== 'waiting') return;
    // Once the result that set `loadMonaco` is on screen.
    return afterNextPaint(() => {
      setMonaco({ phase: 'loading' });
      import('./MonacoEditorView').then(
        (module) => setMonaco({ phase: 'mounting', View: module.default }),
        (error: unknown) => {
          console.error('The Monaco editor did not load; the plain editor stays.', error);
          setMonaco({ phase: 'failed' });
        },
      );
    });
  }, [loadMonaco, monaco.phase]);

  /** The plain editor's cursor, kept per field so Monaco opens each one where the user left it. */
  function rememberSelection() {
    const element = textarea.current;
    if (element) selections.current[active] = { start: element.selectionStart, end: element.selectionEnd };
  }

  function changeTab(field: EditorField) {
    rememberSelection();
    onActiveChange(field);
  }

  function handOver(): HandOver {
    rememberSelection();
    const focused = textarea.current !== null && document.activeElement === textarea.current;
    if (monaco.phase === 'mounting') setMonaco({ phase: 'ready', View: monaco.View });
    return { selections: { ...selections.current }, focused };
  }

  const fieldsWithErrors = new Set(errors.map((error) => error.field));
  const errorLines = new Set(errors.flatMap((error) => (error.field === active && error.line !== null ? [error.line] : [])));
  const status = statusText(monaco.phase, types);
  const monacoShown = monaco.phase === 'ready';

  return (
    <div className="code-editor" data-testid="editor" data-monaco={monaco.phase} data-types={monaco.phase === 'ready' ? types : undefined}>
      <div className="code-editor__bar">
        <EditorTabs
          fields={EDITOR_FIELDS}
          active={active}
          panelId={panelId}
          fieldsWithErrors={fieldsWithErrors}
          onSelect={changeTab}
        />
        <div className="code-editor__status" role="status">
          {status && (
            <span className="code-editor__loading" data-phase={monaco.phase === 'ready' ? 'types' : monaco.phase}>
              {status}
            </span>
          )}
          {!status && (
            <span className="code-editor__hint">
              <kbd>{runShortcutLabel()}</kbd> to run
            </span>
          )}
        </div>
      </div>
      <div className="code-editor__pane" id={panelId} role="tabpanel" aria-label={FIELD_LABELS[active]}>
        {!monacoShown && (
          <PlainEditor
            key={active}
            value={files[active]}
            onChange={(code) => onChange(active, code)}
            onRun={onRun}
            readOnly={readOnly}
            errorLines={errorLines}
            label={`${FIELD_LABELS[active]} code`}
            textareaRef={textarea}
          />
        )}
        {(monaco.phase === 'mounting' || monaco.phase === 'ready') && (
          <div className="code-editor__monaco">
            <monaco.View
              files={files}
              active={active}
              errors={errors}
              readOnly={readOnly}
              sequelizeVersion={props.sequelizeVersion ?? '6'}
              onChange={onChange}
              onRun={onRun}
              onReady={handOver}
              onTypes={setTypes}
            />
          </div>
        )}
      </div>
    </div>
  );
}
