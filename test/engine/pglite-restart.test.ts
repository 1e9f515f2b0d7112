/**
 * The PGlite host puts its one instance back into a kept state instead of
 * starting one (pglite-restart.ts): every mode must still see the baseline
 * and nothing of the mode before or of the baseline's session, the next
 * run's baseline must start empty, and an instance that loaded a library
 * after its state was kept must not be restored.
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
    expect(seen).toEqual(Array(4).fill({ n: 2, next: 3, tables: 't' }));
    await host.dispose();
  }, 120_000);

  it('starts each baseline empty and gives modes none of its session', async () => {
    const host = createPgliteHost();
    for (let run = 0; run < 3; run++) {
      const base = await host.openEmpty('playground');
      const { rows: before } = await base.pglite.query(`SELECT count(*)::int n FROM pg_class WHERE relnamespace = 'public'::regnamespace`);
      expect(before).toEqual([{ n: 0 }]);
      // A library loaded by the baseline (plpgsql): the next run cannot restore the empty state.
      if (run === 1) await base.pglite.exec(`DO $$ BEGIN CREATE TABLE from_do (x int); END $$; DROP TABLE from_do;`);
      await base.pglite.exec(
        `CREATE TABLE t${run} (id serial PRIMARY KEY); INSERT INTO t${run} DEFAULT VALUES;
         CREATE TEMPORARY TABLE session_only (x int); SET search_path TO nowhere, public;`,
      );
      await base.pglite.exec(`BEGIN; CREATE TABLE uncommitted (x int);`);
      const saved = await host.saveBaseline(base);
      await host.close(base);
      for (let mode = 0; mode < 2; mode++) {
        const db = await host.openFromBaseline(saved, 'playground');
        const { rows } = await db.pglite.query(
          `SELECT current_setting('search_path') path, (SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class
             WHERE relkind = 'r' AND relnamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)) tables`,
        );
        // PGlite's own default search_path is `public`.
        expect(rows).toEqual([{ path: 'public', tables: `t${run}` }]);
        await db.pglite.exec(`INSERT INTO t${run} DEFAULT VALUES`);
        expect((await db.pglite.query(`SELECT max(id)::int id FROM t${run}`)).rows).toEqual([{ id: 2 }]);
        await host.close(db);
      }
    }
    await host.dispose();
  }, 120_000);
});
