/**
 * What the comparisons (dialects, releases) share: the chips that choose the
 * one mode they show, and the shape of a run each side shows.
 */
import type { RunResult } from '../../engine/result';
import type { Mode } from '../../engine/scenario';
// The mode chips are the toolbar's.
import '../ModePicker.css';

/** Where one side's run stands. */
export interface ComparedRun {
  status: 'idle' | 'running' | 'done' | 'failed';
  result: RunResult | null;
  failure: { name: string; message: string } | null;
  /** What the run waits for (PostgreSQL loading), if anything. */
  note: string | null;
}

interface ComparedModePickerProps {
  legend: string;
  modes: readonly Mode[];
  mode: Mode;
  onModeChange(mode: Mode): void;
}

export function ComparedModePicker({ legend, modes, mode, onModeChange }: ComparedModePickerProps) {
  return (
    <fieldset className="mode-picker">
      <legend className="mode-picker__legend">{legend}</legend>
      {modes.map((m) => (
        <label key={m} className="mode-picker__mode" data-on={m === mode}>
          <input type="radio" name="compared-mode" value={m} checked={m === mode} onChange={() => onModeChange(m)} />
          {m}
        </label>
      ))}
    </fieldset>
  );
}
