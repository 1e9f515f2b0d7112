/**
 * `npm run cli -- run FILE.json` with `"dialect": "postgres"`: the engine
 * loads PGlite, runs the scenario on it and prints the result JSON.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/engine/result';
import { loadFixture } from '../support/fixtures';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');

describe('npm run cli -- run FILE.json on Postgres', () => {
  it('runs the seed example on PGlite', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sync-playground-cli-pg-')), 'seed.json');
    writeFileSync(file, JSON.stringify({ ...loadFixture('seed-add-column').scenario, dialect: 'postgres' }));
    const { stdout } = await run('node', ['--import', 'tsx', 'src/cli/main.ts', 'run', file], { cwd: ROOT, maxBuffer: 64 << 20 });
    const result = JSON.parse(stdout) as RunResult;
    expect(result.dialect).toBe('postgres');
    expect(result.modes.map((mode) => [mode.mode, mode.error?.phase ?? null])).toEqual([
      ['sync', 'after'],
      ['force', null],
      ['alter', null],
      ['drop', 'after'],
    ]);
    const alter = result.modes.find((mode) => mode.mode === 'alter');
    expect(alter?.log.map((entry) => entry.sql)).toContain('ALTER TABLE "public"."IntegerNames" ADD COLUMN "nameEs" VARCHAR(255);');
    expect(alter?.tables.IntegerNames?.columns.find((column) => column.name === 'nameEs')?.type).toBe('character varying');
  }, 120_000);
});
