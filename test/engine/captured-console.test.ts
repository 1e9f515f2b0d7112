import { format } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createCapturedConsole } from '../../src/engine/captured-console';

class Row {
  id = 1;
  name = 'two';
}

describe('captured console', () => {
  it('formats every argument as Node does', () => {
    const values: unknown[][] = [
      ['%s and %d', 'text', 42],
      [new Date(0)],
      [new Row(), [new Row()]],
      [{ nested: { deep: { deeper: { deepest: 1 } } }, map: new Map([[1, 'a']]), set: new Set([1]) }],
      ['%o', { a: [1, 2] }],
      [10n, null, undefined, Symbol('s')],
      [Buffer.from('hi')],
    ];
    const lines: string[] = [];
    const console = createCapturedConsole(lines);
    for (const args of values) console.log(...args);
    expect(lines).toEqual(values.map((args) => format(...args)));
  });

  it('captures every console method as one line each', () => {
    const lines: string[] = [];
    const console = createCapturedConsole(lines);
    console.info('i');
    console.warn('w');
    console.error('e');
    console.debug('d');
    expect(lines).toEqual(['i', 'w', 'e', 'd']);
  });
});
