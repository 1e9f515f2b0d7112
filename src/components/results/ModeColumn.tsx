/**
 * One mode's result: the exact call, the verdict, the error and console
 * output, then the statements, the schema after and the rows after.
 * `data-testid="mode-<mode>"` and `data-status` ('running' | 'done', done
 * also when the mode failed) are a stable contract for tests.
 */
import { memo, useMemo } from 'react';
import type { ModeResult, Phase, PhaseError, RunSection } from '../../engine/result';
import type { Dialect, Mode } from '../../engine/scenario';
import { MODE_CALLS } from '../../engine/modes';
import { modeVerdict } from '../../results/verdict';
import { DownloadDatabaseButton } from './database-download';
import { Disclosure } from './Disclosure';
import { QueryLog } from './QueryLog';
import { RowsDetails, SchemaDetails } from './detail-views';
import { VerdictBadge } from './VerdictBadge';
import { lossMeta, schemaMeta } from '../../results/mode-meta';
import './ModeColumn.css';

export interface ModeColumnProps {
  mode: Mode;
  /** null while the mode is running (or, with `idle`, when it did not run). */
  result: ModeResult | null;
  baseline: RunSection | null;
  dialect: Dialect;
  pretty: boolean;
  /** No result and none coming: the run stopped before this mode. */
  idle?: boolean;
  /**
   * While running: the previous run's result, shown dimmed instead of a
   * skeleton so re-running after each edit does not flash (status stays 'running').
   */
  stale?: ModeResult | null;
  /**
   * A re-run that has just started: the stale result is shown as it was,
   * not dimmed and without a spinner (status is still 'running').
   */
  quiet?: boolean;
}

/** A mode's phases, shown even when empty: an operation that ran nothing says something. */
const MODE_PHASES: readonly Phase[] = ['models', 'operation', 'after'];

/**
 * The error as `phase: name: message` in the alert's text (tests read it
 * so), laid out as a box; where in the user's code it happened, beside it.
 */
export function ErrorBox({ error, className = '' }: { error: PhaseError; className?: string }) {
  const where = error.location;
  return (
    <div className={`mcol-error ${className}`}>
      <div role="alert">
        <span className="mcol-error-phase">{error.phase}</span>
        <span className="visually-hidden">: </span>
        <span className="mcol-error-name">{error.name}</span>
        <span className="visually-hidden">: </span>
        <span className="mcol-error-message">{error.message}</span>
      </div>
      {where && (
        <p className="mcol-error-where">
          at {where.field}, line {where.line}
          {where.column !== null && `, column ${where.column}`}
        </p>
      )}
    </div>
  );
}

function Running({ call, idle }: { call: string; idle: boolean }) {
  if (idle) return <p className="mcol-idle">Not run.</p>;
  return (
    <div className="mcol-running">
      <p className="mcol-running-text" role="status">
        <span className="mcol-spinner" aria-hidden="true" />
        <span>
          Running <code>{call}</code>…
        </span>
      </p>
      <div className="mcol-skeleton" aria-hidden="true">
        <span />
        <span />
        <span />
        <span />
      </div>
    </div>
  );
}

// Memoised: starting a re-run turns the same result into the stale one
// shown meanwhile, and re-rendering a long log for that is wasted work.
const Done = memo(function Done({ result, baseline, dialect, pretty }: { result: ModeResult; baseline: RunSection | null; dialect: Dialect; pretty: boolean }) {
  const verdict = useMemo(() => modeVerdict(result, baseline?.tables ?? null), [result, baseline]);
  const destructive = useMemo(() => result.log.filter((e) => e.destructive).length, [result]);
  const baselineTables = baseline?.tables ?? null;
  // The error box below says the message; the details need not repeat it.
  const details = verdict.details.filter((d) => d !== result.error?.message);
  return (
    <>
      <div className="mcol-verdict-block">
        <VerdictBadge verdict={verdict} testId="verdict" />
        {details.length > 0 && (
          <div className="mcol-details">
            {details.map((detail, i) => (
              <p key={i} className="mcol-detail">
                {detail}
              </p>
            ))}
          </div>
        )}
      </div>
      {result.error && <ErrorBox error={result.error} />}
      {result.console.length > 0 && (
        <div className="mcol-console">
          <div className="mcol-label">Console</div>
          <pre data-testid="console" className="mcol-console-text">
            {result.console.join('\n')}
          </pre>
        </div>
      )}
      <Disclosure
        title="Statements"
        defaultOpen
        meta={`${result.log.length}${destructive > 0 ? ` · ${destructive} destructive` : ''}`}
      >
        {() => <QueryLog log={result.log} dialect={dialect} pretty={pretty} phases={MODE_PHASES} operation={result.call} />}
      </Disclosure>
      <Disclosure title="Schema after" meta={schemaMeta(result.loss)}>
        {() => <SchemaDetails tables={result.tables} baseline={baselineTables} loss={result.loss} />}
      </Disclosure>
      <Disclosure title="Rows after" meta={lossMeta(result.loss)}>
        {() => <RowsDetails tables={result.tables} baseline={baselineTables} loss={result.loss} pairings={result.rowPairings} />}
      </Disclosure>
    </>
  );
});

export const ModeColumn = memo(function ModeColumn({ mode, result, baseline, dialect, pretty, idle = false, stale = null, quiet = false }: ModeColumnProps) {
  const call = result?.call ?? MODE_CALLS[mode];
  const status = result ? 'done' : idle ? 'idle' : 'running';
  const shownStale = status === 'running' ? stale : null;
  const shown = result ?? shownStale;
  // Quiet: the previous result looks exactly as it did (see `quiet`).
  const dimmed = shownStale !== null && !quiet;
  const headed = result ?? (quiet ? shownStale : null);
  return (
    <section
      className={`mcol mcol--${status}`}
      data-testid={`mode-${mode}`}
      data-status={status}
      aria-label={`${mode}: ${call}`}
      aria-busy={status === 'running'}
    >
      <header className="mcol-head">
        <div className="mcol-title-row">
          <h3 className="mcol-mode">{mode}</h3>
          {dimmed && (
            <span className="mcol-rerun" role="status">
              <span className="mcol-spinner" aria-hidden="true" />
              running…
            </span>
          )}
          {headed && (
            <span className="mcol-time" title="Time this mode took, from a copy of the baseline to its snapshot">
              {Math.round(headed.durationMs)} ms
            </span>
          )}
          {/* A SQLite database is one file; a PostgreSQL cluster is not offered (tens of MB). */}
          {headed && dialect === 'sqlite' && <DownloadDatabaseButton stage={mode} />}
        </div>
        <code className="mcol-call">{call}</code>
      </header>
      {shown ? (
        // One element for fresh and stale results, so open sections stay open across runs.
        <div className={`mcol-body${dimmed ? ' mcol-stale' : ''}`} inert={dimmed}>
          <Done result={shown} baseline={baseline} dialect={dialect} pretty={pretty} />
        </div>
      ) : (
        <Running call={call} idle={idle} />
      )}
    </section>
  );
});
