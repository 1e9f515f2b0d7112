/**
 * One strip across the mode columns: per mode, a bar of the baseline's rows
 * kept and lost, so force vs alter reads at a glance, with the numbers (rows
 * added too); the statement count; an error badge. A real
 * table: each mode is a column header, its cell says the numbers in words.
 */
import { useMemo } from 'react';
import type { ModeResult, RunResult, Tables } from '../../engine/result';
import type { Mode } from '../../engine/scenario';
import { MODE_CALLS } from '../../engine/modes';
import { modeSummary, type SummaryRow } from '../../results/run-summary';
import { plural } from '../../results/verdict';
import './SummaryStrip.css';

export interface SummaryStripProps {
  result: RunResult | null;
  modes: readonly Mode[];
  running: boolean;
  /** Modes finished so far while `result` is not there yet. */
  partial?: Partial<Record<Mode, ModeResult>>;
  /** The baseline's tables, for the verdicts of partial results. */
  baseline?: Tables | null;
}

/**
 * Brings a mode's column into view: at 1280px four columns do not all fit
 * beside the editor, and the strip shows every mode while they scroll.
 * Its header is what is scrolled to: a column taller than the pane, taken
 * whole, would scroll the strip itself out of view.
 */
function showColumn(mode: Mode) {
  const column = document.querySelector(`[data-testid="mode-${mode}"]`);
  const header = column?.querySelector('.mcol-head') ?? column;
  const behavior = matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
  header?.scrollIntoView({ behavior, block: 'nearest', inline: 'nearest' });
}

/** The baseline's rows, kept then lost: every mode starts from the same rows, so the bars compare. */
function Bar({ row }: { row: SummaryRow }) {
  if (row.rowsBefore === 0) return <div className="summary-bar summary-bar--empty" aria-hidden="true" />;
  const pct = (n: number) => `${(n / row.rowsBefore) * 100}%`;
  return (
    <div className="summary-bar" aria-hidden="true">
      {row.rowsKept > 0 && <span className="summary-bar-kept" style={{ width: pct(row.rowsKept) }} />}
      {row.rowsLost > 0 && <span className="summary-bar-lost" style={{ width: pct(row.rowsLost) }} />}
    </div>
  );
}

function Cell({ row, running }: { row: SummaryRow | undefined; running: boolean }) {
  if (!row) {
    return (
      <td className="summary-cell summary-cell--pending">
        {running ? (
          <span className="summary-pending">
            <span className="summary-spinner" aria-hidden="true" />
            running…
          </span>
        ) : (
          <span className="summary-pending">not run</span>
        )}
      </td>
    );
  }
  return (
    <td className="summary-cell">
      <Bar row={row} />
      <div className="summary-numbers">
        <span className="summary-kept">{`${row.rowsKept} kept`}</span>
        <span className={row.rowsLost > 0 ? 'summary-lost' : 'summary-zero'}>{`${row.rowsLost} lost`}</span>
        {row.rowsAdded > 0 && <span className="summary-added">{`${row.rowsAdded} new`}</span>}
        <span className="summary-of">{`of ${plural(row.rowsBefore, 'row')}`}</span>
      </div>
      <div className="summary-foot">
        <span className="summary-stmts" title={`${row.destructiveStatements} of them can destroy data`}>
          {plural(row.statements, 'statement')}
          {row.destructiveStatements > 0 && <span className="summary-destructive">{` · ${row.destructiveStatements} destructive`}</span>}
        </span>
        {row.error && (
          <span className="summary-error" title={`${row.error.phase}: ${row.error.name}: ${row.error.message}`}>
            {`${row.error.name} in ${row.error.phase}`}
          </span>
        )}
      </div>
    </td>
  );
}

export function SummaryStrip({ result, modes, running, partial = {}, baseline = null }: SummaryStripProps) {
  const rows = useMemo(() => {
    const byMode = new Map<Mode, SummaryRow>();
    const base = result?.baseline.tables ?? baseline;
    for (const mode of modes) {
      // A mode of the current run, else (unless the run shows as running) the previous result's.
      const found = partial[mode] ?? (running ? undefined : result?.modes.find((m) => m.mode === mode));
      if (found) byMode.set(mode, modeSummary(found, base));
    }
    return byMode;
  }, [result, modes, running, partial, baseline]);
  return (
    <table className="summary">
      <caption className="visually-hidden">Baseline rows kept and lost, per mode</caption>
      <thead>
        <tr>
          {modes.map((mode) => (
            <th key={mode} scope="col" className="summary-mode" title={MODE_CALLS[mode]} data-testid={`summary-${mode}`}>
              <button type="button" className="summary-mode-link" onClick={() => showColumn(mode)}>
                {mode}
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          {modes.map((mode) => (
            <Cell key={mode} row={rows.get(mode)} running={running} />
          ))}
        </tr>
      </tbody>
    </table>
  );
}
