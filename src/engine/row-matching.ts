/**
 * Pairs a table's rows before and after a mode, so that the loss report and
 * the cell-by-cell view agree on which rows survived.
 *
 * Rows are paired by the baseline's primary key. A key alone is not enough:
 * `sync({ force: true })` recreates the table and the next insert reuses id 1,
 * which is a new row, not the old one changed. So a pair with the same key
 * counts as the same row only if
 * - it has the same creation time, when both have Sequelize's `createdAt`
 *   (an update keeps it, a new row gets a new one: the strongest sign), or
 * - otherwise, at least half of the old row's non-NULL values are still
 *   there, compared as text so that a type change from '12' to 12 keeps the
 *   row (a replacement that happens to share one `status` is still new).
 * Tables without a primary key pair equal rows; tables with no column in
 * common pair none.
 */
import type { CellValue, Row, TableSnapshot } from './result';

export interface RowPairing {
  /** [index in before, index in after] of rows that survived. */
  kept: Array<[number, number]>;
  /** Indexes in before of rows that are gone. */
  lost: number[];
  /** Indexes in after of rows that are new. */
  added: number[];
}

/**
 * A RowPairing in typed arrays, for the browser's rows view: it clones to
 * the page as three blocks of memory instead of an array per kept row (a
 * 100,000-row table's pairing took longer to clone than to compute).
 */
export interface PackedRowPairing {
  /** Index in before, index in after, for each kept row in turn. */
  kept: Int32Array;
  lost: Int32Array;
  added: Int32Array;
}

export function packPairing(pairing: RowPairing): PackedRowPairing {
  const kept = new Int32Array(pairing.kept.length * 2);
  pairing.kept.forEach(([before, after], k) => {
    kept[2 * k] = before;
    kept[2 * k + 1] = after;
  });
  return { kept, lost: Int32Array.from(pairing.lost), added: Int32Array.from(pairing.added) };
}

export function sameCell(a: CellValue | undefined, b: CellValue | undefined): boolean {
  if (a === b) return true;
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) return a.blob === b.blob;
  return false;
}

/**
 * A row's key, as a Map key. One column (the usual primary key) is its
 * value itself: a Map tells 1 from '1' as JSON text does, and 100,000 rows
 * made 200,000 JSON strings otherwise. A BLOB (an object) by a symbol of
 * its hex text, which no text value can equal.
 */
function keyFunction(columns: readonly string[]): (row: Row) => unknown {
  const [only] = columns;
  if (columns.length === 1 && only !== undefined) {
    return (row) => {
      const value = row[only] ?? null;
      return typeof value === 'object' && value !== null ? Symbol.for(`blob:${value.blob}`) : value;
    };
  }
  return (row) => JSON.stringify(columns.map((column) => row[column] ?? null));
}

/** Equal as text: a value converted by a column type change is still the same. */
function looselyEqual(a: CellValue | undefined, b: CellValue | undefined): boolean {
  if (sameCell(a, b)) return true;
  const text = (value: CellValue | undefined) => (typeof value === 'object' && value !== null ? value.blob : String(value));
  return a !== null && b !== null && a !== undefined && b !== undefined && text(a) === text(b);
}

/** Sequelize's creation timestamp, with and without `underscored: true`. */
const CREATION_STAMPS = ['createdAt', 'created_at'];

/** `stamps`: the creation stamps among `columns` (looked up once per table, not per row). */
function looksLikeSameRow(before: Row, after: Row, columns: readonly string[], stamps: readonly string[]): boolean {
  const stamp = stamps.find((column) => before[column] != null && after[column] != null);
  if (stamp) return looselyEqual(before[stamp], after[stamp]);
  const held = columns.filter((column) => before[column] !== null && before[column] !== undefined);
  const kept = held.filter((column) => looselyEqual(before[column], after[column])).length;
  return kept * 2 >= held.length;
}

export function pairRows(before: TableSnapshot, after: TableSnapshot): RowPairing {
  const afterColumns = new Set(after.columns.map((column) => column.name));
  const shared = before.columns.map((column) => column.name).filter((name) => afterColumns.has(name));
  const key = before.columns.filter((column) => column.primaryKey && afterColumns.has(column.name)).map((c) => c.name);
  const compared = key.length > 0 ? shared.filter((name) => !key.includes(name)) : shared;
  const keyColumns = key.length > 0 ? key : shared;
  // No column in common: nothing can show that a row survived (pairing by
  // position would call a new row an old one kept).
  if (keyColumns.length === 0) return { kept: [], lost: before.rows.map((_row, i) => i), added: after.rows.map((_row, i) => i) };

  const keyOf = keyFunction(keyColumns);
  const stamps = CREATION_STAMPS.filter((column) => compared.includes(column));
  // Where each key waits in after: its first row, or its rows in order when
  // the key repeats (no primary key: equal rows share one).
  const waiting = new Map<unknown, number | number[]>();
  after.rows.forEach((row, index) => {
    const k = keyOf(row);
    const list = waiting.get(k);
    if (list === undefined) waiting.set(k, index);
    else if (typeof list === 'number') waiting.set(k, [list, index]);
    else list.push(index);
  });

  const pairing: RowPairing = { kept: [], lost: [], added: [] };
  const matched = new Uint8Array(after.rows.length);
  before.rows.forEach((row, index) => {
    const k = keyOf(row);
    const candidates = waiting.get(k);
    const candidate = typeof candidates === 'number' ? candidates : candidates?.[0];
    const afterRow = candidate === undefined ? undefined : after.rows[candidate];
    if (candidate !== undefined && afterRow && looksLikeSameRow(row, afterRow, compared, stamps)) {
      if (typeof candidates === 'number') waiting.delete(k);
      else candidates?.shift();
      matched[candidate] = 1;
      pairing.kept.push([index, candidate]);
    } else {
      pairing.lost.push(index);
    }
  });
  after.rows.forEach((_row, index) => {
    if (!matched[index]) pairing.added.push(index);
  });
  return pairing;
}
