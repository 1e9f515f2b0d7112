/**
 * The page: toolbar, the scenario's code on the left, the modes side by
 * side on the right. Reads the store through selectors and hands plain
 * props to display components.
 */
import { useCallback, useEffect } from 'react';
import { withDefaults, type ScenarioInput } from '../engine/scenario';
import type { ReproductionFiles } from '../export/repro-export';
import { DismissibleAlert } from '../components/DismissibleAlert';
import { ExamplesMenu } from '../components/ExamplesMenu';
import { DIALECT_LABELS, DialectPicker } from '../components/DialectPicker';
import { ModePicker } from '../components/ModePicker';
import { MoreMenu } from '../components/MoreMenu';
import { RecentMenu } from '../components/RecentMenu';
import { RunStatus } from '../components/RunStatus';
import { ShareButton } from '../components/ShareButton';
import { Toolbar } from '../components/Toolbar';
import { VersionPicker } from '../components/VersionPicker';
import { isRunShortcut } from '../editor/editor-files';
import { EXAMPLE_ENTRIES, findExampleEntry, loadExample } from '../examples/examples';
import type { RecentEntry } from '../permalink/autosave';
import type { RecentScenarios } from '../permalink/autosave-sync';
import { shareUrl } from '../permalink/url-sync';
import { loadSqlFormatter } from '../results/sql-text';
import type { ScenarioFileRead } from '../share/scenario-file';
import { comparedRelease, exactRelease, PICKABLE_RELEASES } from '../store/sequelize-releases';
import { usePlayground } from '../store/store-context';
import { EditorPane } from './EditorPane';
import { ResultsPane } from './ResultsPane';
import { useFileDrop } from './use-file-drop';
import './App.css';

interface AppProps {
  onRun(): void;
  recent?: RecentScenarios;
  exportReproduction(scenario: ScenarioInput): Promise<ReproductionFiles>;
}

