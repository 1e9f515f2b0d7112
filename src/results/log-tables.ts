/**
 * Which table a logged statement drops, empties or deletes from, read from
 * its SQL. The verdict uses it to tell rows a mode deleted itself from rows
 * that went with a parent table through ON DELETE CASCADE.
 */
import type { LogEntry } from '../engine/result';

const NAME = '((?:[`"\\[][^`"\\]]+[`"\\]]|[\\w$]+)(?:\\.(?:[`"\\[][^`"\\]]+[`"\\]]|[\\w$]+))?)';
const DROP_TABLE = new RegExp(`^DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?${NAME}`, 'i');
const DELETE_FROM = new RegExp(`^DELETE\\s+FROM\\s+${NAME}`, 'i');
const TRUNCATE = new RegExp(`^TRUNCATE\\s+(?:TABLE\\s+)?${NAME}`, 'i');

/** `` `schema`.`name` `` → `name`. */
export function bareName(quoted: string): string {
  const parts = quoted.split('.').map((part) => part.replace(/^[`"[]|[`"\]]$/g, ''));
  return parts[parts.length - 1] ?? quoted;
}

function nameBy(pattern: RegExp, sql: string): string | null {
  const match = pattern.exec(sql.trim());
  return match?.[1] ? bareName(match[1]) : null;
}

/** The table a statement drops, or null. */
export function droppedTable(sql: string): string | null {
  return nameBy(DROP_TABLE, sql);
}

/** The table a statement deletes rows from (DELETE, TRUNCATE), or null. */
export function emptiedTable(sql: string): string | null {
  return nameBy(DELETE_FROM, sql) ?? nameBy(TRUNCATE, sql);
}

export interface LogTableEffects {
  /** Tables dropped by any statement, a rebuild's drop of the original included. */
  dropped: Set<string>;
  /** Tables dropped or emptied outright, not as a step of a rebuild. */
  destroyedDirectly: Set<string>;
  /** Tables rebuilt through a copy (their original dropped as a rebuild step). */
  rebuilt: string[];
}

export function logTableEffects(log: readonly LogEntry[]): LogTableEffects {
  const effects: LogTableEffects = { dropped: new Set(), destroyedDirectly: new Set(), rebuilt: [] };
  for (const entry of log) {
    const dropped = droppedTable(entry.sql);
    if (dropped) effects.dropped.add(dropped);
    if (entry.kind === 'rebuild') {
      // Only the destructive drop of a rebuild names the original table; the
      // drop of the finished backup is not destructive.
      if (dropped && entry.destructive && !effects.rebuilt.includes(dropped)) effects.rebuilt.push(dropped);
      continue;
    }
    const emptied = emptiedTable(entry.sql);
    if (dropped) effects.destroyedDirectly.add(dropped);
    if (emptied) effects.destroyedDirectly.add(emptied);
  }
  return effects;
}
