/**
 * The whole result: the baseline, a summary strip of every mode, and one
 * column per mode side by side (a horizontally scrolling grid; stacked on
 * narrow screens).
 * Results stream in: while a run goes, finished modes show their new result
 * and the others their previous one, dimmed, so an automatic re-run after
 * typing does not flash every column to a skeleton.
 */
import type { CSSProperties } from 'react';
import type { ModeResult, RunResult, RunSection } from '../../engine/result';
import type { Dialect, Mode } from '../../engine/scenario';
import { BaselinePanel } from './BaselinePanel';
import { ModeColumn } from './ModeColumn';
import { SummaryStrip } from './SummaryStrip';
import './ResultsView.css';

export interface ResultsViewProps {
  modes: Mode[];
  /** The latest complete result (possibly of the previous run while `running`). */
  result: RunResult | null;
  /** What the current run has finished so far. */
  partial: { baseline: RunSection | null; modes: Partial<Record<Mode, ModeResult>> };
  running: boolean;
  /**
   * The run has gone on long enough to show it: dim the previous results and
   * show spinners. Before that a re-run looks like the previous result.
   */
  busy: boolean;
  pretty: boolean;
  /** Defaults to the result's dialect, else SQLite. */
  dialect?: Dialect;
}

export function ResultsView({ modes, result, partial, running, busy, pretty, dialect }: ResultsViewProps) {
  const shownDialect = dialect ?? result?.dialect ?? 'sqlite';
  // The previous baseline stays until the new one arrives: no panel blinking out.
  const baseline = running ? (partial.baseline ?? result?.baseline ?? null) : (result?.baseline ?? partial.baseline);
  const previous = (mode: Mode) => result?.modes.find((m) => m.mode === mode) ?? null;

  if (modes.length === 0) {
    return <p className="results-empty">Choose at least one mode to compare.</p>;
  }
  const style = { '--results-n': modes.length } as CSSProperties;
  return (
    <div className="results" style={style} aria-busy={running}>
      {baseline && <BaselinePanel baseline={baseline} dialect={shownDialect} pretty={pretty} />}
      {/* Outside the sideways-scrolling track, as wide as the pane: every
          mode's cell stays in view when the columns do not all fit (four
          at 1280px), and over the columns when they do. */}
      <div className="results-summary">
        <SummaryStrip result={result} modes={modes} running={busy} partial={partial.modes} baseline={baseline?.tables ?? null} />
      </div>
      <div className="results-scroll">
        <div className="results-track">
          <div className="results-grid">
            {modes.map((mode) => {
              const fresh = partial.modes[mode] ?? null;
              if (running) {
                return (
                  <ModeColumn
                    key={mode}
                    mode={mode}
                    result={fresh}
                    stale={fresh ? null : previous(mode)}
                    quiet={!busy}
                    baseline={fresh ? baseline : (result?.baseline ?? null)}
                    dialect={shownDialect}
                    pretty={pretty}
                  />
                );
              }
              const done = previous(mode) ?? fresh;
              return (
                <ModeColumn
                  key={mode}
                  mode={mode}
                  result={done}
                  idle={done === null}
                  baseline={baseline}
                  dialect={shownDialect}
                  pretty={pretty}
                />
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
