/**
 * The PGlite host restores a started instance for the next mode instead of
 * starting one (pglite-restart.ts): every mode must still see the baseline
 * and nothing of the mode before, and an instance that loaded a library
 * after it started must not be restored.
 */
import { describe, expect, it } from 'vitest';
import { createPgliteHost } from '../../src/engine/pglite-host';

describe('PGlite host: modes on one baseline', () => {
  it('gives every mode the baseline, and nothing of the mode before', async () => {
    const host = createPgliteHost();
    const base = await host.openEmpty('playground');
    await base.pglite.exec(`CREATE TABLE t (id serial PRIMARY KEY, v text); INSERT INTO t (v) VALUES ('a'), ('b');`);
    const saved = await host.saveBaseline(base);
    await host.close(base);
    const seen: unknown[] = [];
    for (let mode = 0; mode < 4; mode++) {
      const db = await host.openFromBaseline(saved, 'playground');
      const { rows } = await db.pglite.query<{ n: number; next: number; tables: string }>(
        `SELECT (SELECT count(*)::int FROM t) n, nextval('t_id_seq')::int next,
                (SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r') tables`,
      );
      seen.push(rows[0]);
      await db.pglite.exec(`INSERT INTO t (v) SELECT 'x' FROM generate_series(1, 500); CREATE TABLE m${mode} (x int); DELETE FROM t;`);
      // Loads dict_snowball: the next mode cannot be a restored instance.
      if (mode === 1) expect((await db.pglite.query(`SELECT to_tsvector('english', 'dogs')::text v`)).rows).toEqual([{ v: "'dog':1" }]);
      // A transaction left open must not reach the next mode.
      if (mode === 2) await db.pglite.exec(`BEGIN; CREATE TABLE left_open (x int);`);
      await host.close(db);
      // A call user code left pending finds the session closed.
      expect(db.pglite.closed).toBe(true);
      await expect(db.pglite.query('SELECT 1')).rejects.toThrow(/closed/);
    }
    await host.discardBaseline?.(saved);
    expect(seen).toEqual(Array(4).fill({ n: 2, next: 3, tables: 't' }));
  }, 120_000);
});
