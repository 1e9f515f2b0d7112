/** Chooses which operations to compare, each shown as the call it makes. */
import { MODE_CALLS } from '../engine/modes';
import { MODES, type Mode } from '../engine/scenario';
import './ModePicker.css';

interface ModePickerProps {
  selected: readonly Mode[];
  onToggle(mode: Mode): void;
}

export function ModePicker({ selected, onToggle }: ModePickerProps) {
  return (
    <fieldset className="mode-picker" data-testid="mode-picker">
      <legend className="mode-picker__legend">Compare</legend>
      {MODES.map((mode) => {
        const on = selected.includes(mode);
        return (
          <label key={mode} className="mode-picker__mode" title={MODE_CALLS[mode]} data-on={on}>
            <input
              type="checkbox"
              checked={on}
              // The last mode stays: a scenario needs at least one.
              disabled={on && selected.length === 1}
              onChange={() => onToggle(mode)}
            />
            {mode}
          </label>
        );
      })}
    </fieldset>
  );
}
