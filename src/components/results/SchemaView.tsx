/**
 * The schema after a mode, table by table, against the baseline: added
 * columns, dropped ones struck through in place, changed ones with the old
 * definition beside the new; index and foreign-key changes; tables dropped,
 * created or left over labelled. With no baseline it shows the schema plain.
 */
import { memo, useMemo } from 'react';
import type { ColumnSnapshot, ForeignKeySnapshot, IndexSnapshot, Tables } from '../../engine/result';
import type { LossReport } from '../../engine/loss-diff';
import { diffSchemas, type ColumnDiff, type DiffStatus, type TableSchemaDiff } from '../../results/schema-diff';
import { plural } from '../../results/verdict';
import { ChangeBadge, StatusMark } from './ChangeBadge';
import './SchemaView.css';

export interface SchemaViewProps {
  /** The tables after the mode. */
  tables: Tables;
  /** The baseline's tables; null shows the schema without comparing. */
  baseline: Tables | null;
  /** The mode's loss report, which knows a created table from a leftover one. */
  loss?: LossReport | null;
}

function flags(column: ColumnSnapshot): string {
  const parts: string[] = [];
  if (column.primaryKey) parts.push('PK');
  if (column.notNull) parts.push('NOT NULL');
  if (column.default !== null) parts.push(`DEFAULT ${column.default}`);
  return parts.join(' · ');
}

function ColumnRow({ diff, plain }: { diff: ColumnDiff; plain: boolean }) {
  const { column } = diff;
  const status = plain ? 'same' : diff.status;
  const typeChange = diff.changes.find((c) => c.field === 'type');
  const otherChanges = diff.changes.filter((c) => c.field !== 'type');
  return (
    <tr className={`schema-col schema-col--${status}`}>
      <td className="schema-mark">
        <StatusMark status={status} />
      </td>
      <td className="schema-colname">{diff.name}</td>
      <td className="schema-type">
        {column.type || <span className="schema-muted">(no type)</span>}
        {typeChange && <del className="schema-was" title={`was ${typeChange.before}`}>{typeChange.before}</del>}
      </td>
      <td className="schema-flags">
        {flags(column)}
        {otherChanges.map((c) => (
          <span key={c.field} className="schema-change">
            {c.field} <del className="schema-was">{c.before}</del> → {c.after}
          </span>
        ))}
      </td>
    </tr>
  );
}

function indexText(index: IndexSnapshot): string {
  return `${index.unique ? 'UNIQUE ' : ''}${index.name} (${index.columns.join(', ')})`;
}

function keyText(fk: ForeignKeySnapshot): string {
  return `${fk.columns.join(', ')} → ${fk.table}(${fk.references.join(', ')}) ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate}`;
}

function Extra({ label, items }: { label: string; items: Array<{ key: string; status: DiffStatus; text: string; was?: string }> }) {
  if (items.length === 0) return null;
  return (
    <div className="schema-extra">
      <div className="schema-extra-label">{label}</div>
      {items.map((item) => (
        <div key={item.key} className={`schema-extra-item schema-col--${item.status}`}>
          <StatusMark status={item.status} />
          <code>{item.text}</code>
          {item.was !== undefined && <del className="schema-was">{item.was}</del>}
        </div>
      ))}
    </div>
  );
}

const TableSchema = memo(function TableSchema({ diff, rows, plain }: { diff: TableSchemaDiff; rows: number; plain: boolean }) {
  const changedColumns = diff.columns.filter((c) => c.status !== 'same').length;
  const status = (s: DiffStatus): DiffStatus => (plain ? 'same' : s);
  return (
    <details className={`schema-table schema-table--${diff.change}`} open={plain || diff.changed}>
      <summary className="schema-table-head">
        <span className="schema-table-name">{diff.table}</span>
        {!plain && <ChangeBadge change={diff.change} changed={diff.changed} />}
        <span className="schema-table-meta">
          {plural(diff.columns.length, 'column')}
          {!plain && changedColumns > 0 && ` · ${changedColumns} changed`} · {plural(rows, 'row')}
        </span>
      </summary>
      <table className="schema-cols">
        <caption className="visually-hidden">Columns of {diff.table}</caption>
        <thead className="visually-hidden">
          <tr>
            <th scope="col">Change</th>
            <th scope="col">Column</th>
            <th scope="col">Type</th>
            <th scope="col">Constraints</th>
          </tr>
        </thead>
        <tbody>
          {diff.columns.map((c) => (
            <ColumnRow key={c.name} diff={c} plain={plain} />
          ))}
        </tbody>
      </table>
      <Extra
        label="Indexes"
        items={diff.indexes.map((i) => ({
          key: i.index.name,
          status: status(i.status),
          text: indexText(i.index),
          ...(i.was && !plain ? { was: indexText(i.was) } : {}),
        }))}
      />
      <Extra
        label="Foreign keys"
        items={diff.foreignKeys.map((f, n) => ({
          key: `${n}`,
          status: status(f.status),
          text: keyText(f.foreignKey),
          ...(f.was && !plain ? { was: `ON DELETE ${f.was.onDelete} ON UPDATE ${f.was.onUpdate}` } : {}),
        }))}
      />
    </details>
  );
});

export function SchemaView({ tables, baseline, loss = null }: SchemaViewProps) {
  const diffs = useMemo(() => diffSchemas(baseline, tables, loss), [baseline, tables, loss]);
  if (diffs.length === 0) return <p className="schema-empty">No tables.</p>;
  return (
    <div className="schema">
      {diffs.map((diff) => (
        <TableSchema
          key={diff.table}
          diff={diff}
          plain={baseline === null}
          rows={(tables[diff.table] ?? baseline?.[diff.table])?.rows.length ?? 0}
        />
      ))}
    </div>
  );
}
