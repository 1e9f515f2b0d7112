/** The version comparison's alignment of two statement logs. */
import { describe, expect, it } from 'vitest';
import type { LogEntry, Phase } from '../../src/engine/result';
import { alignKeys, alignLogs, countDiffs, MAX_ALIGNMENT_CELLS, type AlignedPhase } from '../../src/results/log-alignment';

function entry(sql: string, phase: Phase = 'operation'): LogEntry {
  return { phase, sql, kind: 'read', destructive: false };
}

/** Each row as `=sql`, `-sql` (left only) or `+sql` (right only), with the phase. */
function rowsOf(phases: readonly AlignedPhase[]): string[] {
  return phases.flatMap(({ phase, rows }) =>
    rows.map((row) => {
      if (row.diff === 'same') return `${phase} =${row.left.entry.sql}|${row.right.entry.sql}`;
      return row.diff === 'only-left' ? `${phase} -${row.left.entry.sql}` : `${phase} +${row.right.entry.sql}`;
    }),
  );
}

describe('alignLogs', () => {
  it('pairs equal logs statement by statement', () => {
    const log = [entry('A'), entry('B'), entry('C')];
    const aligned = alignLogs(log, log.map((e) => ({ ...e })));
    expect(rowsOf(aligned)).toEqual(['operation =A|A', 'operation =B|B', 'operation =C|C']);
    expect(countDiffs(aligned)).toEqual({ same: 3, 'only-left': 0, 'only-right': 0 });
  });

  it('marks a statement only the right log ran as an insertion, in place', () => {
    const aligned = alignLogs([entry('A'), entry('C')], [entry('A'), entry('B'), entry('C')]);
    expect(rowsOf(aligned)).toEqual(['operation =A|A', 'operation +B', 'operation =C|C']);
  });

  it('marks statements only the left log ran as deletions, before insertions at the same place', () => {
    const aligned = alignLogs([entry('A'), entry('X'), entry('Y'), entry('C')], [entry('A'), entry('Z'), entry('C')]);
    expect(rowsOf(aligned)).toEqual(['operation =A|A', 'operation -X', 'operation -Y', 'operation +Z', 'operation =C|C']);
    expect(countDiffs(aligned)).toEqual({ same: 2, 'only-left': 2, 'only-right': 1 });
  });

  it('finds the longest common part, not the first match', () => {
    // Pairing the first B with the last B would leave only one pair.
    expect(alignKeys(['B', 'C', 'D'], ['C', 'D', 'B']).filter((s) => s.diff === 'same')).toHaveLength(2);
  });

  it('6.5.1 against 6.37.8: sync’s query of sqlite_master is only on the newer side', () => {
    const create = 'CREATE TABLE IF NOT EXISTS `T` (`id` INTEGER PRIMARY KEY);';
    const master = "SELECT name FROM sqlite_master WHERE type='table' AND name='T';";
    const aligned = alignLogs([entry(create), entry('PRAGMA INDEX_LIST(`T`)')], [entry(master), entry(create), entry('PRAGMA INDEX_LIST(`T`)')]);
    expect(rowsOf(aligned).map((r) => r.slice(0, 12))).toEqual(['operation +S', 'operation =C', 'operation =P']);
  });

  it('compares Sequelize 7’s random temporary table names as equal, and keeps the exact text', () => {
    const left = [entry('CREATE TABLE `Users_dc6001fab7184ff8` (`id` INTEGER);'), entry('DROP TABLE "Users_0123456789abcdef";')];
    const right = [entry('CREATE TABLE `Users_fedcba9876543210` (`id` INTEGER);'), entry('DROP TABLE "Users_aaaaaaaaaaaaaaaa";')];
    const aligned = alignLogs(left, right);
    expect(countDiffs(aligned)).toEqual({ same: 2, 'only-left': 0, 'only-right': 0 });
    const first = aligned[0]?.rows[0];
    expect(first?.left?.entry.sql).toContain('Users_dc6001fab7184ff8');
    expect(first?.right?.entry.sql).toContain('Users_fedcba9876543210');
    // A different table, or a name that is not 16 hex digits, still differs.
    expect(countDiffs(alignLogs([entry('DROP TABLE `Users_dc6001fab7184ff8`;')], [entry('DROP TABLE `Books_dc6001fab7184ff8`;')])).same).toBe(0);
    expect(countDiffs(alignLogs([entry('DROP TABLE `Users_backup`;')], [entry('DROP TABLE `Users_old`;')])).same).toBe(0);
  });

  it('keeps phases apart: a statement never pairs across phases', () => {
    const aligned = alignLogs([entry('A', 'models'), entry('B', 'operation')], [entry('B', 'models'), entry('A', 'operation')]);
    expect(rowsOf(aligned)).toEqual(['models -A', 'models +B', 'operation -B', 'operation +A']);
  });

  it('numbers each statement by its place in its whole log', () => {
    const aligned = alignLogs([entry('A', 'models'), entry('B', 'after')], [entry('B', 'after')]);
    const after = aligned.find((p) => p.phase === 'after')?.rows[0];
    expect(after?.diff).toBe('same');
    expect([after?.left?.index, after?.right?.index]).toEqual([1, 0]);
  });

  it('lists the phases asked for even when empty, in phase order', () => {
    const aligned = alignLogs([entry('A', 'after')], [], ['models', 'operation', 'after']);
    expect(aligned.map((p) => [p.phase, p.rows.length])).toEqual([
      ['models', 0],
      ['operation', 0],
      ['after', 1],
    ]);
  });

  it('gives up pairing the middle of two huge, different logs rather than building a table too big', () => {
    const size = Math.ceil(Math.sqrt(MAX_ALIGNMENT_CELLS)) + 10;
    const left = ['same', ...Array.from({ length: size }, (_, i) => `L${i}`)];
    const right = ['same', ...Array.from({ length: size }, (_, i) => `R${i}`)];
    const steps = alignKeys(left, right);
    expect(steps).toHaveLength(1 + 2 * size);
    expect(steps[0]).toEqual({ diff: 'same', left: 0, right: 0 });
    expect(steps[1]).toEqual({ diff: 'only-left', left: 1 });
    expect(steps.at(-1)).toEqual({ diff: 'only-right', right: size });
  });
});
