/** Connects the results to the store: the side-by-side modes, or one mode on both dialects. */
import { useEffect, useMemo } from 'react';
import { DialectComparison, type DialectRun } from '../components/results/DialectComparison';
import { preloadDetailViews } from '../components/results/detail-views';
import { preloadVirtualStatements } from '../components/results/PhaseStatements';
import { ResultsView } from '../components/results/ResultsView';
import { withDefaults, type Dialect } from '../engine/scenario';
import { usePlayground } from '../store/store-context';

function DialectComparisonPane() {
  const scenario = usePlayground((s) => s.scenario);
  const comparedMode = usePlayground((s) => s.comparedMode);
  const { setComparedMode } = usePlayground((s) => s.uiActions);
  const status = usePlayground((s) => s.status);
  const result = usePlayground((s) => s.result);
  const failure = usePlayground((s) => s.failure);
  const loadingNote = usePlayground((s) => s.loadingNote);
  const other = usePlayground((s) => s.otherDialect);
  const pretty = usePlayground((s) => s.prettySql);
  const { dialect, modes } = withDefaults(scenario);
  const mode = comparedMode && modes.includes(comparedMode) ? comparedMode : (modes.find((m) => m === 'alter') ?? modes[0] ?? 'sync');
  const runs = useMemo(() => {
    const main: DialectRun = { status, result, failure, note: loadingNote };
    // Until the main run is done, the other dialect's turn has not come.
    const second: DialectRun = status === 'running' ? { ...other, status: 'running', note: null } : { ...other, note: other.loadingNote };
    return (dialect === 'sqlite' ? { sqlite: main, postgres: second } : { sqlite: second, postgres: main }) satisfies Record<Dialect, DialectRun>;
  }, [dialect, status, result, failure, loadingNote, other]);
  return <DialectComparison modes={modes} mode={mode} onModeChange={setComparedMode} runs={runs} pretty={pretty} />;
}

export function ResultsPane() {
  const runModes = usePlayground((s) => s.runModes);
  const result = usePlayground((s) => s.result);
  const partial = usePlayground((s) => s.partial);
  const status = usePlayground((s) => s.status);
  const slowRun = usePlayground((s) => s.slowRun);
  const pretty = usePlayground((s) => s.prettySql);
  const compareDialects = usePlayground((s) => s.compareDialects);
  const hasResult = result !== null;
  // Once the first result is shown, fetch the schema and rows views and the
  // long-log view, so that opening one later does not wait.
  useEffect(() => {
    if (!hasResult) return;
    preloadDetailViews();
    preloadVirtualStatements();
  }, [hasResult]);
  if (compareDialects) return <DialectComparisonPane />;
  return <ResultsView modes={runModes} result={result} partial={partial} running={status === 'running'} busy={status === 'running' && slowRun} pretty={pretty} />;
}
