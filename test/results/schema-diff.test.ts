/** Schema diffs: columns, indexes and foreign keys against the baseline. */
import { describe, expect, it } from 'vitest';
import type { ColumnSnapshot, TableSnapshot } from '../../src/engine/result';
import { diffSchemas, diffTableSchema } from '../../src/results/schema-diff';
import { fixtureMode } from './fixture-results';

const col = (name: string, extra: Partial<ColumnSnapshot> = {}): ColumnSnapshot => ({
  name,
  type: 'TEXT',
  notNull: false,
  default: null,
  primaryKey: false,
  ...extra,
});
const table = (columns: ColumnSnapshot[], extra: Partial<TableSnapshot> = {}): TableSnapshot => ({
  columns,
  indexes: [],
  foreignKeys: [],
  rows: [],
  ...extra,
});

describe('diffTableSchema', () => {
  it('columns added, dropped (in place), changed and the same', () => {
    const before = table([col('id', { primaryKey: true, type: 'INTEGER' }), col('fax'), col('qty', { type: 'VARCHAR(255)' })]);
    const after = table([col('id', { primaryKey: true, type: 'INTEGER' }), col('qty', { type: 'INTEGER', notNull: true, default: '0' }), col('email')]);
    const diff = diffTableSchema('T', before, after, 'kept');
    expect(diff.columns.map((c) => [c.name, c.status])).toEqual([
      ['id', 'same'],
      ['fax', 'dropped'],
      ['qty', 'changed'],
      ['email', 'added'],
    ]);
    expect(diff.columns[2]?.changes).toEqual([
      { field: 'type', before: 'VARCHAR(255)', after: 'INTEGER' },
      { field: 'notNull', before: 'false', after: 'true' },
      { field: 'default', before: 'none', after: '0' },
    ]);
    expect(diff.changed).toBe(true);
  });

  it('indexes and foreign keys added, dropped and changed', () => {
    const fk = { columns: ['TeamId'], table: 'Teams', references: ['id'], onUpdate: 'CASCADE', onDelete: 'SET NULL' };
    const before = table([col('id')], {
      indexes: [
        { name: 'a', unique: false, columns: ['x'], origin: 'c' },
        { name: 'b', unique: false, columns: ['y'], origin: 'c' },
      ],
      foreignKeys: [fk],
    });
    const after = table([col('id')], {
      indexes: [
        { name: 'b', unique: true, columns: ['y'], origin: 'c' },
        { name: 'c', unique: false, columns: ['z'], origin: 'c' },
      ],
      foreignKeys: [{ ...fk, onDelete: 'CASCADE' }],
    });
    const diff = diffTableSchema('T', before, after, 'kept');
    expect(diff.indexes.map((i) => [i.index.name, i.status])).toEqual([
      ['b', 'changed'],
      ['c', 'added'],
      ['a', 'dropped'],
    ]);
    expect(diff.indexes[0]?.was?.unique).toBe(false);
    expect(diff.foreignKeys.map((f) => [f.foreignKey.onDelete, f.status, f.was?.onDelete])).toEqual([['CASCADE', 'changed', 'SET NULL']]);
  });

  it('a table on one side only is shown as it is, labelled by its change', () => {
    const t = table([col('id'), col('x')]);
    const created = diffTableSchema('T', undefined, t, 'created');
    expect(created.columns.map((c) => c.status)).toEqual(['same', 'same']);
    expect(created.changed).toBe(true);
    expect(diffTableSchema('T', t, undefined, 'dropped').columns.map((c) => c.status)).toEqual(['same', 'same']);
    expect(diffTableSchema('T', t, t, 'kept').changed).toBe(false);
  });
});

describe('diffSchemas', () => {
  it('without a loss report: dropped, created and leftover backup tables', () => {
    const t = table([col('id')]);
    const diffs = diffSchemas({ Old: t, Same: t }, { Same: t, New: t, Subscribers_backup: t });
    expect(diffs.map((d) => [d.table, d.change])).toEqual([
      ['New', 'created'],
      ['Old', 'dropped'],
      ['Same', 'kept'],
      ['Subscribers_backup', 'leftover'],
    ]);
  });

  it('real results: the column alter added, and the leftover table of a failed alter', async () => {
    const seed = await fixtureMode('seed-add-column', 'alter');
    const [names] = diffSchemas(seed.result.baseline.tables, seed.mode.tables, seed.mode.loss);
    expect(names?.columns.filter((c) => c.status !== 'same').map((c) => [c.name, c.status])).toEqual([['nameEs', 'added']]);

    const dup = await fixtureMode('unique-over-duplicates', 'alter');
    const diffs = diffSchemas(dup.result.baseline.tables, dup.mode.tables, dup.mode.loss);
    expect(diffs.find((d) => d.table === 'Subscribers_backup')?.change).toBe('leftover');
  });
});
