/**
 * One Monaco editor with a model per code field (file:///playground/setup.ts,
 * models.ts, after.ts). A tab change swaps the model, so each field keeps its
 * undo stack, cursor and scroll. Loaded lazily by CodeEditor: this module
 * pulls in Monaco itself.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { editor as MonacoEditor } from 'monaco-editor/editor/editor.api';
import { EDITOR_FIELDS, type EditorError, type EditorField, type EditorFiles, type TextSelection } from './editor-files';
import { markersFor } from './monaco-markers';
import { monaco, applySequelizeTypes, hasSequelizeTypes } from './monaco-setup';
import { codeFontFamily, followColorScheme } from './monaco-theme';
import { useEmittedValues } from './emitted-values';

export interface HandOver {
  /** Where the plain editor left the cursor in each field it showed. */
  selections: Partial<Record<EditorField, TextSelection>>;
  /** Whether the plain editor had the keyboard focus. */
  focused: boolean;
}

export interface MonacoEditorViewProps {
  files: EditorFiles;
  active: EditorField;
  errors: readonly EditorError[];
  readOnly: boolean;
  sequelizeVersion: string;
  onChange(field: EditorField, code: string): void;
  onRun(): void;
  /** Called once, when the editor is created; returns what the plain editor hands over. */
  onReady(): HandOver;
  /** The types' state: 'loading' again when the scenario switches to a version whose types are not loaded yet. */
  onTypes(state: 'loading' | 'loaded' | 'failed'): void;
}

/** Where a field's model lives; the TypeScript service sees these names. */
export const modelUri = (field: EditorField) => monaco.Uri.parse(`file:///playground/${field}.ts`);

const MARKER_OWNER = 'sync-playground';

/** Monaco keeps one line ending per model; the store gets `\n`. */
const normalize = (code: string) => code.replace(/\r\n?/g, '\n');

const OPTIONS: MonacoEditor.IStandaloneEditorConstructionOptions = {
  automaticLayout: true,
  minimap: { enabled: false },
  fontSize: 13,
  lineHeight: 20,
  padding: { top: 8, bottom: 8 },
  scrollBeyondLastLine: false,
  tabSize: 2,
  insertSpaces: true,
  wordWrap: 'on',
  fixedOverflowWidgets: true,
  renderLineHighlightOnlyWhenFocus: true,
  scrollbar: { useShadows: false, verticalScrollbarSize: 10, horizontalScrollbarSize: 10 },
  overviewRulerBorder: false,
  hideCursorInOverviewRuler: true,
  // TypeScript's own completions name everything in scope. Where it has
  // none (in a comment: typing `//` asks), Monaco offered the document's
  // words instead, and starting the worker that finds them took about
  // 190 ms of a core on a person's first edit, from the run it sets off.
  wordBasedSuggestions: 'off',
};

