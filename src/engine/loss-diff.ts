/**
 * What a mode did to the baseline's data, computed from the two snapshots
 * for every table, not only the models' own: a rebuild of a parent table can
 * empty a child table through ON DELETE CASCADE that the model never named.
 */
import type { ColumnSnapshot, TableSnapshot, Tables } from './result';
import { pairRows, sameCell, type RowPairing } from './row-matching';

export type TableChange = 'kept' | 'dropped' | 'created' | 'leftover';

export interface TableLoss {
  table: string;
  /** `leftover`: a new table no model owns, such as `Tickets_backup` after a failed alter. */
  change: TableChange;
  rowsBefore: number;
  rowsAfter: number;
  rowsKept: number;
  rowsLost: number;
  rowsAdded: number;
  columnsDropped: string[];
  columnsAdded: string[];
  /** Columns whose type, NOT NULL, default or primary-key flag changed. */
  columnsChanged: string[];
  /** Values in kept rows that differ from the baseline (nulled ones included). */
  valuesChanged: number;
  /** Values in kept rows that were set to NULL, e.g. a foreign key by ON DELETE SET NULL. */
  valuesNulled: number;
  /** Non-null values of kept rows that were in columns now dropped. */
  valuesInDroppedColumns: number;
}

export interface LossReport {
  /** Every table before or after, in name order. */
  tables: TableLoss[];
  rowsBefore: number;
  rowsKept: number;
  rowsLost: number;
  rowsAdded: number;
  valuesChanged: number;
  valuesNulled: number;
  tablesDropped: string[];
  columnsDropped: Array<{ table: string; column: string }>;
  leftoverTables: string[];
  /** True when any baseline data is gone or changed. */
  lossy: boolean;
}

const EMPTY_TABLE: TableSnapshot = { columns: [], indexes: [], foreignKeys: [], rows: [] };

function columnChanged(a: ColumnSnapshot, b: ColumnSnapshot): boolean {
  return a.type !== b.type || a.notNull !== b.notNull || a.default !== b.default || a.primaryKey !== b.primaryKey;
}

function diffTable(table: string, before: TableSnapshot | undefined, after: TableSnapshot | undefined, change: TableChange, onPairing?: PairingListener): TableLoss {
  const b = before ?? EMPTY_TABLE;
  const a = after ?? EMPTY_TABLE;
  const afterColumns = new Map(a.columns.map((column) => [column.name, column]));
  const beforeNames = new Set(b.columns.map((column) => column.name));
  const columnsDropped = after ? b.columns.filter((column) => !afterColumns.has(column.name)).map((c) => c.name) : [];
  const columnsAdded = before ? a.columns.filter((column) => !beforeNames.has(column.name)).map((c) => c.name) : [];
  const columnsChanged = b.columns
    .filter((column) => {
      const other = afterColumns.get(column.name);
      return other !== undefined && columnChanged(column, other);
    })
    .map((column) => column.name);

  const pairing = before && after ? pairRows(b, a) : { kept: [], lost: b.rows.map((_r, i) => i), added: a.rows.map((_r, i) => i) };
  if (before && after) onPairing?.(table, pairing);
  let valuesChanged = 0;
  let valuesNulled = 0;
  let valuesInDroppedColumns = 0;
  for (const [i, j] of pairing.kept) {
    const old = b.rows[i] ?? {};
    const now = a.rows[j] ?? {};
    for (const column of b.columns) {
      const was = old[column.name] ?? null;
      if (!afterColumns.has(column.name)) {
        if (was !== null) valuesInDroppedColumns += 1;
        continue;
      }
      const is = now[column.name] ?? null;
      if (!sameCell(was, is)) {
        valuesChanged += 1;
        if (is === null) valuesNulled += 1;
      }
    }
  }
  return {
    table,
    change,
    rowsBefore: b.rows.length,
    rowsAfter: a.rows.length,
    rowsKept: pairing.kept.length,
    rowsLost: pairing.lost.length,
    rowsAdded: pairing.added.length,
    columnsDropped,
    columnsAdded,
    columnsChanged,
    valuesChanged,
    valuesNulled,
    valuesInDroppedColumns,
  };
}

/** Hears how the rows of each table on both sides were paired (for the browser's rows view, which shows the same pairing). */
export type PairingListener = (table: string, pairing: RowPairing) => void;

/**
 * @param modelTables the tables the mode's models own, to tell a leftover
 *   (a table nobody defined, like `T_backup`) from a table a model created;
 *   null when unknown, then names ending in `_backup` count as leftovers.
 */
export function computeLoss(baseline: Tables, after: Tables, modelTables: readonly string[] | null, onPairing?: PairingListener): LossReport {
  const names = [...new Set([...Object.keys(baseline), ...Object.keys(after)])].sort();
  const tables = names.map((table) => {
    const before = baseline[table];
    const now = after[table];
    let change: TableChange = 'kept';
    if (!now) change = 'dropped';
    else if (!before) {
      const owned = modelTables ? modelTables.includes(table) : !/_backup$/.test(table);
      change = owned ? 'created' : 'leftover';
    }
    return diffTable(table, before, now, change, onPairing);
  });
  const sum = (pick: (t: TableLoss) => number) => tables.reduce((total, t) => total + pick(t), 0);
  const baselineTables = tables.filter((t) => t.change === 'kept' || t.change === 'dropped');
  const report: LossReport = {
    tables,
    rowsBefore: sum((t) => t.rowsBefore),
    rowsKept: sum((t) => t.rowsKept),
    rowsLost: sum((t) => t.rowsLost),
    rowsAdded: sum((t) => t.rowsAdded),
    valuesChanged: sum((t) => t.valuesChanged),
    valuesNulled: sum((t) => t.valuesNulled),
    tablesDropped: tables.filter((t) => t.change === 'dropped').map((t) => t.table),
    columnsDropped: baselineTables.flatMap((t) => t.columnsDropped.map((column) => ({ table: t.table, column }))),
    leftoverTables: tables.filter((t) => t.change === 'leftover').map((t) => t.table),
    lossy: false,
  };
  report.lossy =
    report.rowsLost > 0 || report.valuesChanged > 0 || report.tablesDropped.length > 0 || report.columnsDropped.length > 0;
  return report;
}
