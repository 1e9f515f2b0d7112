/** Cell-by-cell row diffs, on hand-built snapshots and real engine results. */
import { describe, expect, it } from 'vitest';
import type { ColumnSnapshot, Row, TableSnapshot } from '../../src/engine/result';
import { changedRowsOnly, diffCells, diffTableRows } from '../../src/results/row-diff';
import { loadSqlJsInNode } from '../../src/cli/load-sqljs';
import type { RunProgress } from '../../src/engine/run-scenario';
import { runScenario } from '../../src/engine/run-scenario';
import { createSqljsHost } from '../../src/engine/sqljs-host';
import { forThePage } from '../../src/protocol/result-parts';
import { loadFixture } from '../support/fixtures';
import { fixtureMode } from './fixture-results';

const col = (name: string, primaryKey = false): ColumnSnapshot => ({ name, type: 'TEXT', notNull: false, default: null, primaryKey });
const table = (columns: string[], rows: Row[]): TableSnapshot => ({
  columns: columns.map((name) => col(name, name === 'id')),
  indexes: [],
  foreignKeys: [],
  rows,
});

describe('diffTableRows', () => {
  it('kept rows carry per-cell status: same, changed, nulled, new and dropped columns', () => {
    // createdAt survives, so row 1 is the same row (row-matching.ts).
    const before = table(['id', 'createdAt', 'name', 'team', 'fax'], [{ id: 1, createdAt: 'd1', name: 'a', team: 7, fax: '555' }]);
    const after = table(['id', 'createdAt', 'name', 'team', 'email'], [{ id: 1, createdAt: 'd1', name: 'A', team: null, email: null }]);
    const diff = diffTableRows(before, after);
    expect(diff.columns).toEqual([
      { name: 'id', presence: 'kept' },
      { name: 'createdAt', presence: 'kept' },
      { name: 'name', presence: 'kept' },
      { name: 'team', presence: 'kept' },
      { name: 'fax', presence: 'dropped' },
      { name: 'email', presence: 'added' },
    ]);
    const [row] = diff.rows;
    expect(row).toEqual({ kind: 'kept', before: 0, after: 0, changed: true });
    expect(diffCells(diff, row!)).toEqual([
      { column: 'id', status: 'same', value: 1 },
      { column: 'createdAt', status: 'same', value: 'd1' },
      { column: 'name', status: 'changed', value: 'A', was: 'a' },
      { column: 'team', status: 'nulled', value: null, was: 7 },
      { column: 'fax', status: 'dropped-column', value: '555' },
      { column: 'email', status: 'new-column', value: null },
    ]);
    expect(diff).toMatchObject({ kept: 1, lost: 0, added: 0, changedRows: 1, valuesChanged: 2, valuesNulled: 1, changed: true });
  });

  it('a replaced row with a reused id is a lost row and an added row, as the loss report says', () => {
    const before = table(['id', 'name'], [{ id: 1, name: 'two' }, { id: 2, name: 'three' }]);
    const after = table(['id', 'name'], [{ id: 1, name: 'five' }]);
    const diff = diffTableRows(before, after);
    expect(diff.rows.map((r) => r.kind)).toEqual(['lost', 'lost', 'added']);
    expect(diffCells(diff, diff.rows[0]!)[1]).toEqual({ column: 'name', status: 'lost', value: 'two' });
    expect(diffCells(diff, diff.rows[2]!)[1]).toEqual({ column: 'name', status: 'added', value: 'five' });
  });

  it('a dropped column has no value in an added row', () => {
    const diff = diffTableRows(table(['id', 'fax'], []), table(['id'], [{ id: 1 }]));
    expect(diffCells(diff, diff.rows[0]!)).toEqual([
      { column: 'id', status: 'added', value: 1 },
      { column: 'fax', status: 'absent', value: undefined },
    ]);
  });

  it('a dropped table loses every row; a created one adds every row; neither has added or dropped columns', () => {
    const t = table(['id', 'x'], [{ id: 1, x: 'a' }]);
    const dropped = diffTableRows(t, undefined);
    expect(dropped.columns.every((c) => c.presence === 'kept')).toBe(true);
    expect(dropped.rows).toEqual([{ kind: 'lost', before: 0, after: null, changed: false }]);
    const created = diffTableRows(undefined, t);
    expect(created.rows).toEqual([{ kind: 'added', before: null, after: 0, changed: false }]);
  });

  it('an unchanged table is not changed, and changedRowsOnly keeps only what differs', () => {
    const t = table(['id', 'x', 'y'], [{ id: 1, x: 'a', y: 1 }, { id: 2, x: 'b', y: 2 }]);
    expect(diffTableRows(t, t).changed).toBe(false);
    // Row 2 keeps y, so it is the same row with x changed (row-matching.ts).
    const after = table(['id', 'x', 'y'], [{ id: 1, x: 'a', y: 1 }, { id: 2, x: 'B', y: 2 }, { id: 3, x: 'c', y: 3 }]);
    const diff = diffTableRows(t, after);
    expect(changedRowsOnly(diff).map((r) => [r.kind, r.after])).toEqual([['kept', 1], ['added', 2]]);
  });

  it('blobs compare by content', () => {
    const before = table(['id', 'b'], [{ id: 1, b: { blob: 'ff' } }]);
    const after = table(['id', 'b'], [{ id: 1, b: { blob: 'ff' } }]);
    expect(diffTableRows(before, after).changed).toBe(false);
  });

  it('agrees with the loss report on real results: cascade, SET NULL, force and alter', async () => {
    const cases = [
      ['cascade-parent-altered', 'alter'],
      ['set-null-parent-altered', 'alter'],
      ['seed-add-column', 'force'],
      ['seed-add-column', 'alter'],
      ['change-column-type', 'alter'],
      ['remove-column', 'alter'],
    ] as const;
    for (const [name, which] of cases) {
      const { result, mode } = await fixtureMode(name, which);
      for (const loss of mode.loss.tables) {
        const diff = diffTableRows(result.baseline.tables[loss.table], mode.tables[loss.table]);
        expect([diff.kept, diff.lost, diff.added, diff.valuesChanged, diff.valuesNulled], `${name} ${which} ${loss.table}`).toEqual([
          loss.rowsKept,
          loss.rowsLost,
          loss.rowsAdded,
          loss.valuesChanged,
          loss.valuesNulled,
        ]);
      }
    }
  });

  // Speed is the benchmarks' business (a timed test flakes on shared cores); this checks the counts at scale.
  it('counts exactly at 100,000 rows', () => {
    const rows = Array.from({ length: 100_000 }, (_v, i) => ({ id: i + 1, name: `n${i}`, value: i }));
    const before = table(['id', 'name', 'value'], rows);
    const after = table(['id', 'name', 'value', 'extra'], rows.map((r) => ({ ...r, extra: null })));
    const diff = diffTableRows(before, after);
    expect(diff).toMatchObject({ kept: 100_000, lost: 0, changedRows: 0, changed: true });
  });
});

