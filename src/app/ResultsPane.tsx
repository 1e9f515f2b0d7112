/** Connects the side-by-side results to the store. */
import { useEffect } from 'react';
import { preloadDetailViews } from '../components/results/detail-views';
import { ResultsView } from '../components/results/ResultsView';
import { usePlayground } from '../store/store-context';

export function ResultsPane() {
  const runModes = usePlayground((s) => s.runModes);
  const result = usePlayground((s) => s.result);
  const partial = usePlayground((s) => s.partial);
  const status = usePlayground((s) => s.status);
  const slowRun = usePlayground((s) => s.slowRun);
  const pretty = usePlayground((s) => s.prettySql);
  const hasResult = result !== null;
  // Once the first result is shown, fetch the schema and rows views.
  useEffect(() => {
    if (hasResult) preloadDetailViews();
  }, [hasResult]);
  return <ResultsView modes={runModes} result={result} partial={partial} running={status === 'running'} busy={status === 'running' && slowRun} pretty={pretty} />;
}
