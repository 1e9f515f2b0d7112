/**
 * The exported reproduction runs every fixture on real Sequelize and native
 * sqlite3 (the project's own node_modules, nothing installed) and reports
 * the same statements, errors and console output as the engine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportReproduction, SQLITE3_RANGE } from '../../src/export/repro-export';
import { runOnEngine } from '../support/engines';
import { loadFixture, loadFixtures } from '../support/fixtures';
import { checkSyntax, comparable, limited, ROOT, runExported, VERSION } from '../support/exported-repro';

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
    await checkSyntax(files['repro.js']);
    const header = files['repro.js'].split('\n').slice(0, files['repro.js'].split('\n').indexOf("'use strict';"));
    expect(header.every((line) => line.startsWith('//'))).toBe(true);
    expect(header.every((line) => line.length <= 100)).toBe(true);
    expect(header.join('\n')).toContain("// console.log('not code')");
  });

  it('refuses a Sequelize 7 scenario with a clear message (its runner is still to come)', async () => {
    const scenario = { format: 'sync-playground/scenario@1' as const, sequelize: '7', models: '' };
    await expect(exportReproduction(scenario, '7.0.0-alpha.48')).rejects.toThrow(/sequelize: "7" cannot be exported yet/);
  });

  it('uses no Node API, so the playground can export in the browser', () => {
    for (const file of ['repro-export.ts', 'runner-common.ts', 'sqlite-runner.ts', 'postgres-runner.ts']) {
      const source = readFileSync(join(ROOT, 'src', 'export', file), 'utf8');
      expect(source).not.toMatch(/from '(node:|fs|path|os|child_process)/);
    }
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
