/**
 * What each example scenario (test/fixtures/) shows a learner, checked on the
 * engine's own result: if Sequelize, SQLite or the runner changes what a mode
 * does, the example's "notice" would lie, and one of these fails.
 */
import { describe, expect, it } from 'vitest';
import type { Mode } from '../../src/engine/scenario';
import type { ModeResult } from '../../src/engine/result';
import { fixtureMode, fixtureResult } from '../results/fixture-results';
import { loadFixture, loadFixtures } from '../support/fixtures';

const run = fixtureResult;
const mode = async (name: string, which: Mode): Promise<ModeResult> => (await fixtureMode(name, which)).mode;

const rowsOf = (m: ModeResult, table: string) => m.tables[table]?.rows ?? [];
const columnsOf = (m: ModeResult, table: string) => (m.tables[table]?.columns ?? []).map((c) => c.name);
const tableLoss = (m: ModeResult, table: string) => m.loss.tables.find((t) => t.table === table);
const sqlOf = (m: ModeResult) => m.log.map((entry) => entry.sql);

describe('every example', () => {
  for (const { name, scenario } of loadFixtures()) {
    it(`${name}: has a title and a one-sentence notice, and its setup runs`, async () => {
      expect(scenario.title).toMatch(/\S/);
      expect(scenario.notice).toMatch(/^[A-Za-z][^\n]*[.!]$/);
      expect((await run(name)).baseline.error).toBeNull();
    });
  }
});

describe('seed-add-column', () => {
  it('sync() leaves the table alone, so inserting nameEs fails', async () => {
    expect((await mode('seed-add-column', 'sync')).error).toEqual({
      phase: 'after',
      name: 'SequelizeDatabaseError',
      message: 'SQLITE_ERROR: table IntegerNames has no column named nameEs',
      // The first create in after: line 2 of the seed's after code.
      location: { field: 'after', line: 2, column: 1 },
    });
  });

  it('force keeps none of the old rows', async () => {
    const force = await mode('seed-add-column', 'force');
    expect(force.error).toBeNull();
    expect(rowsOf(force, 'IntegerNames').map((r) => r.name)).toEqual(['five', 'seven']);
    expect(force.loss.rowsLost).toBe(2);
  });

  it('alter keeps two and three with nameEs null, accepts the new rows and copies through IntegerNames_backup', async () => {
    const alter = await mode('seed-add-column', 'alter');
    expect(alter.error).toBeNull();
    const rows = rowsOf(alter, 'IntegerNames').map((r) => [r.name, r.nameEs]);
    expect(rows).toEqual([['two', null], ['three', null], ['five', 'cinco'], ['seven', 'siete']]);
    expect(sqlOf(alter)).toContain(
      'INSERT INTO `IntegerNames_backup` SELECT `id`, `value`, `name`, `createdAt`, `updatedAt`, `nameEs` FROM `IntegerNames`;',
    );
    expect(alter.loss.rowsLost).toBe(0);
  });
});

