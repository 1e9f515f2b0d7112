/**
 * One mode on SQLite and on PostgreSQL, side by side: the same scenario run
 * on both databases, each column the mode's full result (verdict, losses,
 * statements, schema and rows after) against its own dialect's baseline.
 * Columns are `data-testid="dialect-<dialect>"`, each holding the usual
 * `mode-<mode>` column.
 */
import type { CSSProperties } from 'react';
import { DIALECTS, type Dialect, type Mode } from '../../engine/scenario';
import { ComparedModePicker, type ComparedRun } from './ComparedModePicker';
import { DatabaseDownloadContext } from './database-download';
import { ModeColumn } from './ModeColumn';
import './DialectComparison.css';

export const DIALECT_NAMES: Record<Dialect, string> = { sqlite: 'SQLite (sql.js)', postgres: 'PostgreSQL (PGlite)' };

/** Where one dialect's run stands. */
export type DialectRun = ComparedRun;

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
      <ComparedModePicker legend="Compare SQLite and PostgreSQL for" modes={modes} mode={mode} onModeChange={onModeChange} />
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
