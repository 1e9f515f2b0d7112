/**
 * The exported reproduction runs every fixture on real Sequelize and native
 * sqlite3 (the project's own node_modules, nothing installed) and reports
 * the same statements, errors and console output as the engine.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { RunSection } from '../../src/engine/result';
import { exportReproduction, SQLITE3_RANGE } from '../../src/export/repro-export';
import { maskTimestamps } from '../support/comparable';
import { runOnEngine } from '../support/engines';
import { loadFixture, loadFixtures } from '../support/fixtures';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const VERSION = '6.37.8';

interface ReproSection {
  log: Array<{ phase: string; sql: string }>;
  error: { phase: string; name: string; message: string } | null;
  console: string[];
}
interface ReproOutput {
  sequelizeVersion: string;
  baseline: ReproSection;
  modes: Array<ReproSection & { mode: string }>;
}

/** At most `limit` bodies at a time. */
function limiter(limit: number) {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async <T>(body: () => Promise<T>): Promise<T> => {
    while (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await body();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}
const limited = limiter(2);

async function runExported(files: Record<string, string>): Promise<ReproOutput> {
  const dir = mkdtempSync(join(tmpdir(), 'sync-playground-repro-test-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const { stdout } = await run('node', ['repro.js', '--json'], {
    cwd: dir,
    env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
    maxBuffer: 64 << 20,
  });
  return JSON.parse(stdout) as ReproOutput;
}

const comparable = (section: ReproSection | RunSection) =>
  maskTimestamps({
    log: section.log.map((entry) => ({ phase: entry.phase, sql: entry.sql })),
    error: section.error && { phase: section.error.phase, name: section.error.name, message: section.error.message },
    console: section.console,
  });

describe('exportReproduction', () => {
  it('pins Sequelize exactly and sqlite3 to the range the project tests against', async () => {
    const files = await exportReproduction(loadFixture('seed-add-column').scenario, VERSION);
    const manifest = JSON.parse(files['package.json']) as { dependencies: Record<string, string>; scripts: Record<string, string> };
    const own = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(manifest.dependencies).toEqual({ sequelize: VERSION, sqlite3: own.devDependencies.sqlite3 });
    expect(SQLITE3_RANGE).toBe(own.devDependencies.sqlite3);
    expect(manifest.scripts.start).toBe('node repro.js');
    expect(files['README.md']).toContain('npm install && node repro.js');
    expect(files['repro.js']).toMatch(/^\/\/ Sync Playground reproduction: /);
  });

  it('keeps a many-line title and notice inside comments', async () => {
    const scenario = {
      format: 'sync-playground/scenario@1' as const,
      title: 'First line\nsecond line */ still a comment',
      notice: `A long notice ${'word '.repeat(60)}\nconsole.log('not code')`,
      models: '',
      modes: ['drop' as const],
    };
    const files = await exportReproduction(scenario, VERSION);
    const dir = mkdtempSync(join(tmpdir(), 'sync-playground-repro-test-'));
    writeFileSync(join(dir, 'repro.js'), files['repro.js']);
    await run('node', ['--check', join(dir, 'repro.js')]);
    const header = files['repro.js'].split('\n').slice(0, files['repro.js'].split('\n').indexOf("'use strict';"));
    expect(header.every((line) => line.startsWith('//'))).toBe(true);
    expect(header.every((line) => line.length <= 100)).toBe(true);
    expect(header.join('\n')).toContain("// console.log('not code')");
  });

  it('uses no Node API, so the playground can export in the browser', () => {
    const source = readFileSync(join(ROOT, 'src', 'export', 'repro-export.ts'), 'utf8');
    expect(source).not.toMatch(/from '(node:|fs|path|os|child_process)/);
  });

  it('strips TypeScript and reproduces syntax errors as the engine reports them', async () => {
    const scenario = {
      format: 'sync-playground/scenario@1' as const,
      title: 'TypeScript',
      setup: "const n: number = 2;\nconsole.log('n is', n);",
      models: 'const broken = ;',
      modes: ['sync' as const],
    };
    const files = await exportReproduction(scenario, VERSION);
    expect(files['repro.js']).not.toContain('n: number');
    const [printed, engine] = await Promise.all([limited(() => runExported(files)), runOnEngine(scenario)]);
    expect(comparable(printed.baseline)).toEqual(comparable(engine.baseline));
    expect(printed.modes.map(comparable)).toEqual(engine.modes.map(comparable));
    expect(printed.modes[0]?.error?.name).toBe('SyntaxError');
  });

  for (const fixture of loadFixtures()) {
    it.concurrent(`reproduces ${fixture.name} on native sqlite3 as the engine runs it`, async () => {
      await limited(async () => {
        const files = await exportReproduction(fixture.scenario, VERSION);
        const [printed, engine] = await Promise.all([runExported(files), runOnEngine(fixture.scenario)]);
        expect(printed.sequelizeVersion).toBe(engine.sequelizeVersion);
        expect(printed.modes.map((mode) => mode.mode)).toEqual(fixture.scenario.modes ?? ['sync', 'force', 'alter', 'drop']);
        expect(printed.modes.some((mode) => mode.log.length > 0)).toBe(true);
        expect(comparable(printed.baseline)).toEqual(comparable(engine.baseline));
        expect(printed.modes.map((mode) => ({ mode: mode.mode, ...comparable(mode) }))).toEqual(
          engine.modes.map((mode) => ({ mode: mode.mode, ...comparable(mode) })),
        );
      });
    }, 60_000);
  }
});
