/**
 * One release's side of the version comparison: its header (release, call,
 * verdict, error) and its statements, one per row of the aligned view. Both
 * sides are subgrids of one grid (VersionComparison.css), so a row is as
 * tall as the taller of its two statements and equal ones stay level.
 */
import { Fragment, useMemo } from 'react';
import type { ModeResult, Phase } from '../../engine/result';
import type { Dialect, Mode } from '../../engine/scenario';
import { MODE_CALLS } from '../../engine/modes';
import type { AlignedPhase, AlignedRow } from '../../results/log-alignment';
import { modeVerdict } from '../../results/verdict';
import { ErrorBox } from './ModeColumn';
import { QueryLog } from './QueryLog';
import { StatementItem } from './StatementItem';
import { VerdictBadge } from './VerdictBadge';
import type { VersionRun } from './VersionComparison';

/**
 * Rows shown per phase: past this a bulk insert's thousands of rows would
 * make every re-render slow (the single-release log, virtualised, shows them all).
 */
export const MAX_ALIGNED_ROWS = 400;

/** A mode's phases, shown even when empty, as the single-release log shows them. */
export const MODE_PHASES: readonly Phase[] = ['models', 'operation', 'after'];

interface VersionSideProps {
  side: 'left' | 'right';
  run: VersionRun;
  /** The other side's run, to say what a gap stands for. */
  other: VersionRun;
  mode: Mode;
  /** The mode's result of this release (fresh, or the last one while re-running), or null. */
  result: ModeResult | null;
  /** Both logs aligned, when both sides have a result. */
  aligned: readonly AlignedPhase[] | null;
  dialect: Dialect;
  pretty: boolean;
}

/** Grid rows a side takes: the header, then each phase's title and rows (and a "more" line), or one body row. */
export function rowCount(aligned: readonly AlignedPhase[] | null): number {
  if (!aligned) return 2;
  return 1 + aligned.reduce((sum, { rows }) => sum + 1 + Math.min(rows.length, MAX_ALIGNED_ROWS) + (rows.length > MAX_ALIGNED_ROWS ? 1 : 0), 0);
}

function statusOf(run: VersionRun, result: ModeResult | null): 'running' | 'done' | 'failed' | 'idle' {
  if (run.status === 'running') return 'running';
  if (run.status === 'failed') return 'failed';
  return result ? 'done' : 'idle';
}

function Row({ row, side, run, dialect, pretty }: { row: AlignedRow; side: 'left' | 'right'; run: VersionRun; dialect: Dialect; pretty: boolean }) {
  const statement = row[side];
  if (!statement) return <li className="vcmp-gap" aria-hidden="true" />;
  const note = row.diff === 'same' ? undefined : `only in ${run.version}`;
  return <StatementItem entry={statement.entry} index={statement.index} dialect={dialect} pretty={pretty} diff={{ kind: row.diff, note }} />;
}

function AlignedStatements({ aligned, side, run, dialect, pretty }: { aligned: readonly AlignedPhase[]; side: 'left' | 'right'; run: VersionRun; dialect: Dialect; pretty: boolean }) {
  return aligned.map(({ phase, rows }) => {
    const count = rows.filter((row) => row[side] !== null).length;
    return (
      <Fragment key={phase}>
        <h4 className="qlog-phase-title vcmp-phase">
          <span className="qlog-phase-name">{phase}</span>
          <span className="qlog-phase-count">{count}</span>
        </h4>
        <ol className="vcmp-list" aria-label={`${phase}: ${count} statements`}>
          {rows.slice(0, MAX_ALIGNED_ROWS).map((row, i) => (
            <Row key={i} row={row} side={side} run={run} dialect={dialect} pretty={pretty} />
          ))}
          {rows.length > MAX_ALIGNED_ROWS && (
            <li className="vcmp-more">{`${rows.length - MAX_ALIGNED_ROWS} more lines not shown: turn the comparison off to see the whole log.`}</li>
          )}
        </ol>
      </Fragment>
    );
  });
}

export function VersionSide({ side, run, other, mode, result, aligned, dialect, pretty }: VersionSideProps) {
  const status = statusOf(run, result);
  const call = result?.call ?? MODE_CALLS[mode];
  const baseline = run.result?.baseline.tables ?? null;
  const verdict = useMemo(() => result && modeVerdict(result, baseline), [result, baseline]);
  // While re-running, the last result stays, dimmed, so the view does not flash.
  const stale = status === 'running' && result !== null;
  return (
    <section
      className={`vcmp-side${stale ? ' vcmp-side--stale' : ''}`}
      data-testid={`version-${run.version}`}
      data-status={status}
      aria-label={`Sequelize ${run.version}: ${call}`}
      aria-busy={status === 'running'}
      style={{ gridColumn: side === 'left' ? 1 : 2, gridRow: `1 / span ${rowCount(aligned)}` }}
    >
      <header className="vcmp-head">
        <div className="vcmp-title-row">
          <h3 className="vcmp-version">{`Sequelize ${run.version}`}</h3>
          <span className="vcmp-role">{run.role === 'scenario' ? 'the scenario’s' : 'compared'}</span>
          {status === 'running' && (
            <span className="mcol-rerun" role="status">
              <span className="mcol-spinner" aria-hidden="true" />
              {run.note ?? 'running…'}
            </span>
          )}
          {result && <span className="mcol-time">{`${Math.round(result.durationMs)} ms`}</span>}
        </div>
        <code className="mcol-call">{call}</code>
        {verdict && <VerdictBadge verdict={verdict} testId="verdict" />}
        {result?.error && <ErrorBox error={result.error} className="vcmp-error" />}
        {status === 'failed' && (
          <p className="vcmp-failure" role="alert">
            The run failed: {run.failure?.message ?? 'no reason given'}
          </p>
        )}
      </header>
      {aligned ? (
        <AlignedStatements aligned={aligned} side={side} run={run} dialect={dialect} pretty={pretty} />
      ) : (
        <div className="vcmp-body">
          {result ? (
            <QueryLog log={result.log} dialect={dialect} pretty={pretty} phases={MODE_PHASES} operation={result.call} />
          ) : (
            <p className="vcmp-waiting">
              {status === 'running' ? `Running ${call}…` : status === 'failed' ? 'Nothing to compare.' : 'Not run.'}
            </p>
          )}
          {result && (
            <p className="vcmp-waiting">
              {other.status === 'failed' ? `Nothing to align with: ${other.version}'s run failed.` : `Aligned with ${other.version} once its run is done.`}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
