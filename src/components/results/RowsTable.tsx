/**
 * The rows of one table, cell by cell. Cells are built per drawn row
 * (diffCells), and past VIRTUAL_ROWS_FROM rows only the rows in view are in
 * the DOM, between two spacer rows: 100,000 rows stay one scroll box.
 */
import { memo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { cellClass, cellText } from '../../results/cell-text';
import { diffCells, type DiffCell, type RowRef, type TableRowDiff } from '../../results/row-diff';
import './RowsTable.css';

export const VIRTUAL_ROWS_FROM = 200;
/** Matches .rows-table td's fixed height, so the virtualiser needs no measuring. */
const ROW_HEIGHT = 24;

interface RowsTableProps {
  name: string;
  diff: TableRowDiff;
  rows: readonly RowRef[];
  /** Show values only, without diff colours (the baseline). */
  plain: boolean;
}

const ROW_MARK: Record<RowRef['kind'] | 'changed', { sign: string; label: string }> = {
  kept: { sign: '', label: 'kept' },
  changed: { sign: '~', label: 'kept, changed' },
  lost: { sign: '−', label: 'lost' },
  added: { sign: '+', label: 'new' },
};

/** Values that read the same but differ in type ('12' and 12): strings get quotes. */
function typedText(value: DiffCell['value']): string {
  return typeof value === 'string' ? `'${value}'` : cellText(value, true);
}

function cellTitle(cell: DiffCell): string | undefined {
  const now = cellText(cell.value, true);
  if (cell.status === 'changed' || cell.status === 'nulled') {
    const sameText = cellText(cell.was, true) === now;
    return sameText ? `was ${typedText(cell.was)}, now ${typedText(cell.value)} (same text, new type)` : `was ${cellText(cell.was, true)}, now ${now}`;
  }
  if (cell.status === 'dropped-column') return `${now} (column dropped)`;
  if (cell.status === 'lost') return `${now} (row lost)`;
  return now.length > 24 ? now : undefined;
}

function Cell({ cell, plain }: { cell: DiffCell; plain: boolean }) {
  const status = plain ? 'same' : cell.status;
  const changed = status === 'changed' || status === 'nulled';
  // A type change alone ('12' → 12) would show the same text twice: quote the string side.
  const retyped = changed && cellText(cell.was) === cellText(cell.value);
  const show = (value: DiffCell['value']) => (retyped ? typedText(value) : cellText(value));
  return (
    <td className={`rows-cell rows-cell--${status}`} title={plain ? undefined : cellTitle(cell)}>
      {changed && <del className={`rows-was rows-val--${cellClass(cell.was)}`}>{show(cell.was)}</del>}
      <span className={`rows-val--${cellClass(cell.value)}`}>{show(cell.value)}</span>
    </td>
  );
}

const Row = memo(function Row({ diff, row, plain }: { diff: TableRowDiff; row: RowRef; plain: boolean }) {
  const kind = row.kind === 'kept' && row.changed ? 'changed' : row.kind;
  const mark = ROW_MARK[plain ? 'kept' : kind];
  return (
    <tr className={`rows-row rows-row--${plain ? 'kept' : kind}`}>
      <td className="rows-gutter">
        {mark.sign && (
          <span role="img" aria-label={mark.label} title={mark.label}>
            {mark.sign}
          </span>
        )}
      </td>
      {diffCells(diff, row).map((cell) => (
        <Cell key={cell.column} cell={cell} plain={plain} />
      ))}
    </tr>
  );
});

function Head({ diff, plain }: { diff: TableRowDiff; plain: boolean }) {
  return (
    <thead>
      <tr>
        <th className="rows-gutter" scope="col">
          <span className="visually-hidden">Row change</span>
        </th>
        {diff.columns.map((column) => {
          const presence = plain ? 'kept' : column.presence;
          return (
            <th key={column.name} scope="col" className={`rows-th rows-th--${presence}`} title={presence === 'kept' ? column.name : `${column.name} (${presence})`}>
              {presence === 'added' && <span aria-hidden="true">+ </span>}
              {column.name}
              {presence !== 'kept' && <span className="visually-hidden"> ({presence})</span>}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

/**
 * Owns its scroll box: the virtualiser reads the box in a layout effect,
 * which runs before a parent component's ref to it would be attached.
 */
function VirtualRowsTable({ name, diff, rows, plain }: RowsTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const span = diff.columns.length + 1;
  return (
    <div ref={scroller} className="rows-scroller rows-scroller--virtual" tabIndex={0}>
      <table className="rows-table" aria-rowcount={rows.length + 1}>
        <caption className="visually-hidden">Rows of {name}</caption>
        <Head diff={diff} plain={plain} />
        <tbody>
          {top > 0 && (
            <tr aria-hidden="true">
              <td colSpan={span} style={{ height: top, padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index];
            return row ? <Row key={item.index} diff={diff} row={row} plain={plain} /> : null;
          })}
          {bottom > 0 && (
            <tr aria-hidden="true">
              <td colSpan={span} style={{ height: bottom, padding: 0, border: 0 }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

export function RowsTable(props: RowsTableProps) {
  const { name, diff, rows, plain } = props;
  if (rows.length > VIRTUAL_ROWS_FROM) return <VirtualRowsTable {...props} />;
  return (
    <div className="rows-scroller">
      <table className="rows-table">
        <caption className="visually-hidden">Rows of {name}</caption>
        <Head diff={diff} plain={plain} />
        <tbody>
          {rows.map((row, i) => (
            <Row key={i} diff={diff} row={row} plain={plain} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
