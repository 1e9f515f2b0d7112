/**
 * The columns of a table before and after, in one order: the columns after,
 * with each dropped column put back where it stood in the baseline (after its
 * nearest surviving predecessor), so a dropped column shows in place, struck
 * through, rather than at the end.
 */

export type ColumnPresence = 'kept' | 'added' | 'dropped';

export interface MergedColumn {
  name: string;
  presence: ColumnPresence;
}

export function mergeColumnOrder(before: readonly string[], after: readonly string[]): MergedColumn[] {
  const beforeSet = new Set(before);
  const afterSet = new Set(after);
  const merged: MergedColumn[] = after.map((name) => ({ name, presence: beforeSet.has(name) ? 'kept' : 'added' }));
  // Dropped columns that precede every surviving one go first, in order.
  let insertAt = 0;
  for (const name of before) {
    if (afterSet.has(name)) {
      insertAt = merged.findIndex((column) => column.name === name) + 1;
      continue;
    }
    merged.splice(insertAt, 0, { name, presence: 'dropped' });
    insertAt += 1;
  }
  return merged;
}
