/**
 * The loss a mode caused, recomputed from the two SQLite database files with
 * plain SQL and none of the engine's snapshot or loss code, so that a test can
 * check the engine's report against it. The rules are the ones the engine
 * documents (src/engine/row-matching.ts, src/engine/loss-diff.ts), written
 * again from the prose, in a different shape:
 * - rows pair by the baseline's primary-key columns that still exist (by all
 *   shared columns when none does), compared exactly; with no column in
 *   common, no row pairs;
 * - a pair is the same row when its creation stamp is equal as text, or else
 *   when at least half of the old row's non-NULL values are, as text;
 * - a kept row's value counts as changed when it is not identical.
 */
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import type { TableLoss } from '../../src/engine/loss-diff';

interface Column {
  name: string;
  type: string;
  notNull: boolean;
  default: string | null;
  pk: boolean;
}

interface Table {
  columns: Column[];
  rows: Array<Map<string, SqlValue>>;
}

/** The engine's per-table counts (its type, not its code), with created and leftover tables both `new`. */
export interface RecomputedTable extends Omit<TableLoss, 'change'> {
  change: 'kept' | 'dropped' | 'new';
  /** Heuristic-free: true when every baseline row is still there, identical in the columns both sides have. */
  everyRowIntact: boolean;
  /** The table exists on both sides with no column in common: no row can be shown to have survived. */
  sharesNoColumn: boolean;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;

function readTables(db: Database): Map<string, Table> {
  const tables = new Map<string, Table>();
  const names = db.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND substr(name, 1, 7) <> 'sqlite_'")[0]?.values ?? [];
  for (const [name] of names) {
    const table = String(name);
    const info = db.exec(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(${quoteLiteral(table)})`)[0]?.values ?? [];
    const columns = info.map(([n, type, notNull, dflt, pk]) => ({ name: String(n), type: String(type), notNull: notNull === 1, default: dflt === null ? null : String(dflt), pk: Number(pk) > 0 }));
    const result = db.exec(`SELECT * FROM ${quote(table)}`)[0];
    const rows = (result?.values ?? []).map((values) => new Map(result?.columns.map((column, i) => [column, values[i] ?? null])));
    tables.set(table, { columns, rows });
  }
  return tables;
}

function asText(value: SqlValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Uint8Array) return [...value].map((byte) => byte.toString(16).padStart(2, '0')).join('').toUpperCase();
  return String(value);
}

function identical(a: SqlValue | undefined, b: SqlValue | undefined): boolean {
  if (a instanceof Uint8Array || b instanceof Uint8Array) return a instanceof Uint8Array && b instanceof Uint8Array && asText(a) === asText(b);
  return (a ?? null) === (b ?? null);
}

/** The documented identity rule for two rows with the same key. */
function sameRow(old: Map<string, SqlValue>, now: Map<string, SqlValue>, compared: string[]): boolean {
  const stamp = ['createdAt', 'created_at'].find((c) => compared.includes(c) && old.get(c) != null && now.get(c) != null);
  if (stamp) return asText(old.get(stamp)) === asText(now.get(stamp));
  const held = compared.filter((c) => old.get(c) != null);
  return held.filter((c) => asText(old.get(c)) === asText(now.get(c))).length >= held.length / 2;
}

function compareTable(name: string, before: Table | undefined, after: Table | undefined): RecomputedTable {
  const b = before ?? { columns: [], rows: [] };
  const a = after ?? { columns: [], rows: [] };
  const afterByName = new Map(a.columns.map((c) => [c.name, c]));
  const shared = b.columns.map((c) => c.name).filter((c) => afterByName.has(c));
  const key = b.columns.filter((c) => c.pk && afterByName.has(c.name)).map((c) => c.name);
  const keyColumns = key.length > 0 ? key : shared;
  const compared = shared.filter((c) => !key.includes(c));

  const used = new Set<number>();
  const kept: Array<[number, number]> = [];
  // No column in common (every column replaced, or the table recreated
  // with new ones): nothing ties an old row to a new one, so none is kept.
  if (before && after && keyColumns.length > 0) {
    b.rows.forEach((old, i) => {
      const j = a.rows.findIndex((now, index) => !used.has(index) && keyColumns.every((c) => identical(old.get(c), now.get(c))));
      if (j >= 0 && sameRow(old, a.rows[j] ?? new Map(), compared)) {
        used.add(j);
        kept.push([i, j]);
      }
    });
  }
  let valuesChanged = 0;
  let valuesNulled = 0;
  let valuesInDroppedColumns = 0;
  for (const [i, j] of kept) {
    const old = b.rows[i] ?? new Map<string, SqlValue>();
    const now = a.rows[j] ?? new Map<string, SqlValue>();
    for (const { name: column } of b.columns) {
      if (!afterByName.has(column)) valuesInDroppedColumns += old.get(column) == null ? 0 : 1;
      else if (!identical(old.get(column), now.get(column))) {
        valuesChanged += 1;
        if (now.get(column) == null) valuesNulled += 1;
      }
    }
  }
  // Multiset of full rows on the shared columns, typed (12 is not '12'): no pairing rule involved.
  const content = (row: Map<string, SqlValue>) => JSON.stringify(shared.map((c) => { const v = row.get(c) ?? null; return v instanceof Uint8Array ? { blob: asText(v) } : v; }));
  const remaining = a.rows.map(content);
  const everyRowIntact = !!after && b.rows.every((row) => {
    const at = remaining.indexOf(content(row));
    if (at >= 0) remaining.splice(at, 1);
    return at >= 0;
  });
  const changed = (x: Column, y: Column) => x.type !== y.type || x.notNull !== y.notNull || x.default !== y.default || x.pk !== y.pk;
  return {
    table: name,
    change: !after ? 'dropped' : !before ? 'new' : 'kept',
    rowsBefore: b.rows.length,
    rowsAfter: a.rows.length,
    rowsKept: kept.length,
    rowsLost: b.rows.length - kept.length,
    rowsAdded: a.rows.length - kept.length,
    columnsDropped: after ? b.columns.filter((c) => !afterByName.has(c.name)).map((c) => c.name) : [],
    columnsAdded: before ? a.columns.filter((c) => !b.columns.some((x) => x.name === c.name)).map((c) => c.name) : [],
    columnsChanged: b.columns.filter((c) => afterByName.has(c.name) && changed(c, afterByName.get(c.name) as Column)).map((c) => c.name),
    valuesChanged,
    valuesNulled,
    valuesInDroppedColumns,
    everyRowIntact,
    sharesNoColumn: !!before && !!after && shared.length === 0,
  };
}

/** Every table of either database, in name order, with what happened to its data. */
export function recomputeLoss(SQL: SqlJsStatic, baselineBytes: Uint8Array, modeBytes: Uint8Array): RecomputedTable[] {
  const baselineDb = new SQL.Database(baselineBytes);
  const modeDb = new SQL.Database(modeBytes);
  try {
    const before = readTables(baselineDb);
    const after = readTables(modeDb);
    const names = [...new Set([...before.keys(), ...after.keys()])].sort();
    return names.map((name) => compareTable(name, before.get(name), after.get(name)));
  } finally {
    baselineDb.close();
    modeDb.close();
  }
}
