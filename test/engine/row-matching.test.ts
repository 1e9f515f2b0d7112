/** Which rows survived a mode: pairing by key, as the loss report and the rows view both use it. */
import { describe, expect, it } from 'vitest';
import type { CellValue, Row, TableSnapshot } from '../../src/engine/result';
import { pairRows } from '../../src/engine/row-matching';

const table = (columns: string[], keys: string[], rows: Row[]): TableSnapshot => ({
  columns: columns.map((name) => ({ name, type: 'TEXT', notNull: false, default: null, primaryKey: keys.includes(name) })),
  indexes: [],
  foreignKeys: [],
  rows,
});
const one = (id: CellValue, name = 'x') => table(['id', 'name'], ['id'], [{ id, name }]);

describe('pairRows', () => {
  it('pairs a row whose key and values stayed', () => {
    expect(pairRows(one(1), one(1))).toEqual({ kept: [[0, 0]], lost: [], added: [] });
  });

  it('tells a number key from the same text, and a BLOB from text spelling its hex', () => {
    expect(pairRows(one(1), one('1'))).toEqual({ kept: [], lost: [0], added: [0] });
    expect(pairRows(one({ blob: 'ab' }), one('blob:ab'))).toEqual({ kept: [], lost: [0], added: [0] });
    expect(pairRows(one({ blob: 'ab' }), one({ blob: 'ab' }))).toEqual({ kept: [[0, 0]], lost: [], added: [] });
  });

  it('pairs equal rows of a table without a key one by one, in order', () => {
    const rows = [{ a: 1 }, { a: 1 }, { a: 2 }];
    const before = table(['a'], [], rows);
    const after = table(['a'], [], [{ a: 1 }, { a: 3 }]);
    expect(pairRows(before, after)).toEqual({ kept: [[0, 0]], lost: [1, 2], added: [1] });
  });

  it('keys by every primary-key column', () => {
    const before = table(['a', 'b', 'v'], ['a', 'b'], [{ a: 1, b: 1, v: 'p' }, { a: 1, b: 2, v: 'q' }]);
    const after = table(['a', 'b', 'v'], ['a', 'b'], [{ a: 1, b: 2, v: 'q' }]);
    expect(pairRows(before, after)).toEqual({ kept: [[1, 0]], lost: [0], added: [] });
  });

  it('calls a reused key with another creation time a new row', () => {
    const stamped = (createdAt: string) => table(['id', 'createdAt'], ['id'], [{ id: 1, createdAt }]);
    expect(pairRows(stamped('t1'), stamped('t2'))).toEqual({ kept: [], lost: [0], added: [0] });
  });
});
