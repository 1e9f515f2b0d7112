/**
 * SQL as the log shows it: split into highlight segments (rendered as React
 * text, never as sql-highlight's HTML, because the SQL comes from user code)
 * and, on request, pretty-printed. Both are cached by text: the same
 * statements recur in every mode and every re-render.
 */
import { getSegments, type Segment } from 'sql-highlight';
import type * as SqlFormatter from 'sql-formatter';
import type { Dialect } from '../engine/scenario';

export type { Segment };

const CACHE_LIMIT = 4000;

/** A Map that forgets its oldest entries past a limit. */
function remember<V>(cache: Map<string, V>, key: string, make: () => V): V {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = make();
  if (cache.size >= CACHE_LIMIT) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(key, value);
  return value;
}

const segmentCache = new Map<string, Segment[]>();

/** Highlight segments whose contents join back into exactly `sql`. */
export function sqlSegments(sql: string): Segment[] {
  return remember(segmentCache, sql, () => {
    try {
      const segments = getSegments(sql);
      // Never show text that differs from what ran: fall back to plain text.
      return segments.map((s) => s.content).join('') === sql ? segments : [{ name: 'plain', content: sql }];
    } catch {
      return [{ name: 'plain', content: sql }];
    }
  });
}

const formatCache = new Map<string, string>();

/**
 * Sequelize binds `$1`-style parameters on SQLite too; sql-formatter's
 * SQLite dialect only knows `?`, `:name`, `@name` and `$name` by default.
 */
const SQLITE_PARAMS = { positional: true, numbered: ['?', '$'] as Array<'?' | '$'>, named: [':', '@', '$'] as Array<':' | '@' | '$'> };

/**
 * sql-formatter is loaded only when someone turns formatting on: it is
 * larger than the rest of the page's own code and the first result must
 * not wait for it.
 */
let formatter: typeof SqlFormatter | null = null;

export async function loadSqlFormatter(): Promise<void> {
  formatter ??= await import('sql-formatter');
}

/**
 * The statement pretty-printed, or exactly as it ran when the formatter
 * cannot parse it or is not loaded yet (see loadSqlFormatter).
 */
export function prettySql(sql: string, dialect: Dialect): string {
  const loaded = formatter;
  if (!loaded) return sql;
  return remember(formatCache, `${dialect}\u0000${sql}`, () => {
    try {
      return dialect === 'postgres'
        ? loaded.formatDialect(sql, { dialect: loaded.postgresql })
        : loaded.formatDialect(sql, { dialect: loaded.sqlite, paramTypes: SQLITE_PARAMS });
    } catch {
      return sql;
    }
  });
}
