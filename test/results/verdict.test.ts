/** Verdicts and summary rows on real engine results of the example fixtures. */
import { describe, expect, it } from 'vitest';
import type { Mode } from '../../src/engine/scenario';
import { modeVerdict } from '../../src/results/verdict';
import { runSummary } from '../../src/results/run-summary';
import { fixtureMode, fixtureResult } from './fixture-results';

async function verdict(name: string, mode: Mode) {
  const { result, mode: m } = await fixtureMode(name, mode);
  return modeVerdict(m, result.baseline.tables);
}

describe('modeVerdict', () => {
  it('seed force: both rows lost', async () => {
    const v = await verdict('seed-add-column', 'force');
    expect(v).toMatchObject({ tone: 'danger', text: '2 rows lost in IntegerNames' });
    expect(v.details).toContain('column nameEs added to IntegerNames');
  });

  it('seed alter: a rebuild that lost nothing', async () => {
    const v = await verdict('seed-add-column', 'alter');
    expect(v).toMatchObject({ tone: 'ok', text: 'table rebuilt, no data lost' });
    expect(v.details).toContain('rebuilt through a copy: IntegerNames');
  });

  it('seed sync: the failure, with the message in the details', async () => {
    const v = await verdict('seed-add-column', 'sync');
    expect(v).toMatchObject({ tone: 'error', text: 'failed in phase after: SequelizeDatabaseError' });
    expect(v.details).toContain('SQLITE_ERROR: table IntegerNames has no column named nameEs');
  });

  it('seed drop: the failure leads, the dropped table follows', async () => {
    const v = await verdict('seed-add-column', 'drop');
    expect(v.tone).toBe('error');
    expect(v.details).toContain('table IntegerNames dropped with its 2 rows');
  });

  it('cascade alter: the books went with their authors', async () => {
    const v = await verdict('cascade-parent-altered', 'alter');
    expect(v).toMatchObject({ tone: 'danger', text: '3 rows lost in Books (cascade)' });
    expect(v.details[0]).toBe('Books kept 0 of its 3 rows (ON DELETE CASCADE when Authors was dropped)');
  });

  it('cascade alter without the baseline still tells the cascade from the keys after', async () => {
    const { mode } = await fixtureMode('cascade-parent-altered', 'alter');
    expect(modeVerdict(mode).text).toBe('3 rows lost in Books (cascade)');
  });

  it('cascade alter-safe: only the column added', async () => {
    expect(await verdict('cascade-parent-altered', 'alter-safe')).toMatchObject({ tone: 'ok', text: 'column bio added' });
  });

  it('set null: values nulled by ON DELETE SET NULL', async () => {
    expect((await verdict('set-null-parent-altered', 'alter')).text).toBe('3 values nulled in Players (SET NULL)');
  });

  it('remove-column alter: the column dropped, with how many values went', async () => {
    const v = await verdict('remove-column', 'alter');
    expect(v).toMatchObject({ tone: 'danger', text: 'column nickname dropped' });
    expect(v.details).toContain('Users: nickname dropped with 2 values');
  });

  it('force of a table other code never mentions is not called a cascade', async () => {
    expect((await verdict('model-removed', 'force')).text).toBe('1 row lost in Users');
    expect((await verdict('model-removed', 'drop')).text).toBe('table Users dropped');
  });

  it('unique over duplicates: the failure, then the leftover backup table', async () => {
    const v = await verdict('unique-over-duplicates', 'alter');
    expect(v.text).toBe('failed in phase operation: SequelizeUniqueConstraintError');
    expect(v.details).toContain('Subscribers_backup left behind: no model owns it');
  });

  it('no change, and new rows only as a detail', async () => {
    expect(await verdict('cascade-parent-altered', 'sync')).toEqual({ tone: 'ok', text: 'no change', details: [] });
    expect(await verdict('bulk-create-ids', 'sync')).toEqual({ tone: 'ok', text: 'no change', details: ['3 rows added'] });
  });

  it('values converted by a type change are a warning', async () => {
    expect(await verdict('change-column-type', 'alter')).toMatchObject({ tone: 'warn', text: '2 values changed in Items' });
  });

  it('headlines stay short on every mode of the examples', async () => {
    for (const name of ['seed-add-column', 'cascade-parent-altered', 'timestamps-removed', 'table-name-changed']) {
      for (const mode of (await fixtureResult(name)).modes) {
        expect(modeVerdict(mode).text.length).toBeLessThanOrEqual(64);
      }
    }
  });
});

describe('runSummary', () => {
  it('one row per mode in column order, with counts from the loss report and the log', async () => {
    const result = await fixtureResult('seed-add-column');
    const rows = runSummary(result);
    expect(rows.map((r) => r.mode)).toEqual(['sync', 'force', 'alter', 'drop']);
    const force = rows[1];
    expect(force).toMatchObject({ mode: 'force', call: 'sequelize.sync({ force: true })', rowsBefore: 2, rowsKept: 0, rowsLost: 2, rowsAdded: 2 });
    expect(force?.statements).toBe(result.modes[1]?.log.length);
    expect(force?.destructiveStatements).toBeGreaterThan(0);
    expect(rows[0]?.error?.name).toBe('SequelizeDatabaseError');
    expect(rows[2]).toMatchObject({ rowsKept: 2, rowsLost: 0, error: null });
  });
});
