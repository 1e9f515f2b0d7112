/**
 * Tags each statement Sequelize ran with what it does, so the UI can colour
 * and explain it, and marks the ones that can destroy data. Reads the SQL
 * only; never changes it.
 */

export type StatementKind =
  | 'introspection'
  | 'create'
  | 'drop'
  | 'alter'
  | 'rebuild'
  | 'transaction'
  | 'read'
  | 'write';

export interface StatementClass {
  kind: StatementKind;
  destructive: boolean;
}

/** A label and a plain-language reason for each kind, for the UI. */
export const STATEMENT_KINDS: Readonly<Record<StatementKind, { label: string; explanation: string }>> = {
  introspection: {
    label: 'introspection',
    explanation: 'Sequelize reads the current schema (tables, columns, indexes, foreign keys) to decide what to change.',
  },
  create: { label: 'create', explanation: 'Creates a table, index or type that the models need.' },
  drop: { label: 'drop', explanation: 'Drops a table, index or type; dropping a table deletes every row in it.' },
  alter: { label: 'alter', explanation: 'Changes an existing table in place: adds, changes or drops a column or constraint.' },
  rebuild: {
    label: 'table rebuild',
    explanation:
      'SQLite cannot change most column definitions in place, so Sequelize copies the table into a backup, drops it, recreates it and copies the rows back. Dropping the original fires ON DELETE actions on tables that reference it.',
  },
  transaction: {
    label: 'transaction / pragma',
    explanation: 'Transaction control or a connection setting, such as switching foreign-key checks off around a drop.',
  },
  read: { label: 'data read', explanation: 'Reads rows.' },
  write: { label: 'data write', explanation: 'Inserts, updates or deletes rows.' },
};

/** The bare table name in `` `name` ``, `"schema"."name"` or `name`. */
function tableNameAt(sql: string, pattern: RegExp): string | null {
  const match = pattern.exec(sql);
  if (!match?.[1]) return null;
  const parts = match[1].split('.').map((part) => part.replace(/^[`"[]|[`"\]]$/g, ''));
  return parts[parts.length - 1] ?? null;
}

const IDENT = '((?:[`"][^`"]+[`"]|[\\w$]+)(?:\\.(?:[`"][^`"]+[`"]|[\\w$]+))?)';
const CREATE_TABLE = new RegExp(`^CREATE\\s+(?:TEMP(?:ORARY)?\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?${IDENT}`, 'i');
const DROP_TABLE = new RegExp(`^DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?${IDENT}`, 'i');
const INSERT_SELECT = new RegExp(`^INSERT\\s+INTO\\s+${IDENT}(?:\\s*\\([^)]*\\))?\\s+SELECT\\b[\\s\\S]*?\\bFROM\\s+${IDENT}`, 'i');

const INTROSPECTION =
  /^(PRAGMA\s+(TABLE_INFO|INDEX_LIST|INDEX_INFO|FOREIGN_KEY_LIST|FOREIGN_KEY_CHECK|TABLE_XINFO)\b|SELECT\b[\s\S]*\b(sqlite_master|sqlite_schema|information_schema|pg_catalog|pg_[a-z_]+)\b|SHOW\b|DESCRIBE\b)/i;
const TRANSACTION = /^(BEGIN|START\s+TRANSACTION|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|END|SET\b|PRAGMA\b|DEFERRABLE)/i;

/** Classifies one statement, ignoring what ran before it. */
function classifyAlone(sql: string): StatementClass {
  const text = sql.trim();
  if (INTROSPECTION.test(text)) return { kind: 'introspection', destructive: false };
  if (TRANSACTION.test(text)) return { kind: 'transaction', destructive: false };
  if (/^CREATE\b/i.test(text)) return { kind: 'create', destructive: false };
  // Sequelize creates a Postgres ENUM type inside an anonymous block.
  if (/^DO\b[\s\S]*\bCREATE\s+TYPE\b/i.test(text)) return { kind: 'create', destructive: false };
  if (/^DROP\s+TABLE\b/i.test(text)) return { kind: 'drop', destructive: true };
  if (/^DROP\s+(SCHEMA|DATABASE)\b/i.test(text)) return { kind: 'drop', destructive: true };
  if (/^DROP\b/i.test(text)) return { kind: 'drop', destructive: /\bCASCADE\b/i.test(text) };
  if (/^TRUNCATE\b/i.test(text)) return { kind: 'write', destructive: true };
  if (/^ALTER\b/i.test(text)) return { kind: 'alter', destructive: /\bDROP\s+(COLUMN\s+)?(?!NOT\b|DEFAULT\b|CONSTRAINT\b|IDENTITY\b|EXPRESSION\b)[`"\w]/i.test(text) };
  if (/^(WITH\b[\s\S]*\bDELETE\b|DELETE\b)/i.test(text)) return { kind: 'write', destructive: true };
  if (/^(INSERT|UPDATE|REPLACE|UPSERT|MERGE|WITH)\b/i.test(text)) return { kind: 'write', destructive: false };
  if (/^(SELECT|VALUES|EXPLAIN)\b/i.test(text)) return { kind: 'read', destructive: false };
  return { kind: 'write', destructive: false };
}

/**
 * Classifies a log in order. SQLite's alter rebuilds a table through a copy
 * (`CREATE TABLE T_backup`, `INSERT INTO T_backup SELECT … FROM T`, `DROP
 * TABLE T`, `CREATE TABLE T`, `INSERT INTO T SELECT … FROM T_backup`, `DROP
 * TABLE T_backup`); only the sequence tells that the drop and create of `T`
 * belong to a rebuild, so this keeps track of the tables being copied.
 */
export function classifyStatements(sqls: readonly string[]): StatementClass[] {
  const rebuilding = new Set<string>();
  return sqls.map((sql) => {
    const alone = classifyAlone(sql);
    const text = sql.trim();
    const copy = INSERT_SELECT.exec(text);
    if (copy) {
      const target = tableNameAt(text, new RegExp(`^INSERT\\s+INTO\\s+${IDENT}`, 'i'));
      const source = copy[2] ? tableNameAt(copy[2], new RegExp(`^${IDENT}`)) : null;
      if (target && source) {
        rebuilding.add(target);
        rebuilding.add(source);
      }
      return { kind: 'rebuild', destructive: false };
    }
    const created = tableNameAt(text, CREATE_TABLE);
    if (created && (/_backup$/.test(created) || rebuilding.has(created))) {
      return { kind: 'rebuild', destructive: false };
    }
    const dropped = tableNameAt(text, DROP_TABLE);
    if (dropped && (/_backup$/.test(dropped) || rebuilding.has(dropped))) {
      if (/_backup$/.test(dropped)) {
        rebuilding.clear();
        // The backup of a finished rebuild: its rows were copied back.
        return { kind: 'rebuild', destructive: false };
      }
      return { kind: 'rebuild', destructive: true };
    }
    return alone;
  });
}
