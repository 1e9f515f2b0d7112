/** The bar above everything: examples, recent work, database, Sequelize release, modes, options, Share, More and Run. */
import type { ReactNode } from 'react';
import { runShortcutLabel } from '../editor/editor-files';
import './Toolbar.css';

interface ToolbarProps {
  examples: ReactNode;
  /** The recent-scenarios menu (absent when the browser keeps no storage). */
  recent?: ReactNode;
  share: ReactNode;
  /** Copy as issue, Download and Open, in a menu beside Share. */
  more?: ReactNode;
  modes: ReactNode;
  dialect: ReactNode;
  /** The Sequelize release, and another to compare with. */
  version: ReactNode;
  status: ReactNode;
  autoRun: boolean;
  onAutoRunChange(on: boolean): void;
  prettySql: boolean;
  onPrettySqlChange(on: boolean): void;
  editorShown: boolean;
  onEditorShownChange(on: boolean): void;
  onRun(): void;
}

const RUN_SHORTCUT = runShortcutLabel();

export function Toolbar(props: ToolbarProps) {
  return (
    <header className="toolbar">
      <div className="toolbar__row">
        <h1 className="toolbar__title">
          Sync Playground <span className="toolbar__subtitle">real Sequelize on real SQLite and PostgreSQL, in your browser</span>
        </h1>
        <span className="toolbar__spacer" />
        {props.status}
        {props.recent}
        {props.share}
        {props.more}
        <button type="button" className="toolbar__run" data-testid="run-button" onClick={props.onRun} title={`Run (${RUN_SHORTCUT})`}>
          Run <kbd>{RUN_SHORTCUT}</kbd>
        </button>
      </div>
      <div className="toolbar__row">
        {props.examples}
        {props.dialect}
        {props.version}
        {props.modes}
        <label className="toolbar__option">
          <input type="checkbox" checked={props.autoRun} onChange={(e) => props.onAutoRunChange(e.target.checked)} />
          Auto-run
        </label>
        <label className="toolbar__option">
          <input type="checkbox" checked={props.prettySql} onChange={(e) => props.onPrettySqlChange(e.target.checked)} />
          Format SQL
        </label>
        <label className="toolbar__option">
          <input type="checkbox" checked={props.editorShown} onChange={(e) => props.onEditorShownChange(e.target.checked)} />
          Show code
        </label>
      </div>
    </header>
  );
}
