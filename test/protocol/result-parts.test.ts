/**
 * A run's results cross to the page in parts: big tables' rows in slices
 * ahead of their section, and the page puts every table back whole.
 */
import { describe, expect, it } from 'vitest';
import type { ModeResult, RunSection, TableSnapshot } from '../../src/engine/result';
import type { RunProgress } from '../../src/engine/run-scenario';
import { RowsParts, splitRows } from '../../src/protocol/result-parts';

const table = (rows: number): TableSnapshot => ({
  columns: [{ name: 'id', type: 'INTEGER', notNull: false, default: null, primaryKey: true }],
  indexes: [],
  foreignKeys: [],
  rows: Array.from({ length: rows }, (_, i) => ({ id: i + 1 })),
});
const section = (): RunSection => ({ log: [], error: null, console: ['hi'], tables: { Big: table(25), Small: table(3) } });
const mode = (): ModeResult => ({ ...section(), mode: 'alter', call: 'sequelize.sync({ alter: true })', durationMs: 1, timings: {}, loss: { tables: [] } as never });

describe('result parts', () => {
  it.each<[string, () => RunProgress]>([
    ['the baseline', () => ({ stage: 'baseline', baseline: section() })],
    ['a mode', () => ({ stage: 'alter', mode: mode() })],
  ])('splits the big tables of %s into slices and joins them back whole', (_name, make) => {
    const { parts, progress } = splitRows(make(), 10);
    expect(parts.map((part) => [part.stage, part.table, part.rows.length])).toEqual([
      [make().stage, 'Big', 10],
      [make().stage, 'Big', 10],
      [make().stage, 'Big', 5],
    ]);
    // What crosses with the section: no rows of the big table, the small one whole.
    const sent = progress.stage === 'baseline' ? progress.baseline : progress.mode;
    expect(sent.tables.Big?.rows).toEqual([]);
    expect(sent.tables.Small?.rows).toHaveLength(3);

    const received = new RowsParts();
    for (const part of structuredClone(parts)) received.add(part);
    expect(received.join(structuredClone(progress))).toEqual(make());
  });

  it('leaves a section without big tables as it is', () => {
    const progress: RunProgress = { stage: 'baseline', baseline: section() };
    expect(splitRows(progress, 100).progress).toBe(progress);
    expect(new RowsParts().join(progress)).toBe(progress);
  });

  it('keeps the slices of one stage apart from another stage’s table of the same name', () => {
    const received = new RowsParts();
    for (const part of splitRows({ stage: 'baseline', baseline: section() }, 10).parts) received.add(part);
    const alter = splitRows({ stage: 'alter', mode: mode() }, 10);
    for (const part of alter.parts) received.add(part);
    const joined = received.join(alter.progress);
    expect(joined.stage === 'alter' && joined.mode.tables.Big?.rows).toHaveLength(25);
  });
});
