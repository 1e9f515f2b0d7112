/**
 * A table's rows after a mode, cell by cell against the baseline, for the
 * rows view. Rows are paired with the engine's own pairRows, so a row shown
 * as lost here is a row the loss report counts as lost.
 *
 * Built for big tables: diffTableRows makes one small reference per row and
 * counts changes without building cells; diffCells builds the cells of one
 * row when it is drawn, so a virtualised list of 100,000 rows only ever
 * builds the cells on screen.
 */
import type { CellValue, TableSnapshot } from '../engine/result';
import { packPairing, pairRows, sameCell, type PackedRowPairing } from '../engine/row-matching';
import { mergeColumnOrder, type MergedColumn } from './column-order';

export type RowKind = 'kept' | 'lost' | 'added';

/**
 * `same`/`changed`/`nulled`/`new-column`/`dropped-column` are cells of kept
 * rows; `lost` and `added` cells belong to lost and added rows; `absent` is a
 * cell of a column the row never had (a dropped column in an added row).
 */
export type CellStatus = 'same' | 'changed' | 'nulled' | 'new-column' | 'dropped-column' | 'lost' | 'added' | 'absent';

export interface RowRef {
  kind: RowKind;
  /** Index in the baseline's rows, for kept and lost rows. */
  before: number | null;
  /** Index in the rows after, for kept and added rows. */
  after: number | null;
  /** A kept row with at least one value changed or nulled. */
  changed: boolean;
}

export interface DiffCell {
  column: string;
  status: CellStatus;
  /** The value shown: the value after, or the old one for lost rows and dropped columns. */
  value: CellValue | undefined;
  /** The baseline's value, for changed and nulled cells. */
  was?: CellValue;
}

export interface TableRowDiff {
  columns: MergedColumn[];
  /** Kept and lost rows in baseline order, then added rows in their order. */
  rows: RowRef[];
  kept: number;
  lost: number;
  added: number;
  changedRows: number;
  valuesChanged: number;
  valuesNulled: number;
  /** Anything differs: rows lost or added, values changed, columns added or dropped. */
  changed: boolean;
  before: TableSnapshot | undefined;
  after: TableSnapshot | undefined;
}

const names = (table: TableSnapshot | undefined) => (table ? table.columns.map((c) => c.name) : []);

/** The pairing as arrays indexed by the baseline's row: where each kept row went, and which were lost. */
function pairingByRow(before: TableSnapshot | undefined, after: TableSnapshot | undefined, packed?: PackedRowPairing) {
  const pairing = packed ?? (before && after ? packPairing(pairRows(before, after)) : null);
  const count = before?.rows.length ?? 0;
  // -1: not kept. Typed arrays: 100,000 rows are two small blocks, not 100,000 map entries.
  const keptAt = new Int32Array(count).fill(-1);
  if (!pairing) return { keptAt, lost: count, added: Int32Array.from((after?.rows ?? []).keys()), kept: 0 };
  for (let k = 0; k + 1 < pairing.kept.length; k += 2) keptAt[pairing.kept[k] as number] = pairing.kept[k + 1] as number;
  return { keptAt, lost: pairing.lost.length, added: pairing.added, kept: pairing.kept.length / 2 };
}

/**
 * @param pairing how the engine paired the rows for the loss report (the
 *   browser's worker sends it, see PackedRowPairing); computed here when absent.
 */
export function diffTableRows(before: TableSnapshot | undefined, after: TableSnapshot | undefined, pairing?: PackedRowPairing): TableRowDiff {
  // With only one side, every column is simply that side's; like the loss
  // report, added and dropped columns only exist when both sides do.
  const columns =
    before && after
      ? mergeColumnOrder(names(before), names(after))
      : names(before ?? after).map((name): MergedColumn => ({ name, presence: 'kept' }));
  const paired = pairingByRow(before, after, before && after ? pairing : undefined);

  const shared = columns.filter((c) => c.presence === 'kept').map((c) => c.name);
  const rows: RowRef[] = [];
  let changedRows = 0;
  let valuesChanged = 0;
  let valuesNulled = 0;
  const beforeRows = before?.rows ?? [];
  const afterRows = after?.rows ?? [];
  for (let i = 0; i < beforeRows.length; i += 1) {
    const j = paired.keptAt[i] as number;
    if (j < 0) {
      rows.push({ kind: 'lost', before: i, after: null, changed: false });
      continue;
    }
    const old = beforeRows[i] ?? {};
    const now = afterRows[j] ?? {};
    let changed = false;
    for (const name of shared) {
      const was = old[name] ?? null;
      const is = now[name] ?? null;
      if (!sameCell(was, is)) {
        changed = true;
        valuesChanged += 1;
        if (is === null) valuesNulled += 1;
      }
    }
    if (changed) changedRows += 1;
    rows.push({ kind: 'kept', before: i, after: j, changed });
  }
  for (const j of paired.added) rows.push({ kind: 'added', before: null, after: j, changed: false });

  const columnsMoved = columns.some((c) => c.presence !== 'kept');
  return {
    columns,
    rows,
    kept: paired.kept,
    lost: paired.lost,
    added: paired.added.length,
    changedRows,
    valuesChanged,
    valuesNulled,
    changed: paired.lost > 0 || paired.added.length > 0 || valuesChanged > 0 || columnsMoved,
    before,
    after,
  };
}

function keptCell(column: MergedColumn, was: CellValue | undefined, is: CellValue | undefined): DiffCell {
  if (column.presence === 'added') return { column: column.name, status: 'new-column', value: is };
  if (column.presence === 'dropped') return { column: column.name, status: 'dropped-column', value: was };
  const old = was ?? null;
  const now = is ?? null;
  if (sameCell(old, now)) return { column: column.name, status: 'same', value: now };
  return { column: column.name, status: now === null ? 'nulled' : 'changed', value: now, was: old };
}

/** The cells of one row, in the diff's column order. */
export function diffCells(diff: TableRowDiff, row: RowRef): DiffCell[] {
  const old = row.before === null ? undefined : diff.before?.rows[row.before];
  const now = row.after === null ? undefined : diff.after?.rows[row.after];
  return diff.columns.map((column) => {
    if (row.kind === 'kept') return keptCell(column, old?.[column.name], now?.[column.name]);
    if (row.kind === 'lost') return { column: column.name, status: 'lost', value: old?.[column.name] };
    if (column.presence === 'dropped') return { column: column.name, status: 'absent', value: undefined };
    return { column: column.name, status: 'added', value: now?.[column.name] };
  });
}

/** Only the rows that differ: lost, added, or kept with a changed value. */
export function changedRowsOnly(diff: TableRowDiff): RowRef[] {
  return diff.rows.filter((row) => row.kind !== 'kept' || row.changed);
}
