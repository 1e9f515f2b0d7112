/**
 * The rows after a mode, for every table, against the baseline: tables whose
 * rows and values are untouched fold into one line; the others show lost
 * rows struck, changed and nulled values with the old value beside them, and
 * new rows. Each table's diff is computed once (useMemo) and only for tables
 * whose section is drawn.
 */
import { memo, useMemo, useState } from 'react';
import type { TableSnapshot, Tables } from '../../engine/result';
import type { LossReport, TableChange, TableLoss } from '../../engine/loss-diff';
import type { PackedRowPairing } from '../../engine/row-matching';
import { changedRowsOnly, diffTableRows, type TableRowDiff } from '../../results/row-diff';
import { plural } from '../../results/verdict';
import { ChangeBadge } from './ChangeBadge';
import { RowsTable } from './RowsTable';
import './RowsView.css';

export interface RowsViewProps {
  /** The tables after the mode. */
  tables: Tables;
  /** The baseline's tables; null shows the rows without comparing. */
  baseline: Tables | null;
  /** The mode's loss report, which knows a created table from a leftover one. */
  loss?: LossReport | null;
  /** How the loss report paired each table's rows (from the worker): not paired again here. */
  pairings?: Record<string, PackedRowPairing>;
}

interface TableRowsProps {
  name: string;
  before: TableSnapshot | undefined;
  after: TableSnapshot | undefined;
  change: TableChange;
  /** The loss report's line for the table: says whether anything changed without pairing rows. */
  reported: TableLoss | undefined;
  plain: boolean;
  pairing: PackedRowPairing | undefined;
}

function counts(diff: TableRowDiff): string {
  const parts: string[] = [];
  if (diff.lost > 0) parts.push(`${diff.lost} lost`);
  if (diff.added > 0) parts.push(`${diff.added} new`);
  if (diff.valuesNulled > 0) parts.push(`${plural(diff.valuesNulled, 'value')} nulled`);
  const changed = diff.valuesChanged - diff.valuesNulled;
  if (changed > 0) parts.push(`${plural(changed, 'value')} changed`);
  const added = diff.columns.filter((c) => c.presence === 'added').length;
  const dropped = diff.columns.filter((c) => c.presence === 'dropped').length;
  if (added > 0) parts.push(`${plural(added, 'column')} added`);
  if (dropped > 0) parts.push(`${plural(dropped, 'column')} dropped`);
  return parts.join(' · ');
}

function reportsChange(t: TableLoss): boolean {
  return t.change !== 'kept' || t.rowsLost + t.rowsAdded + t.valuesChanged + t.columnsAdded.length + t.columnsDropped.length > 0;
}

/** A table's rows as they are, without colours (a plain diff pairs nothing). */
function PlainRows({ name, table }: { name: string; table: TableSnapshot | undefined }) {
  const diff = useMemo(() => diffTableRows(undefined, table), [table]);
  if (diff.rows.length === 0) return <p className="rowsv-empty">No rows.</p>;
  return <RowsTable name={name} diff={diff} rows={diff.rows} plain />;
}

/** A table with no difference: one line, its rows drawn only when opened. */
function UnchangedTable({ name, table }: { name: string; table: TableSnapshot | undefined }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="rowsv-table rowsv-table--same" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="rowsv-head">
        <span className="rowsv-name">{name}</span>
        <span className="rowsv-meta">{`unchanged, ${plural(table?.rows.length ?? 0, 'row')}`}</span>
      </summary>
      {open && <PlainRows name={name} table={table} />}
    </details>
  );
}

function PlainTable({ name, table }: { name: string; table: TableSnapshot | undefined }) {
  return (
    <section className="rowsv-table rowsv-table--plain" aria-label={`Rows of ${name}`}>
      <div className="rowsv-head">
        <span className="rowsv-name">{name}</span>
        <span className="rowsv-meta">{plural(table?.rows.length ?? 0, 'row')}</span>
      </div>
      <PlainRows name={name} table={table} />
    </section>
  );
}

function ChangedTable({ name, diff, change }: { name: string; diff: TableRowDiff; change: TableChange }) {
  const [onlyChanges, setOnlyChanges] = useState(false);
  const shown = useMemo(() => (onlyChanges ? changedRowsOnly(diff) : diff.rows), [diff, onlyChanges]);
  const unchangedRows = diff.kept - diff.changedRows;
  return (
    <section className={`rowsv-table rowsv-table--${change}`} aria-label={`Rows of ${name}`}>
      <div className="rowsv-head">
        <span className="rowsv-name">{name}</span>
        <ChangeBadge change={change} changed />
        <span className="rowsv-meta">
          {[counts(diff), `${plural(diff.after?.rows.length ?? 0, 'row')} after`].filter(Boolean).join(' · ')}
        </span>
        {unchangedRows > 0 && diff.rows.length > 1 && (
          <label className="rowsv-filter">
            <input type="checkbox" checked={onlyChanges} onChange={(e) => setOnlyChanges(e.currentTarget.checked)} />
            only changes
          </label>
        )}
      </div>
      {diff.rows.length > 0 ? (
        <RowsTable name={name} diff={diff} rows={shown} plain={false} />
      ) : (
        <p className="rowsv-empty">No rows{change === 'dropped' ? ' (the table is gone)' : ''}.</p>
      )}
    </section>
  );
}

/** Pairs the rows (once) and shows the table changed, or folded if nothing differs after all. */
function DiffedTable({ name, before, after, change, pairing }: TableRowsProps) {
  const diff = useMemo(() => diffTableRows(before, after, pairing), [before, after, pairing]);
  if (change === 'kept' && !diff.changed) return <UnchangedTable name={name} table={after} />;
  return <ChangedTable name={name} diff={diff} change={change} />;
}

const TableRows = memo(function TableRows(props: TableRowsProps) {
  if (props.plain) return <PlainTable name={props.name} table={props.after} />;
  // The loss report already knows an untouched table: no need to pair its rows.
  if (props.reported && !reportsChange(props.reported)) return <UnchangedTable name={props.name} table={props.after} />;
  return <DiffedTable {...props} />;
});

/** Without a loss report: what computeLoss would say with no model list. */
function guessChange(name: string, baseline: Tables | null, after: Tables): TableChange {
  if (!after[name]) return 'dropped';
  if (baseline && !baseline[name]) return /_backup$/.test(name) ? 'leftover' : 'created';
  return 'kept';
}

export function RowsView({ tables, baseline, loss = null, pairings }: RowsViewProps) {
  const names = useMemo(() => [...new Set([...Object.keys(baseline ?? {}), ...Object.keys(tables)])].sort(), [baseline, tables]);
  if (names.length === 0) return <p className="rowsv-empty">No tables.</p>;
  return (
    <div className="rowsv">
      {names.map((name) => {
        const reported = loss?.tables.find((t) => t.table === name);
        return (
          <TableRows
            key={name}
            name={name}
            before={baseline?.[name]}
            after={tables[name]}
            change={reported?.change ?? guessChange(name, baseline, tables)}
            reported={reported}
            plain={baseline === null}
            pairing={pairings?.[name]}
          />
        );
      })}
    </div>
  );
}