describe('schema changes', () => {
  it('remove-column: alter drops nickname with its values, alter-safe keeps them', async () => {
    const alter = await mode('remove-column', 'alter');
    expect(alter.loss.columnsDropped).toEqual([{ table: 'Users', column: 'nickname' }]);
    expect(tableLoss(alter, 'Users')?.valuesInDroppedColumns).toBe(2);
    const safe = await mode('remove-column', 'alter-safe');
    expect(rowsOf(safe, 'Users').map((r) => r.nickname)).toEqual(['countess', 'penguin', null]);
    expect(safe.loss.lossy).toBe(false);
  });

  it('rename-column: alter drops title (values lost) and adds an empty name', async () => {
    const alter = await mode('rename-column', 'alter');
    expect(alter.loss.columnsDropped).toEqual([{ table: 'Products', column: 'title' }]);
    expect(tableLoss(alter, 'Products')?.valuesInDroppedColumns).toBe(3);
    expect(rowsOf(alter, 'Products').map((r) => r.name)).toEqual([null, null, null]);
  });

  it("change-column-type: the copy turns '12' into 12 and keeps 'a dozen' as text", async () => {
    const alter = await mode('change-column-type', 'alter');
    expect(alter.tables.Items?.columns.find((c) => c.name === 'quantity')?.type).toBe('INTEGER');
    expect(rowsOf(alter, 'Items').map((r) => r.quantity)).toEqual([12, 7, 'a dozen']);
    expect(alter.console).toContain('rolls: "a dozen" stored as text');
  });

  it('add-not-null-column: alter fails and keeps the rows, force loses them', async () => {
    const alter = await mode('add-not-null-column', 'alter');
    expect(alter.error).toEqual({
      phase: 'operation',
      name: 'SequelizeDatabaseError',
      message: 'SQLITE_ERROR: Cannot add a NOT NULL column with default value NULL',
    });
    expect(rowsOf(alter, 'Users')).toHaveLength(2);
    expect((await mode('add-not-null-column', 'force')).loss.rowsLost).toBe(2);
  });

  it('add-not-null-column-with-default: alter fills old rows with the default', async () => {
    const alter = await mode('add-not-null-column-with-default', 'alter');
    expect(alter.error).toBeNull();
    expect(rowsOf(alter, 'Tasks').map((r) => r.status)).toEqual(['open', 'open', 'done']);
    expect(alter.loss.rowsLost).toBe(0);
  });

  it('unique-over-duplicates: alter fails on the copy and leaves Subscribers_backup behind', async () => {
    const alter = await mode('unique-over-duplicates', 'alter');
    expect(alter.error).toMatchObject({ phase: 'operation', name: 'SequelizeUniqueConstraintError' });
    expect(alter.loss.leftoverTables).toEqual(['Subscribers_backup']);
    expect(rowsOf(alter, 'Subscribers')).toHaveLength(3);
  });

  it('add-index: even plain sync() creates the missing index', async () => {
    const sync = await mode('add-index', 'sync');
    expect(sync.log).toContainEqual(expect.objectContaining({ phase: 'operation', sql: 'CREATE INDEX `users_last_name` ON `Users` (`lastName`)' }));
    expect(sync.tables.Users?.indexes.map((i) => i.name)).toEqual(['users_last_name']);
    expect(sync.loss.lossy).toBe(false);
  });

  it('paranoid-added: sync lacks deletedAt, alter soft-deletes', async () => {
    expect((await mode('paranoid-added', 'sync')).error?.message).toBe('SQLITE_ERROR: no such column: deletedAt');
    expect((await mode('paranoid-added', 'alter')).console).toEqual(['visible posts: 2', 'including soft-deleted: 3']);
  });

  it('timestamps-removed: alter drops both timestamp columns, sync keeps them NOT NULL and inserts fail', async () => {
    const alter = await mode('timestamps-removed', 'alter');
    expect(alter.loss.columnsDropped.map((c) => c.column)).toEqual(['createdAt', 'updatedAt']);
    for (const which of ['sync', 'alter-safe'] as const) {
      const kept = await mode('timestamps-removed', which);
      expect(kept.error).toMatchObject({ phase: 'after', name: 'SequelizeUniqueConstraintError' });
      expect(kept.console[0]).toContain('NOT NULL constraint failed: Notes.createdAt');
    }
  });

  it('alter-drop-false: alter-safe adds email, keeps fax and rebuilds nothing', async () => {
    const safe = await mode('alter-drop-false', 'alter-safe');
    expect(columnsOf(safe, 'Customers')).toEqual(expect.arrayContaining(['fax', 'email']));
    expect(rowsOf(safe, 'Customers').map((r) => r.fax)).toEqual(['555-0100', '555-0199']);
    expect(safe.log.filter((e) => e.kind === 'rebuild')).toEqual([]);
    expect((await mode('alter-drop-false', 'alter')).loss.columnsDropped).toEqual([{ table: 'Customers', column: 'fax' }]);
  });

  it('alter-unchanged-model: alter rebuilds without AUTOINCREMENT and reuses the deleted id', async () => {
    const alter = await mode('alter-unchanged-model', 'alter');
    expect(sqlOf(alter).filter((sql) => sql === 'DROP TABLE `Tickets`;')).toHaveLength(3);
    expect(alter.console).toEqual(['new ticket id: 3']);
    expect((await mode('alter-unchanged-model', 'sync')).console).toEqual(['new ticket id: 4']);
  });
});

