/** Connects the side-by-side results to the store. */
import { ResultsView } from '../components/results/ResultsView';
import { usePlayground } from '../store/store-context';

export function ResultsPane() {
  const runModes = usePlayground((s) => s.runModes);
  const result = usePlayground((s) => s.result);
  const partial = usePlayground((s) => s.partial);
  const status = usePlayground((s) => s.status);
  const pretty = usePlayground((s) => s.prettySql);
  return <ResultsView modes={runModes} result={result} partial={partial} running={status === 'running'} pretty={pretty} />;
}
