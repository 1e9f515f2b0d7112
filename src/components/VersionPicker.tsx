/**
 * Chooses the Sequelize release the scenario runs on, and another release
 * to compare it with (one mode's statements of both, aligned). Chips as the
 * Database picker's; `data-testid="version-picker"`, its radios labelled by
 * version, the comparison's select `data-testid="compare-versions"`.
 */
import type { PickableRelease } from '../store/sequelize-releases';
import './ModePicker.css';
import './VersionPicker.css';

interface VersionPickerProps {
  releases: readonly PickableRelease[];
  /** The scenario's exact version (none of the releases when it names an unknown one). */
  selected: string;
  onChange(version: string): void;
  /** The release compared with, or null. */
  compareWith: string | null;
  onCompareWithChange(version: string | null): void;
}

const NO_COMPARISON = '';

export function VersionPicker({ releases, selected, onChange, compareWith, onCompareWithChange }: VersionPickerProps) {
  const others = releases.filter((r) => r.version !== selected);
  return (
    <fieldset className="mode-picker" data-testid="version-picker">
      <legend className="mode-picker__legend">Sequelize</legend>
      {releases.map(({ version, title }) => (
        <label key={version} className="mode-picker__mode" title={title} data-on={version === selected}>
          <input type="radio" name="sequelize-version" value={version} checked={version === selected} onChange={() => onChange(version)} />
          {version}
        </label>
      ))}
      <label
        className="mode-picker__mode version-picker__compare"
        title="Also run the scenario under another release, and show one mode's statements of both, aligned"
        data-on={compareWith !== null}
      >
        compare with
        <select
          data-testid="compare-versions"
          value={compareWith ?? NO_COMPARISON}
          onChange={(e) => onCompareWithChange(e.target.value === NO_COMPARISON ? null : e.target.value)}
        >
          <option value={NO_COMPARISON}>none</option>
          {others.map(({ version, title }) => (
            <option key={version} value={version} title={title}>
              {version}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
