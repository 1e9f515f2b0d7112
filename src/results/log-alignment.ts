/**
 * Two statement logs of the same mode (two Sequelize versions) lined up
 * phase by phase, as a diff: a longest common subsequence of the statements
 * is paired as `same`, the rest is `only-left` or `only-right`. Statements
 * compare by their SQL with Sequelize 7's random temporary table names
 * masked (two runs never share them); the entries themselves keep the exact
 * text, which is what is shown.
 */
import type { LogEntry, Phase } from '../engine/result';
import { PHASES } from './log-groups';
import { maskTemporaryTableNames } from './temporary-table-names';

export type LogDiff = 'same' | 'only-left' | 'only-right';

/** One line of the aligned view: a statement on both sides, or on one side with a gap on the other. */
export type AlignedRow =
  | { diff: 'same'; left: NumberedStatement; right: NumberedStatement }
  | { diff: 'only-left'; left: NumberedStatement; right: null }
  | { diff: 'only-right'; left: null; right: NumberedStatement };

export interface NumberedStatement {
  entry: LogEntry;
  /** Position in its whole log, from 0 (the number the single-version log shows). */
  index: number;
}

export interface AlignedPhase {
  phase: Phase;
  rows: AlignedRow[];
}

/** One step of an alignment of two lists: a pair, or an item of one list only. */
export type AlignmentStep = { diff: 'same'; left: number; right: number } | { diff: 'only-left'; left: number } | { diff: 'only-right'; right: number };

/**
 * Past this many cells (the middle of both lists, once their common start
 * and end are set aside) the quadratic table is not built: the middle is
 * shown as removed then added. Two logs that long and that different have
 * no alignment worth the memory (4 bytes a cell).
 */
export const MAX_ALIGNMENT_CELLS = 4_000_000;

/** A longest-common-subsequence alignment of two lists of keys; removals come before additions where both are possible. */
export function alignKeys(left: readonly string[], right: readonly string[]): AlignmentStep[] {
  let start = 0;
  while (start < left.length && start < right.length && left[start] === right[start]) start++;
  let endLeft = left.length;
  let endRight = right.length;
  while (endLeft > start && endRight > start && left[endLeft - 1] === right[endRight - 1]) {
    endLeft--;
    endRight--;
  }
  const steps: AlignmentStep[] = [];
  for (let i = 0; i < start; i++) steps.push({ diff: 'same', left: i, right: i });
  alignMiddle(left, right, start, endLeft, endRight, steps);
  for (let i = endLeft, j = endRight; i < left.length; i++, j++) steps.push({ diff: 'same', left: i, right: j });
  return steps;
}

/** Appends the alignment of left[start, endLeft) with right[start, endRight). */
function alignMiddle(left: readonly string[], right: readonly string[], start: number, endLeft: number, endRight: number, steps: AlignmentStep[]): void {
  const n = endLeft - start;
  const m = endRight - start;
  if ((n + 1) * (m + 1) > MAX_ALIGNMENT_CELLS) {
    for (let i = start; i < endLeft; i++) steps.push({ diff: 'only-left', left: i });
    for (let j = start; j < endRight; j++) steps.push({ diff: 'only-right', right: j });
    return;
  }
  // lcs[i * width + j]: the longest common subsequence of left[start + i…] and right[start + j…].
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        left[start + i] === right[start + j]
          ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && left[start + i] === right[start + j]) {
      steps.push({ diff: 'same', left: start + i++, right: start + j++ });
    } else if (j >= m || (i < n && (lcs[(i + 1) * width + j] ?? 0) >= (lcs[i * width + j + 1] ?? 0))) {
      steps.push({ diff: 'only-left', left: start + i++ });
    } else {
      steps.push({ diff: 'only-right', right: start + j++ });
    }
  }
}

function numberedByPhase(log: readonly LogEntry[], phase: Phase): NumberedStatement[] {
  const list: NumberedStatement[] = [];
  log.forEach((entry, index) => entry.phase === phase && list.push({ entry, index }));
  return list;
}

/**
 * Aligns two logs phase by phase: a statement never pairs with one of
 * another phase. `phases` are shown even when empty, in order (as the
 * single-version log does); a phase either log has is always included.
 */
export function alignLogs(left: readonly LogEntry[], right: readonly LogEntry[], phases: readonly Phase[] = []): AlignedPhase[] {
  const present = (phase: Phase) => phases.includes(phase) || left.some((e) => e.phase === phase) || right.some((e) => e.phase === phase);
  return PHASES.filter(present).map((phase) => {
    const l = numberedByPhase(left, phase);
    const r = numberedByPhase(right, phase);
    const key = (s: NumberedStatement) => maskTemporaryTableNames(s.entry.sql);
    const rows = alignKeys(l.map(key), r.map(key)).map((step): AlignedRow => {
      switch (step.diff) {
        case 'same':
          return { diff: 'same', left: l[step.left] as NumberedStatement, right: r[step.right] as NumberedStatement };
        case 'only-left':
          return { diff: 'only-left', left: l[step.left] as NumberedStatement, right: null };
        case 'only-right':
          return { diff: 'only-right', left: null, right: r[step.right] as NumberedStatement };
      }
    });
    return { phase, rows };
  });
}

/** How many statements each side has alone, and how many both share. */
export function countDiffs(phases: readonly AlignedPhase[]): Record<LogDiff, number> {
  const counts: Record<LogDiff, number> = { same: 0, 'only-left': 0, 'only-right': 0 };
  for (const { rows } of phases) for (const row of rows) counts[row.diff]++;
  return counts;
}
