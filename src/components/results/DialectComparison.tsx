/**
 * One mode on SQLite and on PostgreSQL, side by side: the same scenario run
 * on both databases, each column the mode's full result (verdict, losses,
 * statements, schema and rows after) against its own dialect's baseline.
 * Columns are `data-testid="dialect-<dialect>"`, each holding the usual
 * `mode-<mode>` column.
 */
import type { CSSProperties } from 'react';
import type { RunResult } from '../../engine/result';
import { DIALECTS, type Dialect, type Mode } from '../../engine/scenario';
import { DatabaseDownloadContext } from './database-download';
import { ModeColumn } from './ModeColumn';
// The mode chips are the toolbar's (ModePicker.css).
import '../ModePicker.css';
import './DialectComparison.css';

export const DIALECT_NAMES: Record<Dialect, string> = { sqlite: 'SQLite (sql.js)', postgres: 'PostgreSQL (PGlite)' };

/** Where one dialect's run stands. */
export interface DialectRun {
  status: 'idle' | 'running' | 'done' | 'failed';
  result: RunResult | null;
  failure: { name: string; message: string } | null;
  /** What the run waits for (PostgreSQL loading), if anything. */
  note: string | null;
}

export interface DialectComparisonProps {
  modes: readonly Mode[];
  mode: Mode;
  onModeChange(mode: Mode): void;
  runs: Record<Dialect, DialectRun>;
  pretty: boolean;
}

function DialectColumn({ dialect, mode, run, pretty }: { dialect: Dialect; mode: Mode; run: DialectRun; pretty: boolean }) {
  const result = run.result?.modes.find((m) => m.mode === mode) ?? null;
  const running = run.status === 'running';
  return (
    <div className="dcmp-column" data-testid={`dialect-${dialect}`}>
      <h3 className="dcmp-dialect">
        {DIALECT_NAMES[dialect]}
        {running && run.note && (
          <span className="dcmp-note" role="status">
            {run.note}
          </span>
        )}
      </h3>
      {run.status === 'failed' && run.failure ? (
        <p className="dcmp-failure" role="alert">
          The run failed: {run.failure.message}
        </p>
      ) : (
        <ModeColumn
          mode={mode}
          result={running ? null : result}
          stale={running ? result : null}
          idle={!running && result === null}
          baseline={run.result?.baseline ?? null}
          dialect={dialect}
          pretty={pretty}
        />
      )}
    </div>
  );
}

export function DialectComparison({ modes, mode, onModeChange, runs, pretty }: DialectComparisonProps) {
  const style = { '--results-n': DIALECTS.length } as CSSProperties;
  return (
    <div className="results dcmp" style={style} data-testid="dialect-comparison">
      <fieldset className="mode-picker">
        <legend className="mode-picker__legend">Compare SQLite and PostgreSQL for</legend>
        {modes.map((m) => (
          <label key={m} className="mode-picker__mode" data-on={m === mode}>
            <input type="radio" name="compared-mode" value={m} checked={m === mode} onChange={() => onModeChange(m)} />
            {m}
          </label>
        ))}
      </fieldset>
      {/* Downloads fetch the last run's files, which here may be either dialect's: not offered. */}
      <DatabaseDownloadContext.Provider value={null}>
        <div className="results-grid dcmp-grid">
          {DIALECTS.map((dialect) => (
            <DialectColumn key={dialect} dialect={dialect} mode={mode} run={runs[dialect]} pretty={pretty} />
          ))}
        </div>
      </DatabaseDownloadContext.Provider>
    </div>
  );
}
