/** Where the engine and the latest run stand, in words (a live region). */
import type { EngineStatus, RunStatus as Status } from '../store/run-slice';
import './RunStatus.css';

interface RunStatusProps {
  engine: EngineStatus;
  status: Status;
  elapsedMs: number | null;
  failure: { name: string; message: string } | null;
  /** What the run waits for (PostgreSQL downloading or starting), if anything. */
  loadingNote?: string | null;
}

export function RunStatus({ engine, status, elapsedMs, failure, loadingNote = null }: RunStatusProps) {
  if (failure && status === 'failed') {
    return (
      <p className="run-status run-status--failed" role="alert" data-testid="run-status">
        {failure.name === 'ScenarioError' ? 'The scenario cannot run: ' : 'The run failed: '}
        {failure.message}
      </p>
    );
  }
  let text = 'Ready';
  if (engine === 'loading') text = 'Loading Sequelize and SQLite (WebAssembly)…';
  else if (status === 'running') text = loadingNote ?? 'Running…';
  else if (status === 'done' && elapsedMs !== null) text = `Ran in ${elapsedMs} ms`;
  return (
    <p className="run-status" role="status" data-testid="run-status" data-busy={engine === 'loading' || status === 'running'}>
      {(engine === 'loading' || status === 'running') && <span className="run-status__spinner" aria-hidden="true" />}
      {text}
    </p>
  );
}
