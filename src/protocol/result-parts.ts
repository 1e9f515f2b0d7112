/**
 * A run's result crosses the worker boundary in parts: each section (the
 * baseline, each mode) once, in its `progress` message, then a small head.
 * Sending the whole result again at the end cloned every snapshot twice (a
 * 100,000-row table is a long task on the page), and gave the page new
 * objects for sections it had already drawn, so every column drew again.
 */
import type { ModeResult, RunResult, RunSection } from '../engine/result';
import type { Mode } from '../engine/scenario';
import type { RunProgress } from '../engine/run-scenario';

/** What a RunResult holds besides its sections, and which modes it has, in order. */
export type RunResultHead = Omit<RunResult, 'baseline' | 'modes'> & { modes: Mode[] };

export function resultHead({ baseline: _baseline, modes, ...rest }: RunResult): RunResultHead {
  return { ...rest, modes: modes.map((mode) => mode.mode) };
}

/** The sections of one run as its progress messages bring them. */
export class ResultSections {
  private baseline: RunSection | null = null;
  private readonly modes = new Map<Mode, ModeResult>();

  add(progress: RunProgress): void {
    if (progress.stage === 'baseline') this.baseline = progress.baseline;
    else this.modes.set(progress.stage, progress.mode);
  }

  /** The whole result, of the very objects the progress messages brought; null when a section never came. */
  assemble(head: RunResultHead): RunResult | null {
    const { modes: order, ...rest } = head;
    const modes = order.map((mode) => this.modes.get(mode));
    if (!this.baseline || modes.some((mode) => mode === undefined)) return null;
    return { ...rest, baseline: this.baseline, modes: modes as ModeResult[] };
  }
}
