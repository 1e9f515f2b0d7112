/**
 * One mode under two Sequelize releases, side by side: each release's
 * verdict, then both statement logs aligned phase by phase
 * (src/results/log-alignment.ts), so that what one release runs and the
 * other does not stands out. The older release is on the left.
 *
 * Stable hooks for tests: the view is `data-testid="version-comparison"`;
 * each side `data-testid="version-<exact version>"` with `data-status`
 * ('running' | 'done' | 'failed' | 'idle'); each statement an `li` with
 * `data-sql` (the exact text run, never masked), `data-phase` and
 * `data-diff`: `same` (both releases ran it, at this place), `only-left`
 * (only the left, older release) or `only-right` (only the right one).
 * Gaps opposite a one-sided statement are `li.vcmp-gap`, without `data-sql`.
 */
import { useMemo } from 'react';
import type { ModeResult } from '../../engine/result';
import type { Dialect, Mode } from '../../engine/scenario';
import { alignLogs, countDiffs } from '../../results/log-alignment';
import { MODE_PHASES, VersionSide } from './VersionSide';
import { ComparedModePicker, type ComparedRun } from './ComparedModePicker';
import './VersionComparison.css';

/** Where one release's run stands. */
export interface VersionRun extends ComparedRun {
  /** The exact version. */
  version: string;
  /** Whether this is the scenario's own release or the one it is compared with. */
  role: 'scenario' | 'compared';
}

export interface VersionComparisonProps {
  modes: readonly Mode[];
  mode: Mode;
  onModeChange(mode: Mode): void;
  /** The two runs, older release first. */
  runs: readonly [VersionRun, VersionRun];
  dialect: Dialect;
  pretty: boolean;
}

/** The mode's result of a run, while it is this release's (a run of another release may still be there). */
function modeOf(run: VersionRun, mode: Mode): ModeResult | null {
  // A failed run's last result is of other code: the failure is what is shown.
  if (run.status === 'failed' || run.result?.sequelizeVersion !== run.version) return null;
  return run.result.modes.find((m) => m.mode === mode) ?? null;
}

export function VersionComparison({ modes, mode, onModeChange, runs, dialect, pretty }: VersionComparisonProps) {
  const [left, right] = runs;
  const leftMode = modeOf(left, mode);
  const rightMode = modeOf(right, mode);
  const aligned = useMemo(
    () => (leftMode && rightMode ? alignLogs(leftMode.log, rightMode.log, MODE_PHASES) : null),
    [leftMode, rightMode],
  );
  const counts = aligned && countDiffs(aligned);
  return (
    <div className="results vcmp" data-testid="version-comparison">
      <div className="vcmp-bar">
        <ComparedModePicker legend={`Compare Sequelize ${left.version} and ${right.version} for`} modes={modes} mode={mode} onModeChange={onModeChange} />
        {counts && (
          <p className="vcmp-counts" data-testid="version-diff-counts">
            <span>{`${counts.same} the same`}</span>
            <span className="vcmp-count" data-diff="only-left">{`${counts['only-left']} only in ${left.version}`}</span>
            <span className="vcmp-count" data-diff="only-right">{`${counts['only-right']} only in ${right.version}`}</span>
          </p>
        )}
      </div>
      <div className="vcmp-grid">
        <VersionSide side="left" run={left} other={right} mode={mode} result={leftMode} aligned={aligned} dialect={dialect} pretty={pretty} />
        <VersionSide side="right" run={right} other={left} mode={mode} result={rightMode} aligned={aligned} dialect={dialect} pretty={pretty} />
      </div>
    </div>
  );
}