export function App({ onRun, recent, exportReproduction }: AppProps) {
  const scenario = usePlayground((s) => s.scenario);
  const exampleId = usePlayground((s) => s.exampleId);
  const engine = usePlayground((s) => s.engine);
  const status = usePlayground((s) => s.status);
  const elapsedMs = usePlayground((s) => s.elapsedMs);
  const failure = usePlayground((s) => s.failure);
  const loadingNote = usePlayground((s) => s.loadingNote);
  const autoRun = usePlayground((s) => s.autoRun);
  const prettySql = usePlayground((s) => s.prettySql);
  const editorShown = usePlayground((s) => s.editorShown);
  const linkError = usePlayground((s) => s.linkError);
  const fileError = usePlayground((s) => s.fileError);
  const result = usePlayground((s) => s.result);
  const { toggleMode, setDialect, setSequelizeVersion, loadScenario } = usePlayground((s) => s.scenarioActions);
  const { setAutoRun, setPrettySql, setEditorShown, setLinkError, setFileError, setCompareDialects, setCompareWithVersion } = usePlayground((s) => s.uiActions);
  const compareDialects = usePlayground((s) => s.compareDialects);
  const compareWithVersion = usePlayground((s) => s.compareWithVersion);

  const selectExample = useCallback(
    (id: string) => {
      void loadExample(id).then((example) => {
        if (example) loadScenario(example.scenario, example.id);
      });
    },
    [loadScenario],
  );
  // Restoring keeps the work it replaces in the list, as opening a link does.
  const restoreRecent = useCallback(
    (entry: RecentEntry) => {
      recent?.keepBeforeReplacing(entry.scenario);
      loadScenario(entry.scenario, null);
    },
    [recent, loadScenario],
  );
  const shareLink = useCallback(() => shareUrl(scenario), [scenario]);
  // The result only while it is the scenario's own: a run in progress may be of an older one.
  const getIssue = useCallback(async () => {
    // Its own chunk: the first result does not wait for it.
    const { issueMarkdown } = await import('../share/issue-markdown');
    return issueMarkdown(scenario, status === 'done' ? result : null, shareUrl(scenario));
  }, [scenario, status, result]);
  // A file opened or dropped: an invalid one leaves the work as it is and says why;
  // a valid one keeps the work in Recent, as a link does, then loads and runs.
  const openFile = useCallback(
    (read: ScenarioFileRead) => {
      if (!read.ok) return setFileError(read.message);
      setFileError(null);
      recent?.keepBeforeReplacing(read.scenario);
      loadScenario(read.scenario, null);
      if (!autoRun) onRun();
    },
    [recent, loadScenario, setFileError, autoRun, onRun],
  );
  useFileDrop(openFile);
  const example = exampleId ? findExampleEntry(exampleId) : undefined;
  const notice = example?.notice || null;
  // An example switched to the other database keeps its menu entry, but its
  // notice describes the log on the database it was written for.
  const runsOn = withDefaults(scenario).dialect;
  const writtenFor = example && example.dialect !== runsOn ? example.dialect : null;
  // Ctrl/Cmd+Enter runs from anywhere on the page; the editor handles it
  // itself (and marks the event handled) while it has the focus.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isRunShortcut(event) || event.defaultPrevented) return;
      event.preventDefault();
      onRun();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onRun]);
  // The formatter loads on first use; formatting turns on once it is there.
  const changePrettySql = useCallback(
    (on: boolean) => (on ? void loadSqlFormatter().then(() => setPrettySql(true)) : setPrettySql(false)),
    [setPrettySql],
  );

  return (
    <div className="app">
      <Toolbar
        examples={<ExamplesMenu examples={EXAMPLE_ENTRIES} selectedId={exampleId} onSelect={selectExample} />}
        recent={recent && <RecentMenu list={recent.list} onRestore={restoreRecent} />}
        share={<ShareButton getLink={shareLink} />}
        more={<MoreMenu scenario={scenario} getIssue={getIssue} exportReproduction={exportReproduction} onFileRead={openFile} />}
        modes={<ModePicker selected={withDefaults(scenario).modes} onToggle={toggleMode} />}
        dialect={
          <DialectPicker
            selected={withDefaults(scenario).dialect}
            onChange={setDialect}
            compare={compareDialects}
            onCompareChange={setCompareDialects}
          />
        }
        version={
          <VersionPicker
            releases={PICKABLE_RELEASES}
            selected={exactRelease(scenario.sequelize)}
            onChange={setSequelizeVersion}
            compareWith={comparedRelease(scenario.sequelize, compareWithVersion)}
            onCompareWithChange={setCompareWithVersion}
          />
        }
        status={<RunStatus engine={engine} status={status} elapsedMs={elapsedMs} failure={failure} loadingNote={loadingNote} />}
        autoRun={autoRun}
        onAutoRunChange={setAutoRun}
        prettySql={prettySql}
        onPrettySqlChange={changePrettySql}
        editorShown={editorShown}
        onEditorShownChange={setEditorShown}
        onRun={onRun}
      />
      {linkError && (
        <DismissibleAlert testId="link-error" onDismiss={() => setLinkError(null)}>
          This link could not be opened: {linkError}
        </DismissibleAlert>
      )}
      {fileError && (
        <DismissibleAlert testId="file-error" onDismiss={() => setFileError(null)}>
          This file could not be opened: {fileError}
        </DismissibleAlert>
      )}
      {notice && (
        <p className="app__notice" data-testid="example-notice">
          <strong>Notice:</strong>{' '}
          {writtenFor && (
            <em>
              (written for {DIALECT_LABELS[writtenFor].name}; this runs on {DIALECT_LABELS[runsOn].name}, whose log differs){' '}
            </em>
          )}
          {notice}
        </p>
      )}
      <main className="app__main" data-editor-shown={editorShown}>
        {editorShown && <EditorPane onRun={onRun} />}
        <ResultsPane />
      </main>
    </div>
  );
}
