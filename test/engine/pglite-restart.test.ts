/**
 * The PGlite host puts its one instance back into a kept state instead of
 * starting one (pglite-restart.ts): every mode must still see the baseline
 * and nothing of the mode before or of the baseline's session, the next
 * run's baseline must start empty, and an instance that loaded a library
 * after its state was kept must not be restored.
 */
import { createHash } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createPgliteHost, type PgliteDatabase } from '../../src/engine/pglite-host';
import { PGLITE_MEMORY, touchedWasmMemory } from '../../src/engine/wasm-memory-pages';
import { dataDirFs, readDataDir } from '../../src/engine/pglite-datadir';
import { keepState } from '../../src/engine/pglite-restart';
import { runScenario } from '../../src/engine/run-scenario';
import { loadFixture } from '../support/fixtures';

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

  it('runs the first run on the instance as it started, and keeps the next one for every later run', async () => {
    const pglite = await import('@electric-sql/pglite');
    let starts = 0;
    const create: typeof pglite.PGlite.create = (...args: Parameters<typeof pglite.PGlite.create>) => {
      starts++;
      return pglite.PGlite.create(...args);
    };
    const host = createPgliteHost({ loadPglite: async () => ({ ...pglite, PGlite: Object.assign(Object.create(pglite.PGlite), { create }) }) });
    const scenario = { ...loadFixture('pg-seed-add-column').scenario, modes: ['alter' as const] };
    const results = [];
    const startsAfter: number[] = [];
    for (let run = 0; run < 3; run++) {
      results.push(await runScenario(scenario, { host }));
      startsAfter.push(starts);
    }
    // The second run waited for the instance started once the first was
    // over; the third restored that one's kept state.
    expect(startsAfter[1]! - startsAfter[0]!).toBe(1);
    expect(startsAfter[2]).toBe(startsAfter[1]);
    // And each saw the same empty cluster: the same statements, ids and
    // columns (the timestamps are each run's own).
    const seen = results.map((result) =>
      [result.baseline, ...result.modes].map(({ log, tables }) => ({
        sql: log.map((entry) => entry.sql),
        tables: Object.entries(tables).map(([name, table]) => [name, table.columns, table.rows.map((row) => row.id)]),
      })),
    );
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[2]).toEqual(seen[0]);
    await host.dispose();
  }, 120_000);

  // The browser hands the host a memory written while PGlite downloads
  // (pglite-host.ts, firstMemory): the first instance must run in it, and
  // only the first (an instance's memory is its own), and the memory must
  // be freed with that instance (128 MB of address space, 30 MB written).
  it('runs its first instance in the memory it is given, no other instance, and lets it go with it', async () => {
    // Only the host holds the memory (and the test a weak reference): the
    // assertions compare identities, as a failure would print 128 MB.
    const [host, givenMemory] = (() => {
      const memory = touchedWasmMemory(32 * 1024 * 1024);
      return [createPgliteHost({ firstMemory: memory }), new WeakRef(memory)] as const;
    })();
    const heapOf = (db: PgliteDatabase) => (db.pglite.Module as unknown as { HEAPU8: Uint8Array }).HEAPU8;
    const isGiven = (db: PgliteDatabase) => heapOf(db).buffer === givenMemory.deref()?.buffer;
    const scenario = { ...loadFixture('pg-seed-add-column').scenario, modes: ['alter' as const] };

    // In a function of its own: nothing of it stays on this one's frame.
    await (async () => {
      const first = await host.openEmpty('playground');
      expect(isGiven(first)).toBe(true);
      expect(givenMemory.deref()?.buffer.byteLength).toBe(PGLITE_MEMORY.initial * 65536);
      await host.close(first);
    })();
    // The first run on a new instance (the first has run something), the
    // second on the one started after it: both as from the same cluster.
    const results = [await runScenario(scenario, { host }), await runScenario(scenario, { host })];
    const seen = results.map((result) => result.modes.map(({ log, tables }) => [log.map((entry) => entry.sql), Object.keys(tables)]));
    expect(seen[1]).toEqual(seen[0]);
    expect(results[0]!.modes[0]!.error).toBeNull();
    const later = await host.openEmpty('playground');
    expect(isGiven(later)).toBe(false);
    // PGlite's own memory is the size the given one was made (PGLITE_MEMORY).
    expect(heapOf(later).buffer.byteLength).toBe(PGLITE_MEMORY.initial * 65536);
    await host.close(later);
    await host.dispose();

    setFlagsFromString('--expose-gc');
    const collectGarbage = runInNewContext('gc') as () => void;
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    expect(givenMemory.deref() === undefined, 'the first instance\'s memory is still reachable').toBe(true);
  }, 120_000);

  // The kept state reads and restores memory only below the heap's top
  // (wasm-memory-pages.ts): that holds only if Postgres never writes above
  // it and the top never comes down, through whatever a scenario does.
  it('writes nothing above the heap top, which only grows', async () => {
    const { PGlite, MemoryFS } = await import('@electric-sql/pglite');
    const fs = dataDirFs(MemoryFS, []);
    const pglite = await PGlite.create({ fs });
    const firstNonZeroAbove = (top: number) => {
      const heap = (pglite.Module as unknown as { HEAPU8: Uint8Array }).HEAPU8;
      const words = new Int32Array(heap.buffer, 0, heap.length >> 2);
      for (let i = Math.ceil(top / 4); i < words.length; i++) if (words[i] !== 0) return i * 4;
      return -1;
    };
    let top = fs.heapTop();
    expect(top).toBeGreaterThan(0);
    expect(firstNonZeroAbove(top)).toBe(-1);
    for (const sql of [
      `CREATE TABLE t (id serial PRIMARY KEY, v text); INSERT INTO t (v) SELECT repeat(md5(i::text), 20) FROM generate_series(1, 50000) i`,
      `CREATE INDEX ON t (v); SELECT v FROM t ORDER BY v DESC LIMIT 1`,
      `DO $$ BEGIN PERFORM count(*) FROM t; END $$`,
      `SELECT to_tsvector('english', string_agg(v, ' ')) FROM (SELECT v FROM t LIMIT 500) s`,
      `DELETE FROM t WHERE id % 2 = 0`,
      `VACUUM FULL t`,
      `DROP TABLE t; CHECKPOINT`,
    ]) {
      await pglite.exec(sql);
      const now = fs.heapTop();
      expect(now).toBeGreaterThanOrEqual(top);
      top = now;
      expect(firstNonZeroAbove(top)).toBe(-1);
    }
    await pglite.close();
  }, 120_000);

  // Only files changed since a state was kept or put back are copied
  // (memfs-changes.ts): a change the tracking missed would survive a restore.
  it('starts instances on a data directory without copying it, and none of them writes it', async () => {
    const { PGlite, MemoryFS } = await import('@electric-sql/pglite');
    const digest = (data: Uint8Array | null) => data && createHash('sha256').update(data).digest('hex');
    const first = await PGlite.create({ fs: dataDirFs(MemoryFS, []) });
    await first.exec('CHECKPOINT');
    const dataDir = readDataDir(first);
    await first.close();
    const before = dataDir.map(({ path, data }) => [path, digest(data)]);

    const writer = await PGlite.create({ fs: dataDirFs(MemoryFS, dataDir) });
    // Writes to files it started with: the catalogue, the WAL, the control file.
    await writer.exec(`CREATE TABLE t AS SELECT i id FROM generate_series(1, 5000) i`);
    await writer.exec('VACUUM FULL pg_class');
    await writer.exec('CHECKPOINT');
    expect(dataDir.map(({ path, data }) => [path, digest(data)])).toEqual(before);

    const reader = await PGlite.create({ fs: dataDirFs(MemoryFS, dataDir) });
    expect((await reader.query(`SELECT count(*)::int n FROM pg_class WHERE relname = 't'`)).rows).toEqual([{ n: 0 }]);
    await writer.close();
    await reader.close();
  }, 120_000);

  // A released state's buffer becomes the next keep's (pglite-host.ts hands
  // a discarded baseline's to the next baseline): it must never be put back.
  it('never puts back a released state, and keeps the next one in its buffer', async () => {
    const { PGlite, MemoryFS } = await import('@electric-sql/pglite');
    const fs = dataDirFs(MemoryFS, []);
    const pglite = await PGlite.create({ fs });
    const count = async () => (await pglite.query<{ n: number }>(`SELECT count(*)::int n FROM t`)).rows[0]!.n;
    const keep = (spare: ArrayBuffer | null) => pglite.runExclusive(async () => keepState(pglite, fs, spare));
    await pglite.exec(`CREATE TABLE t (id int); INSERT INTO t SELECT generate_series(1, 3); CHECKPOINT`);
    // Larger than a fresh instance's memory below its top (about 13 MB).
    const buffer = new ArrayBuffer(64 * 1024 * 1024);
    const first = await keep(buffer);
    expect(first.release()).toBe(buffer);
    expect(first.release()).toBeNull();
    expect(first.restore()).toBe(false);

    await pglite.exec(`INSERT INTO t SELECT generate_series(4, 5); CHECKPOINT`);
    const second = await keep(buffer);
    await pglite.exec(`DELETE FROM t`);
    expect(second.restore()).toBe(true);
    expect(await count()).toBe(5);
    expect(first.restore()).toBe(false);
    expect(second.release()).toBe(buffer);
    await pglite.close();
  }, 120_000);

  it('puts back every file as kept, whether written, truncated or left alone', async () => {
    const { PGlite, MemoryFS } = await import('@electric-sql/pglite');
    const fs = dataDirFs(MemoryFS, []);
    const pglite = await PGlite.create({ fs });
    const digest = (data: Uint8Array | null) => data && createHash('sha256').update(data).digest('hex');
    const files = () => new Map(readDataDir(pglite).map(({ path, data }) => [path, digest(data)]));
    const size = async () => (await pglite.query<{ n: number }>(`SELECT pg_relation_size('t')::int n`)).rows[0]!.n;
    await pglite.exec(`CREATE TABLE t AS SELECT i id, repeat('x', 200) v FROM generate_series(1, 3000) i; DELETE FROM t WHERE id > 10;`);
    await pglite.exec('CHECKPOINT');
    const sizeKept = await size();
    const state = await pglite.runExclusive(async () => keepState(pglite, fs));
    const kept = files();
    expect(new Map(state.files.map(({ path, data }) => [path, digest(data)]))).toEqual(kept);

    // VACUUM truncates the table's file (its dirty pages stay in shared buffers): a change of size only.
    await pglite.exec('VACUUM t');
    expect(await size()).toBeLessThan(sizeKept);
    expect(state.restore()).toBe(true);
    expect(files()).toEqual(kept);
    // Put back again with nothing changed, then after writes and a new file.
    expect(state.restore()).toBe(true);
    expect(files()).toEqual(kept);
    await pglite.exec(`INSERT INTO t SELECT i, 'y' FROM generate_series(1, 500) i; CREATE TABLE u (x int);`);
    await pglite.exec('CHECKPOINT');
    expect(state.restore()).toBe(true);
    expect(files()).toEqual(kept);
    expect(await size()).toBe(sizeKept);
    expect((await pglite.query(`SELECT count(*)::int n FROM t`)).rows).toEqual([{ n: 10 }]);
    await pglite.close();
  }, 120_000);
});
