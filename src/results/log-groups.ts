/** A log split by phase, and counted by kind, for the query log. */
import type { LogEntry, Phase } from '../engine/result';
import type { StatementKind } from '../engine/statement-classifier';

export const PHASES: readonly Phase[] = ['setup', 'models', 'operation', 'after'];

/** Short words for the kind chips of narrow columns (the full label is in the title). */
export const KIND_SHORT: Readonly<Record<StatementKind, string>> = {
  introspection: 'inspect',
  create: 'create',
  drop: 'drop',
  alter: 'alter',
  rebuild: 'rebuild',
  transaction: 'tx',
  read: 'read',
  write: 'write',
};

export const KIND_ORDER: readonly StatementKind[] = ['introspection', 'create', 'alter', 'rebuild', 'drop', 'transaction', 'read', 'write'];

export interface NumberedEntry {
  entry: LogEntry;
  /** Position in the whole log, from 0: numbers stay put when kinds are hidden. */
  index: number;
}

export interface PhaseGroup {
  phase: Phase;
  entries: NumberedEntry[];
}

/**
 * @param phases the phases to show, in order, even when empty (a mode's
 *   operation that ran no statement is worth seeing); by default the phases
 *   the log has.
 */
export function groupByPhase(log: readonly LogEntry[], phases?: readonly Phase[]): PhaseGroup[] {
  const shown = phases ?? PHASES.filter((phase) => log.some((entry) => entry.phase === phase));
  const groups = new Map<Phase, NumberedEntry[]>(shown.map((phase) => [phase, []]));
  log.forEach((entry, index) => {
    let list = groups.get(entry.phase);
    if (!list) groups.set(entry.phase, (list = []));
    list.push({ entry, index });
  });
  return PHASES.filter((phase) => groups.has(phase)).map((phase) => ({ phase, entries: groups.get(phase) ?? [] }));
}

export function countKinds(log: readonly LogEntry[]): Array<{ kind: StatementKind; count: number }> {
  const counts = new Map<StatementKind, number>();
  for (const entry of log) counts.set(entry.kind, (counts.get(entry.kind) ?? 0) + 1);
  return KIND_ORDER.filter((kind) => counts.has(kind)).map((kind) => ({ kind, count: counts.get(kind) ?? 0 }));
}
