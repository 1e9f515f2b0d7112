/**
 * Reads every user table of a PostgreSQL database (every schema but
 * PostgreSQL's own): columns (`type` is information_schema's `data_type`),
 * indexes, foreign keys and rows in primary-key order. The catalogue is
 * read from pg_catalog, with information_schema's own expressions where it
 * answers (TABLES_SQL, columnsSql): its views took 20–50 ms each to plan
 * and run on PGlite, in every snapshot of every mode. Takes a raw query
 * function returning PostgreSQL's text format, so that the same code
 * snapshots PGlite in the engine and a server (through pg) in the parity
 * tests, and values are converted here once, the same way on both sides.
 */
import { compareText } from './compare-text';
import type { CellValue, ColumnSnapshot, ForeignKeySnapshot, IndexSnapshot, Row, Tables } from './result';
import { quoteIdentifier } from './sqlite-snapshot';

/** One result in text format: rows as arrays, in field order. */
export interface RawPgResult {
  fields: Array<{ name: string; dataTypeID: number }>;
  rows: Array<Array<string | null>>;
}
export type RawPgQuery = (sql: string) => Promise<RawPgResult>;

const OID = { bool: 16, bytea: 17, int8: 20, int2: 21, int4: 23, oid: 26, float4: 700, float8: 701 } as const;

/** A value in PostgreSQL's text format as JSON can carry it. */
export function pgCellValue(text: string | null, dataTypeID: number): CellValue {
  if (text === null) return null;
  switch (dataTypeID) {
    case OID.int2:
    case OID.int4:
    case OID.oid:
    case OID.float4:
    case OID.float8: {
      const value = Number(text);
      return Number.isFinite(value) ? value : text;
    }
    case OID.int8:
      return Number.isSafeInteger(Number(text)) ? Number(text) : text;
    case OID.bool:
      return text === 't' ? 'true' : 'false';
    case OID.bytea:
      return { blob: text.replace(/^\\x/, '').toUpperCase() };
    default:
      return text;
  }
}

/** Rows as objects of text (null stays null), for the catalogue queries. */
async function textRows(query: RawPgQuery, sql: string): Promise<Array<Partial<Record<string, string | null>>>> {
  const { fields, rows } = await query(sql);
  return rows.map((values) => Object.fromEntries(fields.map((field, i) => [field.name, values[i] ?? null])));
}

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
/** PostgreSQL's array text `{a,"b c"}` for identifiers from the catalogue. */
function parseNameArray(text: string | null | undefined): string[] {
  if (!text || text === '{}') return [];
  return (text.slice(1, -1).match(/"(?:[^"\\]|\\.)*"|[^,]+/g) ?? []).map((item) =>
    item.startsWith('"') ? item.slice(1, -1).replace(/\\(.)/g, '$1') : item,
  );
}

const ACTIONS: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };

interface TableRef {
  /** `schema.name`, or the name alone in `public`. */
  key: string;
  regclass: string;
}

/**
 * information_schema.tables' base tables outside PostgreSQL's own schemas
 * (its temporary schemas are `pg_temp_N`): tables (r) and partitioned
 * tables (p).
 */
export const TABLES_SQL =
  "SELECT n.nspname AS table_schema, c.relname AS table_name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace " +
  "WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%' " +
  'ORDER BY n.nspname, c.relname';

/**
 * information_schema.columns' column_name, data_type, is_nullable and
 * column_default of one table, in ordinal order: the view's own
 * expressions (PostgreSQL 15 to 18), on the catalogue tables it joins.
 */
export const columnsSql = (regclass: string) =>
  `SELECT a.attname AS column_name, ` +
  `CASE WHEN t.typtype = 'd' THEN CASE WHEN bt.typelem <> 0 AND bt.typlen = -1 THEN 'ARRAY' ` +
  `WHEN nbt.nspname = 'pg_catalog' THEN format_type(t.typbasetype, null) ELSE 'USER-DEFINED' END ` +
  `ELSE CASE WHEN t.typelem <> 0 AND t.typlen = -1 THEN 'ARRAY' ` +
  `WHEN nt.nspname = 'pg_catalog' THEN format_type(a.atttypid, null) ELSE 'USER-DEFINED' END END AS data_type, ` +
  `CASE WHEN a.attnotnull OR (t.typtype = 'd' AND t.typnotnull) THEN 'NO' ELSE 'YES' END AS is_nullable, ` +
  `CASE WHEN a.attgenerated = '' THEN pg_get_expr(ad.adbin, ad.adrelid) END AS column_default ` +
  `FROM pg_attribute a LEFT JOIN pg_attrdef ad ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum ` +
  `JOIN (pg_type t JOIN pg_namespace nt ON t.typnamespace = nt.oid) ON a.atttypid = t.oid ` +
  `LEFT JOIN (pg_type bt JOIN pg_namespace nbt ON bt.typnamespace = nbt.oid) ON t.typtype = 'd' AND t.typbasetype = bt.oid ` +
  `WHERE a.attrelid = ${literal(regclass)}::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`;

