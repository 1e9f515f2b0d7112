/** Chooses the database the scenario runs on: SQLite (sql.js) or PostgreSQL (PGlite). */
import { DIALECTS, type Dialect } from '../engine/scenario';
import './ModePicker.css';

export const DIALECT_LABELS: Record<Dialect, { name: string; engine: string }> = {
  sqlite: { name: 'SQLite', engine: 'SQLite 3 compiled to WebAssembly (sql.js)' },
  postgres: { name: 'PostgreSQL', engine: 'PostgreSQL compiled to WebAssembly (PGlite), loaded on first use' },
};

interface DialectPickerProps {
  selected: Dialect;
  onChange(dialect: Dialect): void;
  /** One mode on both databases side by side. */
  compare: boolean;
  onCompareChange(on: boolean): void;
}

export function DialectPicker({ selected, onChange, compare, onCompareChange }: DialectPickerProps) {
  return (
    <fieldset className="mode-picker" data-testid="dialect-picker">
      <legend className="mode-picker__legend">Database</legend>
      {DIALECTS.map((dialect) => (
        <label key={dialect} className="mode-picker__mode" title={DIALECT_LABELS[dialect].engine} data-on={dialect === selected}>
          <input type="radio" name="dialect" value={dialect} checked={dialect === selected} onChange={() => onChange(dialect)} />
          {DIALECT_LABELS[dialect].name}
        </label>
      ))}
      <label className="mode-picker__mode" title="Run the scenario on both databases and show one mode side by side" data-on={compare}>
        <input type="checkbox" data-testid="compare-dialects" checked={compare} onChange={(e) => onCompareChange(e.target.checked)} />
        both, side by side
      </label>
    </fieldset>
  );
}
