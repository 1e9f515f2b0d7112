/**
 * A table's schema after a mode against the baseline: which columns were
 * added, dropped or changed (type, NOT NULL, default, primary key), and which
 * indexes and foreign keys appeared or went.
 */
import type { ColumnSnapshot, ForeignKeySnapshot, IndexSnapshot, TableSnapshot, Tables } from '../engine/result';
import type { LossReport, TableChange } from '../engine/loss-diff';
import { mergeColumnOrder } from './column-order';

export type DiffStatus = 'same' | 'added' | 'dropped' | 'changed';

export type ColumnField = 'type' | 'notNull' | 'default' | 'primaryKey';

export interface FieldChange {
  field: ColumnField;
  before: string;
  after: string;
}

export interface ColumnDiff {
  name: string;
  status: DiffStatus;
  /** The column after, or the baseline's for a dropped column. */
  column: ColumnSnapshot;
  changes: FieldChange[];
}

export interface IndexDiff {
  status: DiffStatus;
  index: IndexSnapshot;
  /** The baseline's definition, when an index of the same name changed. */
  was?: IndexSnapshot;
}

export interface ForeignKeyDiff {
  status: DiffStatus;
  foreignKey: ForeignKeySnapshot;
  was?: ForeignKeySnapshot;
}

export interface TableSchemaDiff {
  table: string;
  change: TableChange;
  columns: ColumnDiff[];
  indexes: IndexDiff[];
  foreignKeys: ForeignKeyDiff[];
  /** Anything differs, the table's own appearance or disappearance included. */
  changed: boolean;
}

const show = (value: string | boolean | null) => (value === null ? 'none' : String(value));

function fieldChanges(a: ColumnSnapshot, b: ColumnSnapshot): FieldChange[] {
  const fields: ColumnField[] = ['type', 'notNull', 'default', 'primaryKey'];
  return fields.filter((f) => a[f] !== b[f]).map((field) => ({ field, before: show(a[field]), after: show(b[field]) }));
}

/** Pairs items of two lists by key, keeping the order after, dropped ones last. */
function diffByKey<T>(before: readonly T[], after: readonly T[], key: (item: T) => string, same: (a: T, b: T) => boolean) {
  const old = new Map(before.map((item) => [key(item), item]));
  const now = new Set(after.map(key));
  const diffs: Array<{ status: DiffStatus; item: T; was?: T }> = after.map((item) => {
    const was = old.get(key(item));
    if (was === undefined) return { status: 'added', item };
    return same(was, item) ? { status: 'same', item } : { status: 'changed', item, was };
  });
  for (const item of before) if (!now.has(key(item))) diffs.push({ status: 'dropped', item });
  return diffs;
}

const fkKey = (fk: ForeignKeySnapshot) => JSON.stringify([fk.columns, fk.table, fk.references]);

export function diffTableSchema(table: string, before: TableSnapshot | undefined, after: TableSnapshot | undefined, change: TableChange): TableSchemaDiff {
  const b = before?.columns ?? [];
  const a = after?.columns ?? [];
  const oldColumns = new Map(b.map((c) => [c.name, c]));
  const newColumns = new Map(a.map((c) => [c.name, c]));
  // A table that only exists on one side is shown as it is, not as all-added or all-dropped.
  const order =
    before && after
      ? mergeColumnOrder(b.map((c) => c.name), a.map((c) => c.name))
      : (after ?? before)?.columns.map((c) => ({ name: c.name, presence: 'kept' as const })) ?? [];
  const columns = order.flatMap(({ name, presence }): ColumnDiff[] => {
    const was = oldColumns.get(name);
    const now = newColumns.get(name);
    const column = now ?? was;
    if (!column) return [];
    if (presence === 'added') return [{ name, status: 'added', column, changes: [] }];
    if (presence === 'dropped') return [{ name, status: 'dropped', column, changes: [] }];
    const changes = was && now ? fieldChanges(was, now) : [];
    return [{ name, status: changes.length > 0 ? 'changed' : 'same', column, changes }];
  });

  // One side only: its indexes and keys, each compared with itself (all `same`).
  const side = after ?? before;
  const oldSide = before && after ? before : side;
  const indexes = diffByKey(oldSide?.indexes ?? [], side?.indexes ?? [], (i) => i.name, (x, y) => x.unique === y.unique && x.columns.join() === y.columns.join());
  const foreignKeys = diffByKey(oldSide?.foreignKeys ?? [], side?.foreignKeys ?? [], fkKey, (x, y) => x.onDelete === y.onDelete && x.onUpdate === y.onUpdate);

  const diff: TableSchemaDiff = {
    table,
    change,
    columns,
    indexes: indexes.map(({ status, item, was }) => ({ status, index: item, ...(was ? { was } : {}) })),
    foreignKeys: foreignKeys.map(({ status, item, was }) => ({ status, foreignKey: item, ...(was ? { was } : {}) })),
    changed: false,
  };
  diff.changed =
    change !== 'kept' ||
    diff.columns.some((c) => c.status !== 'same') ||
    diff.indexes.some((i) => i.status !== 'same') ||
    diff.foreignKeys.some((f) => f.status !== 'same');
  return diff;
}

/** How a table fared, from the loss report when there is one (it knows the models' tables). */
function tableChange(table: string, baseline: Tables | null, after: Tables, loss: LossReport | null): TableChange {
  const reported = loss?.tables.find((t) => t.table === table);
  if (reported) return reported.change;
  if (!after[table]) return 'dropped';
  if (baseline && !baseline[table]) return /_backup$/.test(table) ? 'leftover' : 'created';
  return 'kept';
}

/** Every table before or after, in name order. */
export function diffSchemas(baseline: Tables | null, after: Tables, loss: LossReport | null = null): TableSchemaDiff[] {
  const tables = [...new Set([...Object.keys(baseline ?? {}), ...Object.keys(after)])].sort();
  return tables.map((table) =>
    diffTableSchema(table, baseline?.[table], after[table], tableChange(table, baseline, after, loss)),
  );
}