export default function MonacoEditorView(props: MonacoEditorViewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  const [editor, setEditor] = useState<MonacoEditor.IStandaloneCodeEditor | null>(null);
  const models = useRef(new Map<EditorField, MonacoEditor.ITextModel>());
  const viewStates = useRef(new Map<EditorField, MonacoEditor.ICodeEditorViewState | null>());
  const pendingSelections = useRef<HandOver['selections']>({});
  const shown = useRef<EditorField | null>(null);
  const emitted = useEmittedValues();

  /** Shows a field's model, keeping the view state (cursor, scroll, folding) of the one it hides. */
  function show(target: MonacoEditor.IStandaloneCodeEditor, field: EditorField) {
    if (shown.current === field) return;
    if (shown.current) viewStates.current.set(shown.current, target.saveViewState());
    const model = models.current.get(field);
    if (!model) return;
    target.setModel(model);
    const state = viewStates.current.get(field);
    const selection = pendingSelections.current[field];
    if (state) {
      target.restoreViewState(state);
    } else if (selection) {
      const start = model.getPositionAt(selection.start);
      const end = model.getPositionAt(selection.end);
      target.setSelection(new monaco.Selection(start.lineNumber, start.column, end.lineNumber, end.column));
      target.revealRangeInCenterIfOutsideViewport(new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column));
    }
    delete pendingSelections.current[field];
    shown.current = field;
  }

  // Create the editor and the models once.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const initial = latest.current;
    const subscriptions: { dispose(): void }[] = [];
    for (const field of EDITOR_FIELDS) {
      const model = monaco.editor.createModel(normalize(initial.files[field]), 'typescript', modelUri(field));
      model.setEOL(monaco.editor.EndOfLineSequence.LF);
      subscriptions.push(
        model.onDidChangeContent(() => {
          if (emitted.applyingProps) return;
          const code = model.getValue();
          emitted.add(field, code);
          latest.current.onChange(field, code);
        }),
      );
      models.current.set(field, model);
    }
    const created = monaco.editor.create(container, {
      ...OPTIONS,
      fontFamily: codeFontFamily(),
      readOnly: initial.readOnly,
      model: null,
      ariaLabel: 'Scenario code',
    });
    created.addAction({
      id: 'sync-playground.run',
      label: 'Run scenario',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      contextMenuGroupId: 'navigation',
      contextMenuOrder: 0,
      run: () => latest.current.onRun(),
    });
    const handOver = initial.onReady();
    pendingSelections.current = { ...handOver.selections };
    show(created, initial.active);
    if (handOver.focused) created.focus();
    const unfollow = followColorScheme(monaco.editor);
    setEditor(created);
    return () => {
      unfollow();
      for (const subscription of subscriptions) subscription.dispose();
      created.dispose();
      for (const model of models.current.values()) model.dispose();
      models.current.clear();
      viewStates.current.clear();
      shown.current = null;
    };
    // Created once: later props arrive through `latest` and the effects below.
  }, []);

  useEffect(() => {
    if (editor) show(editor, props.active);
  }, [editor, props.active]);

  // Code that changed outside the editor (an example loaded, a permalink
  // opened) replaces the model's text as one undoable edit; the editor's own
  // edits coming back through props are recognised and left alone.
  useEffect(() => {
    if (!editor) return;
    for (const field of EDITOR_FIELDS) {
      const model = models.current.get(field);
      const code = normalize(props.files[field]);
      if (!model || emitted.isEcho(field, code) || model.getValue() === code) continue;
      emitted.whileApplyingProps(() => {
        // Its own undo step: Ctrl+Z brings back the code as it was, typing included.
        model.pushStackElement();
        model.pushEditOperations([], [{ range: model.getFullModelRange(), text: code }], () => null);
        model.pushStackElement();
      });
      if (shown.current === field) {
        editor.setPosition({ lineNumber: 1, column: 1 });
        editor.setScrollTop(0);
      } else {
        viewStates.current.delete(field);
      }
    }
  }, [editor, props.files, emitted]);

  useEffect(() => {
    for (const field of EDITOR_FIELDS) {
      const model = models.current.get(field);
      if (model) monaco.editor.setModelMarkers(model, MARKER_OWNER, markersFor(model, field, props.errors));
    }
  }, [editor, props.errors]);

  useEffect(() => {
    editor?.updateOptions({ readOnly: props.readOnly });
  }, [editor, props.readOnly]);

  useEffect(() => {
    let current = true;
    // Switching between 6 and 7 loads the other set: say so until it is there.
    if (!hasSequelizeTypes(props.sequelizeVersion)) latest.current.onTypes('loading');
    applySequelizeTypes(props.sequelizeVersion).then(
      () => current && latest.current.onTypes('loaded'),
      () => current && latest.current.onTypes('failed'),
    );
    return () => {
      current = false;
    };
  }, [props.sequelizeVersion]);

  return <div ref={containerRef} className="monaco-editor-view" data-testid="monaco-editor" data-ready={editor ? 'true' : 'false'} />;
}