async function readColumns(query: RawPgQuery, table: TableRef): Promise<{ columns: ColumnSnapshot[]; primaryKey: string[] }> {
  const columns = await textRows(query, columnsSql(table.regclass));
  const keyRows = await textRows(
    query,
    `SELECT a.attname FROM pg_index i JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) ON true ` +
      `JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ` +
      `WHERE i.indrelid = ${literal(table.regclass)}::regclass AND i.indisprimary ORDER BY k.n`,
  );
  const primaryKey = keyRows.map((row) => String(row.attname));
  return {
    columns: columns.map((column) => ({
      name: String(column.column_name),
      type: String(column.data_type),
      notNull: column.is_nullable === 'NO',
      default: column.column_default ?? null,
      primaryKey: primaryKey.includes(String(column.column_name)),
    })),
    primaryKey,
  };
}

async function readIndexes(query: RawPgQuery, table: TableRef): Promise<IndexSnapshot[]> {
  const rows = await textRows(
    query,
    `SELECT ic.relname AS name, i.indisunique AS unique, i.indisprimary AS primary, ` +
      `EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid AND con.contype = 'u') AS constraint, ` +
      `ARRAY(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) ` +
      `JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ORDER BY k.n) AS columns ` +
      `FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid WHERE i.indrelid = ${literal(table.regclass)}::regclass`,
  );
  return rows
    .map((row) => ({
      name: String(row.name),
      unique: row.unique === 't',
      columns: parseNameArray(row.columns),
      origin: row.primary === 't' ? 'pk' : row.constraint === 't' ? 'u' : 'c',
    }))
    .sort((a, b) => compareText(a.name, b.name));
}

async function readForeignKeys(query: RawPgQuery, table: TableRef): Promise<ForeignKeySnapshot[]> {
  const rows = await textRows(
    query,
    `SELECT con.conname, ref.relname AS table, con.confupdtype AS on_update, con.confdeltype AS on_delete, ` +
      `ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, n) ` +
      `JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.n) AS columns, ` +
      `ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, n) ` +
      `JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.n) AS refs ` +
      `FROM pg_constraint con JOIN pg_class ref ON ref.oid = con.confrelid ` +
      `WHERE con.conrelid = ${literal(table.regclass)}::regclass AND con.contype = 'f' ORDER BY con.conname`,
  );
  return rows.map((row) => ({
    columns: parseNameArray(row.columns),
    table: String(row.table),
    references: parseNameArray(row.refs),
    onUpdate: ACTIONS[String(row.on_update)] ?? String(row.on_update),
    onDelete: ACTIONS[String(row.on_delete)] ?? String(row.on_delete),
  }));
}

async function readRows(query: RawPgQuery, table: TableRef, primaryKey: string[]): Promise<Row[]> {
  // Without a primary key, physical order: the order rows were written in.
  const order = primaryKey.length > 0 ? primaryKey.map(quoteIdentifier).join(', ') : 'ctid';
  const { fields, rows } = await query(`SELECT * FROM ${table.regclass} ORDER BY ${order}`);
  return rows.map((values) => {
    const cells: Row = {};
    fields.forEach((field, i) => (cells[field.name] = pgCellValue(values[i] ?? null, field.dataTypeID)));
    return cells;
  });
}

/** Snapshots every user table, keyed by name (`schema.name` outside `public`) in name order. */
export async function snapshotPostgres(query: RawPgQuery): Promise<Tables> {
  // Timestamps with time zone are shown in UTC, whatever the session chose.
  await query("SET TIME ZONE 'UTC'");
  const list = await textRows(query, TABLES_SQL);
  const refs: TableRef[] = list.map((row) => {
    const schema = String(row.table_schema);
    const name = String(row.table_name);
    return { key: schema === 'public' ? name : `${schema}.${name}`, regclass: `${quoteIdentifier(schema)}.${quoteIdentifier(name)}` };
  });
  refs.sort((a, b) => compareText(a.key, b.key));
  const tables: Tables = {};
  for (const table of refs) {
    const { columns, primaryKey } = await readColumns(query, table);
    const indexes = await readIndexes(query, table);
    const foreignKeys = await readForeignKeys(query, table);
    tables[table.key] = { columns, indexes, foreignKeys, rows: await readRows(query, table, primaryKey) };
  }
  return tables;
}
