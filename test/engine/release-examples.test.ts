/**
 * What the examples of other releases (Sequelize 6.5.1, and 7's "Model
 * synchronization" page) show, checked on the engine's own result, as
 * fixtures-behaviour.test.ts checks the others: if a release or the runner
 * changes what a mode does, the example's notice would lie.
 */
import { describe, expect, it } from 'vitest';
import type { ModeResult } from '../../src/engine/result';
import type { Mode } from '../../src/engine/scenario';
import { maskTemporaryTableNames } from '../support/comparable';
import { fixtureMode, fixtureResult } from '../results/fixture-results';

const run = fixtureResult;
const mode = async (name: string, which: Mode): Promise<ModeResult> => (await fixtureMode(name, which)).mode;

const rowsOf = (m: ModeResult, table: string) => m.tables[table]?.rows ?? [];
const columnsOf = (m: ModeResult, table: string) => (m.tables[table]?.columns ?? []).map((c) => c.name);
const sqlOf = (m: ModeResult) => m.log.map((entry) => entry.sql);

describe('seed-add-column-6.5.1', () => {
  it('runs on 6.5.1, whose sync() creates the table straight away, with the seed’s outcome', async () => {
    expect((await run('seed-add-column-6.5.1')).sequelizeVersion).toBe('6.5.1');
    const sync = await mode('seed-add-column-6.5.1', 'sync');
    expect(sqlOf(sync)[0]).toMatch(/^CREATE TABLE IF NOT EXISTS `IntegerNames`/);
    expect(sqlOf(sync).some((sql) => sql.includes('sqlite_master'))).toBe(false);
    expect(sync.error?.message).toBe('SQLITE_ERROR: table IntegerNames has no column named nameEs');
    expect((await mode('seed-add-column-6.5.1', 'force')).loss.rowsLost).toBe(2);
    const alter = await mode('seed-add-column-6.5.1', 'alter');
    expect(alter.loss.rowsLost).toBe(0);
    expect(rowsOf(alter, 'IntegerNames')).toHaveLength(4);
  });
});

describe('v7-model-synchronization', () => {
  const name = 'v7-model-synchronization';

  it('runs on Sequelize 7', async () => {
    expect((await run(name)).sequelizeVersion).toMatch(/^7\./);
  });

  it('sync() only looks the table up, so inserting favoriteColor fails', async () => {
    const sync = await mode(name, 'sync');
    expect(sqlOf(sync)[0]).toBe("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'Users'");
    expect(sync.error?.message).toBe('SQLITE_ERROR: table Users has no column named favoriteColor');
  });

  it('force loses both rows; drop removes the table', async () => {
    const force = await mode(name, 'force');
    expect(force.loss.rowsLost).toBe(2);
    expect(rowsOf(force, 'Users').map((r) => r.firstName)).toEqual(['Grace']);
    expect(Object.keys((await mode(name, 'drop')).tables)).toEqual([]);
  });

  it('alter adds the column, then rebuilds Users through a random copy once per existing column, keeping the rows', async () => {
    const alter = await mode(name, 'alter');
    expect(alter.error).toBeNull();
    expect(sqlOf(alter)).toContain("ALTER TABLE `Users` ADD `favoriteColor` TEXT DEFAULT 'green';");
    const renames = sqlOf(alter).map(maskTemporaryTableNames).filter((sql) => sql === 'ALTER TABLE `Users_<random>` RENAME TO `Users`;');
    expect(renames).toHaveLength(['firstName', 'lastName', 'createdAt', 'updatedAt'].length);
    expect(alter.loss.rowsLost).toBe(0);
    expect(rowsOf(alter, 'Users').map((r) => [r.firstName, r.favoriteColor])).toEqual([
      ['Ada', 'green'],
      ['Alan', 'green'],
      ['Grace', 'green'],
    ]);
  });
});

describe('v7-model-sync-calls', () => {
  it('announces each model-level call in After and shows what it did', async () => {
    const sync = await mode('v7-model-sync-calls', 'sync');
    expect(sync.error).toBeNull();
    expect(sync.console).toEqual([
      'after sequelize.sync() (the mode):   columns: id, firstName, lastName, createdAt, updatedAt; rows: 2',
      'User.sync() creates the table only if it does not exist:   columns: id, firstName, lastName, createdAt, updatedAt; rows: 2',
      'User.sync({ alter: true }) changes the table to match the model:   columns: id, firstName, lastName, createdAt, updatedAt, favoriteColor; rows: 2',
      'User.sync({ force: true }) drops the table and creates it again:   columns: id, firstName, lastName, favoriteColor, createdAt, updatedAt; rows: 0',
      'User.drop() drops the table:   no Users table',
    ]);
    expect(sync.log.filter((entry) => entry.phase === 'after').map((entry) => entry.sql)).toContain('DROP TABLE IF EXISTS `Users`');
  });
});

describe('v7-match-removed', () => {
  it('throws at the forced sync before any statement of it, and the rows stay', async () => {
    const sync = await mode('v7-match-removed', 'sync');
    expect(sync.error).toMatchObject({
      phase: 'after',
      message: 'The "match" option has been removed as matching against a database name does not make sense in every dialects.',
    });
    expect(sync.log.filter((entry) => entry.phase === 'after')).toEqual([]);
    expect(columnsOf(sync, 'Users')).toContain('firstName');
    expect(rowsOf(sync, 'Users')).toHaveLength(2);
  });
});
