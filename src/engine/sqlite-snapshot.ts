/**
 * Reads every user table of a SQLite database (not SQLite's own `sqlite_*`
 * tables): columns, indexes, foreign keys and rows in primary-key (or rowid)
 * order. Takes a query function so that the same code snapshots sql.js in the
 * engine and native sqlite3 in the parity tests.
 */
import type { CellValue, ColumnSnapshot, ForeignKeySnapshot, IndexSnapshot, Row, Tables } from './result';
import { compareText } from './compare-text';

export type SnapshotQuery = (sql: string) => Promise<Record<string, unknown>[]>;

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex.toUpperCase();
}

/** A database value as JSON can carry it. */
export function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return { blob: toHex(value) };
  return String(value);
}

/** Columns, and the primary key's columns in key order (for row order). */
async function readColumns(query: SnapshotQuery, table: string): Promise<{ columns: ColumnSnapshot[]; primaryKey: string[] }> {
  const info = await query(`PRAGMA table_info(${quoteIdentifier(table)})`);
  const columns = info.map((column) => ({
    name: String(column.name),
    type: String(column.type),
    notNull: column.notnull === 1,
    default: column.dflt_value === null ? null : String(column.dflt_value),
    primaryKey: Number(column.pk) > 0,
  }));
  const primaryKey = info
    .filter((column) => Number(column.pk) > 0)
    .sort((a, b) => Number(a.pk) - Number(b.pk))
    .map((column) => String(column.name));
  return { columns, primaryKey };
}

async function readIndexes(query: SnapshotQuery, table: string): Promise<IndexSnapshot[]> {
  const list = await query(`PRAGMA index_list(${quoteIdentifier(table)})`);
  const indexes = await Promise.all(
    list.map(async (index) => {
      const info = await query(`PRAGMA index_info(${quoteIdentifier(String(index.name))})`);
      return {
        name: String(index.name),
        unique: index.unique === 1,
        columns: info.sort((a, b) => Number(a.seqno) - Number(b.seqno)).map((column) => String(column.name)),
        origin: String(index.origin),
      };
    }),
  );
  return indexes.sort((a, b) => compareText(a.name, b.name));
}

async function readForeignKeys(query: SnapshotQuery, table: string): Promise<ForeignKeySnapshot[]> {
  const list = await query(`PRAGMA foreign_key_list(${quoteIdentifier(table)})`);
  const byId = new Map<number, ForeignKeySnapshot>();
  for (const entry of list.sort((a, b) => Number(a.id) - Number(b.id) || Number(a.seq) - Number(b.seq))) {
    const id = Number(entry.id);
    const key = byId.get(id) ?? {
      columns: [],
      table: String(entry.table),
      references: [],
      onUpdate: String(entry.on_update),
      onDelete: String(entry.on_delete),
    };
    key.columns.push(String(entry.from));
    key.references.push(entry.to === null ? '' : String(entry.to));
    byId.set(id, key);
  }
  return [...byId.values()];
}

async function readRows(query: SnapshotQuery, table: string, primaryKey: string[]): Promise<Row[]> {
  const order = primaryKey.length > 0 ? primaryKey.map(quoteIdentifier).join(', ') : 'rowid';
  const rows = await query(`SELECT * FROM ${quoteIdentifier(table)} ORDER BY ${order}`);
  return rows.map((row) => {
    const cells: Row = {};
    for (const [column, value] of Object.entries(row)) cells[column] = toCellValue(value);
    return cells;
  });
}

/** Snapshots every user table, keyed by name in name order. */
export async function snapshotSqlite(query: SnapshotQuery): Promise<Tables> {
  const names = await query(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
  );
  const tables: Tables = {};
  for (const { name } of names) {
    const table = String(name);
    const [{ columns, primaryKey }, indexes, foreignKeys] = await Promise.all([
      readColumns(query, table),
      readIndexes(query, table),
      readForeignKeys(query, table),
    ]);
    tables[table] = { columns, indexes, foreignKeys, rows: await readRows(query, table, primaryKey) };
  }
  return tables;
}
