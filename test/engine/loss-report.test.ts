/**
 * computeLoss on hand-built snapshots: each case is a shape a real mode
 * produces (see test/fixtures/), reduced to the cells that matter.
 */
import { describe, expect, it } from 'vitest';
import { computeLoss } from '../../src/engine/loss-diff';
import type { ColumnSnapshot, Row, TableSnapshot, Tables } from '../../src/engine/result';

function column(name: string, type = 'VARCHAR(255)', extra: Partial<ColumnSnapshot> = {}): ColumnSnapshot {
  return { name, type, notNull: false, default: null, primaryKey: false, ...extra };
}

const id = column('id', 'INTEGER', { primaryKey: true });

/** A table with an INTEGER primary key `id` and the given other columns. */
function table(columns: Array<string | ColumnSnapshot>, rows: Row[]): TableSnapshot {
  const cols = [id, ...columns.map((c) => (typeof c === 'string' ? column(c) : c))];
  return { columns: cols, indexes: [], foreignKeys: [], rows };
}

const authors = () => table(['name'], [{ id: 1, name: 'Le Guin' }, { id: 2, name: 'Pratchett' }]);
const books = () =>
  table(['title', column('AuthorId', 'INTEGER')], [
    { id: 1, title: 'The Dispossessed', AuthorId: 1 },
    { id: 2, title: 'Earthsea', AuthorId: 1 },
    { id: 3, title: 'Mort', AuthorId: 2 },
  ]);

function lossOf(report: ReturnType<typeof computeLoss>, name: string) {
  const found = report.tables.find((t) => t.table === name);
  if (!found) throw new Error(`no table ${name} in the report`);
  return found;
}

