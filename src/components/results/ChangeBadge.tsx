/** Small shared marks of the schema and rows views: what happened to a table, a column, a row. */
import type { TableChange } from '../../engine/loss-diff';
import type { DiffStatus } from '../../results/schema-diff';
import './ChangeBadge.css';

const TABLE_LABEL: Record<TableChange, string> = {
  kept: 'changed',
  created: 'created',
  dropped: 'dropped',
  leftover: 'leftover',
};

const TABLE_TITLE: Record<TableChange, string> = {
  kept: 'The table is still there, with changes.',
  created: 'A model created this table: it was not in the baseline.',
  dropped: 'The table is gone, with every row it had.',
  leftover: 'A table no model owns, left behind (for example by a failed alter).',
};

export function ChangeBadge({ change, changed }: { change: TableChange; changed: boolean }) {
  if (change === 'kept' && !changed) return <span className="chg-badge chg-badge--same">unchanged</span>;
  return (
    <span className={`chg-badge chg-badge--${change}`} title={TABLE_TITLE[change]}>
      {TABLE_LABEL[change]}
    </span>
  );
}

const MARK: Record<DiffStatus, { sign: string; label: string }> = {
  same: { sign: '', label: '' },
  added: { sign: '+', label: 'added' },
  dropped: { sign: '−', label: 'dropped' },
  changed: { sign: '~', label: 'changed' },
};

/** A +, − or ~ sign, with its word for screen readers. */
export function StatusMark({ status }: { status: DiffStatus }) {
  const mark = MARK[status];
  if (!mark.sign) return null;
  return (
    <span className={`chg-mark chg-mark--${status}`} role="img" aria-label={mark.label} title={mark.label}>
      {mark.sign}
    </span>
  );
}