describe('tables the models do not name', () => {
  it("cascade-parent-altered: rebuilding Authors deletes every Book, and the loss report says so", async () => {
    const alter = await mode('cascade-parent-altered', 'alter');
    expect(rowsOf(alter, 'Books')).toEqual([]);
    expect(tableLoss(alter, 'Books')).toMatchObject({ change: 'kept', rowsBefore: 3, rowsLost: 3 });
    expect(tableLoss(alter, 'Authors')?.rowsLost).toBe(0);
    expect(alter.log).toContainEqual(expect.objectContaining({ sql: 'DROP TABLE `Authors`;', kind: 'rebuild', destructive: true }));
    expect((await mode('cascade-parent-altered', 'alter-safe')).loss.rowsLost).toBe(0);
  });

  it('set-null-parent-altered: every TeamId is nulled, no row lost', async () => {
    const alter = await mode('set-null-parent-altered', 'alter');
    expect(rowsOf(alter, 'Players').map((r) => r.TeamId)).toEqual([null, null, null]);
    expect(tableLoss(alter, 'Players')).toMatchObject({ rowsLost: 0, valuesNulled: 3 });
    expect((await mode('set-null-parent-altered', 'alter-safe')).loss.valuesNulled).toBe(0);
  });

  it('model-removed: LegacyReports survives every mode, drop() only drops Users', async () => {
    for (const m of (await run('model-removed')).modes) expect(rowsOf(m, 'LegacyReports')).toHaveLength(2);
    expect((await mode('model-removed', 'drop')).loss.tablesDropped).toEqual(['Users']);
  });

  it('table-name-changed: a new empty clients table, the old Customers left behind', async () => {
    for (const which of ['sync', 'force', 'alter'] as const) {
      const m = await mode('table-name-changed', which);
      expect(rowsOf(m, 'Customers')).toHaveLength(2);
      expect(tableLoss(m, 'clients')).toMatchObject({ change: 'created', rowsAfter: 0 });
    }
  });
});

describe('safety checks, errors and data access in after', () => {
  it('match-guard-blocks: the forced sync throws and runs nothing', async () => {
    const sync = await mode('match-guard-blocks', 'sync');
    expect(sync.error).toMatchObject({ phase: 'after', name: 'Error', message: 'Database "playground" does not match sync match parameter "/_test$/"' });
    expect(sync.log.filter((e) => e.phase === 'after' && e.destructive)).toEqual([]);
    expect(rowsOf(sync, 'Orders')).toHaveLength(2);
  });

  it('match-guard-allows: on shop_test the forced sync runs and empties Orders', async () => {
    const sync = await mode('match-guard-allows', 'sync');
    expect(sync.error).toBeNull();
    expect(sync.console).toContain('orders after the forced sync: 0');
    expect(sync.loss.rowsLost).toBe(2);
  });

  it('bulk-create-ids: bulkCreate returns numeric ids', async () => {
    const expected = { sync: [3, 4, 5], force: [1, 2, 3], alter: [3, 4, 5] } as const;
    for (const [which, ids] of Object.entries(expected)) {
      const line = (await mode('bulk-create-ids', which as Mode)).console[0] ?? '';
      const parsed: unknown[] = JSON.parse(line.replace(/^ids: /, ''));
      expect(parsed.every((id) => typeof id === 'number')).toBe(true);
      expect(parsed).toEqual(ids);
    }
  });

  it('unique-constraint-error: SequelizeUniqueConstraintError under sync, none after force', async () => {
    const sync = await mode('unique-constraint-error', 'sync');
    expect(sync.error).toMatchObject({ phase: 'after', name: 'SequelizeUniqueConstraintError' });
    expect(sync.console).toEqual(['SequelizeUniqueConstraintError - email must be unique']);
    expect((await mode('unique-constraint-error', 'force')).error).toBeNull();
  });

  it('foreign-key-error: SequelizeForeignKeyConstraintError', async () => {
    expect((await mode('foreign-key-error', 'sync')).error).toMatchObject({
      phase: 'after',
      name: 'SequelizeForeignKeyConstraintError',
      message: 'SQLITE_CONSTRAINT: FOREIGN KEY constraint failed',
    });
  });

  it('transaction-rollback: one COMMIT, one ROLLBACK, balances from the first transfer', async () => {
    const sync = await mode('transaction-rollback', 'sync');
    const control = sync.log.filter((e) => e.kind === 'transaction').map((e) => e.sql.replace(/;$/, ''));
    expect(control).toEqual(['BEGIN DEFERRED TRANSACTION', 'COMMIT', 'BEGIN DEFERRED TRANSACTION', 'ROLLBACK']);
    expect(sync.console).toEqual(['rolled back: Bob cannot pay 500', 'Ann: 70\nBob: 50']);
  });

  it('value-types: each type reads back as documented', async () => {
    const sync = await mode('value-types', 'sync');
    expect(sync.console.slice(0, 9)).toEqual([
      'flag: true (boolean)',
      'happenedAt: 2024-05-01T10:30:00.000Z (Date)',
      'day: "2024-05-01" (string)',
      'price: 19.99 (number)',
      'ratio: 0.25 (number)',
      'meta: {"tags":["a","b"],"count":2} (object)',
      'data: 6869 (Buffer)',
      'uid: "6f1c2a9e-3b1d-4c5e-9f00-1234567890ab" (string)',
      'mood: "happy" (string)',
    ]);
    expect((await mode('value-types', 'alter')).console).toEqual(sync.console);
  });
});