describe('computeLoss', () => {
  it('reports nothing lost when nothing changed', () => {
    const baseline: Tables = { Authors: authors(), Books: books() };
    const report = computeLoss(baseline, { Authors: authors(), Books: books() }, ['Authors', 'Books']);
    expect(report).toMatchObject({
      rowsBefore: 5,
      rowsKept: 5,
      rowsLost: 0,
      rowsAdded: 0,
      valuesChanged: 0,
      valuesNulled: 0,
      tablesDropped: [],
      columnsDropped: [],
      leftoverTables: [],
      lossy: false,
    });
    expect(report.tables.map((t) => [t.table, t.change])).toEqual([['Authors', 'kept'], ['Books', 'kept']]);
  });

  it('counts new rows as added without calling the mode lossy', () => {
    const after = table(['name'], [...authors().rows, { id: 3, name: 'Jemisin' }]);
    const report = computeLoss({ Authors: authors() }, { Authors: after }, ['Authors']);
    expect(report).toMatchObject({ rowsKept: 2, rowsAdded: 1, rowsLost: 0, lossy: false });
  });

  it('cascade: finds the child rows lost in a table the changed model never named', () => {
    // alter added `bio` to Authors; its rebuild dropped Authors, ON DELETE CASCADE emptied Books.
    const alteredAuthors = table(['name', column('bio', 'TEXT')], [
      { id: 1, name: 'Le Guin', bio: null },
      { id: 2, name: 'Pratchett', bio: null },
    ]);
    const emptied = { ...books(), rows: [] };
    const report = computeLoss({ Authors: authors(), Books: books() }, { Authors: alteredAuthors, Books: emptied }, ['Authors', 'Books']);
    expect(lossOf(report, 'Books')).toMatchObject({ change: 'kept', rowsBefore: 3, rowsAfter: 0, rowsKept: 0, rowsLost: 3 });
    expect(lossOf(report, 'Authors')).toMatchObject({ rowsLost: 0, columnsAdded: ['bio'], valuesChanged: 0 });
    expect(report).toMatchObject({ rowsLost: 3, rowsKept: 2, tablesDropped: [], lossy: true });
  });

  it('SET NULL: keeps the rows but counts the nulled foreign keys', () => {
    const orphaned = { ...books(), rows: books().rows.map((row) => ({ ...row, AuthorId: null })) };
    const report = computeLoss({ Authors: authors(), Books: books() }, { Authors: authors(), Books: orphaned }, null);
    expect(lossOf(report, 'Books')).toMatchObject({ rowsKept: 3, rowsLost: 0, valuesChanged: 3, valuesNulled: 3 });
    expect(report).toMatchObject({ rowsLost: 0, valuesNulled: 3, valuesChanged: 3, lossy: true });
  });

  it('a failed alter: the `_backup` table nobody defined is a leftover, the original is intact', () => {
    const subscribers = table(['email'], [
      { id: 1, email: 'ann@example.com' },
      { id: 2, email: 'bob@example.com' },
      { id: 3, email: 'ann@example.com' },
    ]);
    const after: Tables = { Subscribers: subscribers, Subscribers_backup: { ...subscribers, rows: [] } };
    const report = computeLoss({ Subscribers: subscribers }, after, ['Subscribers']);
    expect(report.leftoverTables).toEqual(['Subscribers_backup']);
    expect(lossOf(report, 'Subscribers_backup')).toMatchObject({ change: 'leftover', rowsBefore: 0, rowsLost: 0 });
    expect(report).toMatchObject({ rowsLost: 0, rowsKept: 3, lossy: false });
    // Without the models' table names, the `_backup` suffix decides.
    expect(computeLoss({ Subscribers: subscribers }, after, null).leftoverTables).toEqual(['Subscribers_backup']);
  });

  it("a new table a model owns is created, not a leftover, even if it isn't named like one", () => {
    const clients = table(['name'], []);
    const report = computeLoss({ Customers: table(['name'], [{ id: 1, name: 'Acme' }]) }, { Customers: table(['name'], [{ id: 1, name: 'Acme' }]), clients }, ['clients']);
    expect(lossOf(report, 'clients').change).toBe('created');
    expect(report.leftoverTables).toEqual([]);
    const unowned = computeLoss({}, { Stray: clients }, ['clients']);
    expect(unowned.leftoverTables).toEqual(['Stray']);
  });

  it('a dropped table loses all its rows and lists no dropped columns', () => {
    const users = table(['name'], [{ id: 1, name: 'Ada' }, { id: 2, name: 'Linus' }]);
    const legacy = table(['summary'], [{ id: 1, summary: 'Q1' }]);
    const report = computeLoss({ Users: users, LegacyReports: legacy }, { LegacyReports: legacy }, []);
    expect(lossOf(report, 'Users')).toMatchObject({ change: 'dropped', rowsBefore: 2, rowsAfter: 0, rowsLost: 2, columnsDropped: [] });
    expect(report).toMatchObject({ tablesDropped: ['Users'], rowsLost: 2, rowsKept: 1, columnsDropped: [], lossy: true });
  });

  it('a dropped column: rows kept, the column and its non-null values reported', () => {
    const before = table(['name', 'nickname'], [
      { id: 1, name: 'Ada', nickname: 'countess' },
      { id: 2, name: 'Linus', nickname: 'penguin' },
      { id: 3, name: 'Grace', nickname: null },
    ]);
    const after = table(['name'], before.rows.map(({ id: key, name }) => ({ id: key ?? null, name: name ?? null })));
    const report = computeLoss({ Users: before }, { Users: after }, ['Users']);
    expect(report.columnsDropped).toEqual([{ table: 'Users', column: 'nickname' }]);
    expect(lossOf(report, 'Users')).toMatchObject({ rowsKept: 3, rowsLost: 0, valuesInDroppedColumns: 2, valuesChanged: 0 });
    expect(report.lossy).toBe(true);
  });

  it('force recreate: new rows reusing old ids count as lost + added, not changed', () => {
    const stamped = ['value', 'name', column('createdAt', 'DATETIME', { notNull: true })];
    const before = table(stamped, [
      { id: 1, value: 2, name: 'two', createdAt: '2024-01-01 10:00:00.000 +00:00' },
      { id: 2, value: 3, name: 'three', createdAt: '2024-01-01 10:00:01.000 +00:00' },
    ]);
    const after = table(stamped, [
      { id: 1, value: 5, name: 'five', createdAt: '2024-06-01 09:00:00.000 +00:00' },
      { id: 2, value: 7, name: 'seven', createdAt: '2024-06-01 09:00:01.000 +00:00' },
    ]);
    const report = computeLoss({ IntegerNames: before }, { IntegerNames: after }, ['IntegerNames']);
    expect(lossOf(report, 'IntegerNames')).toMatchObject({ rowsKept: 0, rowsLost: 2, rowsAdded: 2, valuesChanged: 0 });
    expect(report).toMatchObject({ rowsLost: 2, rowsAdded: 2, valuesChanged: 0, lossy: true });
  });

  it('an update of one value in a kept row is a change, not a lost row', () => {
    const before = table(['name', 'email'], [{ id: 1, name: 'Ada', email: 'ada@old.example' }]);
    const after = table(['name', 'email'], [{ id: 1, name: 'Ada', email: 'ada@new.example' }]);
    const report = computeLoss({ Users: before }, { Users: after }, ['Users']);
    expect(report).toMatchObject({ rowsKept: 1, rowsLost: 0, rowsAdded: 0, valuesChanged: 1, valuesNulled: 0, lossy: true });
  });

  it('a type change: column reported as changed, converted values counted, equal blobs not', () => {
    const before = table(['quantity', column('data', 'BLOB')], [
      { id: 1, quantity: '12', data: { blob: '6869' } },
      { id: 2, quantity: 'a dozen', data: { blob: '6869' } },
    ]);
    const after = table([column('quantity', 'INTEGER'), column('data', 'BLOB')], [
      { id: 1, quantity: 12, data: { blob: '6869' } },
      { id: 2, quantity: 'a dozen', data: { blob: '6869' } },
    ]);
    const report = computeLoss({ Items: before }, { Items: after }, ['Items']);
    expect(lossOf(report, 'Items')).toMatchObject({ columnsChanged: ['quantity'], rowsKept: 2, valuesChanged: 1, valuesNulled: 0 });
  });

  // An UPDATE of a model with one attribute plus timestamps (text and
  // updatedAt differ, createdAt equal) is a change of the same row.
  it('an update of the only attribute of a timestamped row is a change, not a lost row', () => {
    const stamped = ['text', 'createdAt', 'updatedAt'];
    const before = table(stamped, [{ id: 1, text: 'buy milk', createdAt: 't1', updatedAt: 't1' }]);
    const after = table(stamped, [{ id: 1, text: 'buy oat milk', createdAt: 't1', updatedAt: 't2' }]);
    const report = computeLoss({ Notes: before }, { Notes: after }, ['Notes']);
    expect(report).toMatchObject({ rowsKept: 1, rowsLost: 0, rowsAdded: 0, valuesChanged: 2 });
  });

  it('a type change on a table with a single attribute keeps the rows (12 is still 12)', () => {
    const before = table(['quantity'], [{ id: 1, quantity: '12' }, { id: 2, quantity: 'a dozen' }]);
    const after = table(['quantity'], [{ id: 1, quantity: 12 }, { id: 2, quantity: 'a dozen' }]);
    const report = computeLoss({ Items: before }, { Items: after }, ['Items']);
    expect(lossOf(report, 'Items')).toMatchObject({ rowsKept: 2, rowsLost: 0, valuesChanged: 1 });
  });

  it('a replacement that reuses an id and shares one value is still a loss and an addition', () => {
    const cols = ['status', 'name', 'score'];
    const before = table(cols, [{ id: 1, status: 'active', name: 'Ann', score: 3 }]);
    const after = table(cols, [{ id: 1, status: 'active', name: 'Zed', score: 9 }]);
    expect(lossOf(computeLoss({ T: before }, { T: after }, ['T']), 'T')).toMatchObject({ rowsKept: 0, rowsLost: 1, rowsAdded: 1 });
  });

  it('with timestamps, the creation time tells an update from a replacement', () => {
    const cols = ['status', 'createdAt'];
    const updated = computeLoss({ T: table(cols, [{ id: 1, status: 'a', createdAt: 't1' }]) }, { T: table(cols, [{ id: 1, status: 'b', createdAt: 't1' }]) }, ['T']);
    expect(lossOf(updated, 'T')).toMatchObject({ rowsKept: 1, valuesChanged: 1 });
    const replaced = computeLoss({ T: table(cols, [{ id: 1, status: 'a', createdAt: 't1' }]) }, { T: table(cols, [{ id: 1, status: 'a', createdAt: 't2' }]) }, ['T']);
    expect(lossOf(replaced, 'T')).toMatchObject({ rowsKept: 0, rowsLost: 1, rowsAdded: 1 });
  });

  it('tables without a primary key pair equal rows, duplicates included', () => {
    const plain = (rows: Row[]): TableSnapshot => ({ columns: [column('tag')], indexes: [], foreignKeys: [], rows });
    const report = computeLoss({ Tags: plain([{ tag: 'a' }, { tag: 'a' }, { tag: 'b' }]) }, { Tags: plain([{ tag: 'a' }, { tag: 'c' }]) }, ['Tags']);
    expect(lossOf(report, 'Tags')).toMatchObject({ rowsKept: 1, rowsLost: 2, rowsAdded: 1 });
  });
});