describe('the engine’s pairing, sent to the page', () => {
  it.each(['cascade-parent-altered', 'seed-add-column', 'unique-over-duplicates'])(
    '%s: the rows view given the loss report’s pairing shows what it would compute itself',
    async (fixture) => {
      const progress: RunProgress[] = [];
      const result = await runScenario(loadFixture(fixture).scenario, { host: createSqljsHost(await loadSqlJsInNode()), onProgress: (p) => progress.push(p) });
      let compared = 0;
      for (const sent of progress.map(forThePage)) {
        if (sent.stage === 'baseline') continue;
        // As the page receives it: cloned, pairings packed on the mode's result, not beside it.
        const mode = structuredClone(sent.mode);
        expect('pairings' in sent).toBe(false);
        for (const [name, pairing] of Object.entries(mode.rowPairings ?? {})) {
          const before = result.baseline.tables[name];
          const after = mode.tables[name];
          expect(diffTableRows(before, after, pairing)).toEqual(diffTableRows(before, after));
          compared += 1;
        }
      }
      expect(compared).toBeGreaterThan(0);
    },
  );

  it('uses the pairing it is given rather than pairing again', () => {
    const before = table(['id', 'name'], [{ id: 1, name: 'a' }]);
    const after = table(['id', 'name'], [{ id: 1, name: 'a' }]);
    const lostByDecree = { kept: new Int32Array(), lost: Int32Array.of(0), added: Int32Array.of(0) };
    expect(diffTableRows(before, after, lostByDecree)).toMatchObject({ kept: 0, lost: 1, added: 1 });
    expect(diffTableRows(before, after)).toMatchObject({ kept: 1, lost: 0, added: 0 });
  });
});
