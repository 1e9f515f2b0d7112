/** Small view helpers: SQL segments and pretty-printing, cell text, log groups, column order. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { LogEntry } from '../../src/engine/result';
import { cellClass, cellText } from '../../src/results/cell-text';
import { mergeColumnOrder } from '../../src/results/column-order';
import { countKinds, groupByPhase } from '../../src/results/log-groups';
import { droppedTable, emptiedTable } from '../../src/results/log-tables';
import { loadSqlFormatter, prettySql, sqlSegments } from '../../src/results/sql-text';

describe('sqlSegments', () => {
  it('joins back into exactly the statement', () => {
    for (const sql of ["CREATE TABLE `a<b>` (`x` VARCHAR(255) DEFAULT 'q''s');", 'PRAGMA foreign_keys = OFF', '  SELECT 1 -- c\n']) {
      expect(sqlSegments(sql).map((s) => s.content).join('')).toBe(sql);
    }
  });
});

describe('prettySql', () => {
  it('shows the exact text until the formatter is loaded', () => {
    expect(prettySql('SELECT 1 FROM `T`;', 'sqlite')).toBe('SELECT 1 FROM `T`;');
  });

  describe('once loaded', () => {
    beforeAll(() => loadSqlFormatter());
    it('formats SQLite with $1 parameters', () => {
      expect(prettySql('INSERT INTO `T` (`id`,`a`) VALUES (NULL,$1);', 'sqlite')).toBe('INSERT INTO\n  `T` (`id`, `a`)\nVALUES\n  (NULL, $1);');
    });

    it('formats PostgreSQL', () => {
      expect(prettySql('SELECT "id" FROM "T" WHERE "a" = $1;', 'postgres')).toBe('SELECT\n  "id"\nFROM\n  "T"\nWHERE\n  "a" = $1;');
    });

    it('gives back the exact text when the formatter cannot parse it', () => {
      const odd = 'SELECT ((( FROM';
      expect(prettySql(odd, 'sqlite')).toBe(odd);
    });
  });
});

describe('cellText', () => {
  it('shows NULL, blobs, numbers and text', () => {
    expect(cellText(null)).toBe('NULL');
    expect(cellText(undefined)).toBe('');
    expect(cellText(12)).toBe('12');
    expect(cellText({ blob: 'ff00' })).toBe("x'ff00'");
    expect(cellText({ blob: 'ab'.repeat(40) })).toMatch(/^x'(ab){16}…'$/);
    expect(cellText({ blob: 'ab'.repeat(40) }, true)).toBe(`x'${'ab'.repeat(40)}'`);
    expect([null, 1, 'a', { blob: '' }, undefined].map(cellClass)).toEqual(['null', 'number', 'text', 'blob', 'none']);
  });
});

describe('groupByPhase and countKinds', () => {
  const entry = (phase: LogEntry['phase'], kind: LogEntry['kind']): LogEntry => ({ phase, sql: 'x', kind, destructive: false });
  const log = [entry('operation', 'introspection'), entry('operation', 'drop'), entry('after', 'write')];

  it('keeps log positions and shows asked-for phases even when empty', () => {
    expect(groupByPhase(log, ['models', 'operation', 'after']).map((g) => [g.phase, g.entries.map((e) => e.index)])).toEqual([
      ['models', []],
      ['operation', [0, 1]],
      ['after', [2]],
    ]);
    expect(groupByPhase(log).map((g) => g.phase)).toEqual(['operation', 'after']);
  });

  it('counts kinds in legend order', () => {
    expect(countKinds(log)).toEqual([
      { kind: 'introspection', count: 1 },
      { kind: 'drop', count: 1 },
      { kind: 'write', count: 1 },
    ]);
  });
});

describe('mergeColumnOrder', () => {
  it('puts dropped columns back where they were', () => {
    expect(mergeColumnOrder(['fax', 'id', 'title', 'createdAt'], ['id', 'createdAt', 'name'])).toEqual([
      { name: 'fax', presence: 'dropped' },
      { name: 'id', presence: 'kept' },
      { name: 'title', presence: 'dropped' },
      { name: 'createdAt', presence: 'kept' },
      { name: 'name', presence: 'added' },
    ]);
  });
});

describe('table names in statements', () => {
  it('reads dropped and emptied tables, quoted or not, with a schema or not', () => {
    expect(droppedTable('DROP TABLE IF EXISTS `Users`;')).toBe('Users');
    expect(droppedTable('DROP TABLE "public"."Users" CASCADE;')).toBe('Users');
    expect(emptiedTable('DELETE FROM `Books` WHERE `id` = 1')).toBe('Books');
    expect(emptiedTable('TRUNCATE "Books" CASCADE;')).toBe('Books');
    expect(droppedTable('SELECT 1')).toBeNull();
  });
});
