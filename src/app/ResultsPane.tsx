/** Connects the results to the store: the side-by-side modes, or one mode on both dialects, or under two Sequelize releases. */
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { DialectComparison, type DialectRun } from '../components/results/DialectComparison';
import { afterNextPaint } from './after-next-paint';
import { preloadDetailViews } from '../components/results/detail-views';
import { preloadVirtualStatements } from '../components/results/PhaseStatements';
import { ResultsView } from '../components/results/ResultsView';
import type { VersionRun } from '../components/results/VersionComparison';
import { withDefaults, type Dialect, type Mode } from '../engine/scenario';
import type { RunStatus, SecondRun } from '../store/run-slice';
import { compareReleases, comparedRelease, exactRelease } from '../store/sequelize-releases';
import { usePlayground } from '../store/store-context';

/** Its own chunk (with the log alignment): the default page does not grow for it. */
const VersionComparison = lazy(() => import('../components/results/VersionComparison').then((m) => ({ default: m.VersionComparison })));

/** The mode a comparison shows: the one chosen, else alter (where dialects and releases differ most), else the first. */
function shownMode(chosen: Mode | null, modes: readonly Mode[]): Mode {
  return chosen && modes.includes(chosen) ? chosen : (modes.find((m) => m === 'alter') ?? modes[0] ?? 'sync');
}

/** The main run as a comparison shows it. */
function useMainRun() {
  const status = usePlayground((s) => s.status);
  const result = usePlayground((s) => s.result);
  const failure = usePlayground((s) => s.failure);
  const note = usePlayground((s) => s.loadingNote);
  return useMemo(() => ({ status, result, failure, note }), [status, result, failure, note]);
}

/** A second run as a comparison shows it: until the main run is done, its turn has not come. */
function secondRunShown(run: SecondRun, mainStatus: RunStatus) {
  return mainStatus === 'running' ? { ...run, status: 'running' as const, note: null } : { ...run, note: run.loadingNote };
}

function DialectComparisonPane() {
  const scenario = usePlayground((s) => s.scenario);
  const comparedMode = usePlayground((s) => s.comparedMode);
  const { setComparedMode } = usePlayground((s) => s.uiActions);
  const main = useMainRun();
  const other = usePlayground((s) => s.otherDialect);
  const pretty = usePlayground((s) => s.prettySql);
  const { dialect, modes } = withDefaults(scenario);
  const runs = useMemo(() => {
    const second: DialectRun = secondRunShown(other, main.status);
    return (dialect === 'sqlite' ? { sqlite: main, postgres: second } : { sqlite: second, postgres: main }) satisfies Record<Dialect, DialectRun>;
  }, [dialect, main, other]);
  return <DialectComparison modes={modes} mode={shownMode(comparedMode, modes)} onModeChange={setComparedMode} runs={runs} pretty={pretty} />;
}

function VersionComparisonPane({ compared }: { compared: string }) {
  const scenario = usePlayground((s) => s.scenario);
  const comparedMode = usePlayground((s) => s.comparedMode);
  const { setComparedMode } = usePlayground((s) => s.uiActions);
  const main = useMainRun();
  const other = usePlayground((s) => s.otherVersion);
  const pretty = usePlayground((s) => s.prettySql);
  const { dialect, modes } = withDefaults(scenario);
  const own = exactRelease(scenario.sequelize);
  const runs = useMemo(() => {
    const mainRun: VersionRun = { ...main, version: own, role: 'scenario' };
    const secondRun: VersionRun = { ...secondRunShown(other, main.status), version: compared, role: 'compared' };
    // Older on the left: what the newer one adds shows as added.
    return compareReleases(own, compared) <= 0 ? ([mainRun, secondRun] as const) : ([secondRun, mainRun] as const);
  }, [main, other, own, compared]);
  return (
    <Suspense fallback={<p className="results-empty">Loading the comparison…</p>}>
      <VersionComparison modes={modes} mode={shownMode(comparedMode, modes)} onModeChange={setComparedMode} runs={runs} dialect={dialect} pretty={pretty} />
    </Suspense>
  );
}

export function ResultsPane() {
  const runModes = usePlayground((s) => s.runModes);
  const result = usePlayground((s) => s.result);
  const partial = usePlayground((s) => s.partial);
  const status = usePlayground((s) => s.status);
  const slowRun = usePlayground((s) => s.slowRun);
  const pretty = usePlayground((s) => s.prettySql);
  const compareDialects = usePlayground((s) => s.compareDialects);
  const comparedVersion = usePlayground((s) => comparedRelease(s.scenario.sequelize, s.compareWithVersion));
  const hasResult = result !== null;
  // Once the first result is shown, fetch the schema and rows views and the
  // long-log view, so that opening one later does not wait.
  useEffect(() => {
    if (!hasResult) return;
    return afterNextPaint(() => {
      preloadDetailViews();
      preloadVirtualStatements();
    });
  }, [hasResult]);
  if (compareDialects) return <DialectComparisonPane />;
  if (comparedVersion !== null) return <VersionComparisonPane compared={comparedVersion} />;
  return <ResultsView modes={runModes} result={result} partial={partial} running={status === 'running'} busy={status === 'running' && slowRun} pretty={pretty} />;
}
