/**
 * One row per mode for the summary strip: how much of the baseline's data
 * each mode kept, lost and added, how many statements it ran and whether it
 * failed, so force vs alter reads at a glance.
 */
import type { ModeResult, PhaseError, RunResult, Tables } from '../engine/result';
import type { Mode } from '../engine/scenario';
import { modeVerdict, type Verdict } from './verdict';

export interface SummaryRow {
  mode: Mode;
  call: string;
  verdict: Verdict;
  rowsBefore: number;
  rowsKept: number;
  rowsLost: number;
  rowsAdded: number;
  statements: number;
  destructiveStatements: number;
  error: PhaseError | null;
  durationMs: number;
}

export function modeSummary(mode: ModeResult, baseline: Tables | null = null): SummaryRow {
  return {
    mode: mode.mode,
    call: mode.call,
    verdict: modeVerdict(mode, baseline),
    rowsBefore: mode.loss.rowsBefore,
    rowsKept: mode.loss.rowsKept,
    rowsLost: mode.loss.rowsLost,
    rowsAdded: mode.loss.rowsAdded,
    statements: mode.log.length,
    destructiveStatements: mode.log.filter((entry) => entry.destructive).length,
    error: mode.error,
    durationMs: mode.durationMs,
  };
}

/** The summary of every mode of a run, in the run's column order. */
export function runSummary(result: RunResult): SummaryRow[] {
  return result.modes.map((mode) => modeSummary(mode, result.baseline.tables));
}
