/**
 * The exported reproduction runs every fixture on real Sequelize and native
 * sqlite3 (the project's own node_modules, nothing installed) and reports
 * the same statements, errors and console output as the engine, on
 * Sequelize 6 and, with the fixtures adapted to its API, on 7.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withDefaults, type ScenarioInput } from '../../src/engine/scenario';
import { resolveVersion } from '../../src/engine/sequelize-versions';
import { exportReproduction, SQLITE3_RANGE } from '../../src/export/repro-export';
import { runOnEngine } from '../support/engines';
import { loadFixture, loadFixtures } from '../support/fixtures';
import { checkSyntax, comparable, limited, ROOT, runExported, VERSION, VERSION_7 } from '../support/exported-repro';
import { sequelize7Scenario } from '../support/sequelize7-fixtures';

/** Exports `scenario` for `version`, runs it with Node and expects what the engine reports. */
async function expectReproducedAsEngineRuns(scenario: ScenarioInput, version: string): Promise<void> {
  const files = await exportReproduction(scenario, version);
  const [printed, engine] = await Promise.all([runExported(files), runOnEngine(scenario)]);
  expect(printed.sequelizeVersion).toBe(engine.sequelizeVersion);
  expect(printed.sequelizeVersion).toBe(version);
  expect(printed.modes.map((mode) => mode.mode)).toEqual(scenario.modes ?? ['sync', 'force', 'alter', 'drop']);
  expect(printed.modes.some((mode) => mode.log.length > 0)).toBe(true);
  expect(comparable(printed.baseline)).toEqual(comparable(engine.baseline));
  expect(printed.modes.map((mode) => ({ mode: mode.mode, ...comparable(mode) }))).toEqual(
    engine.modes.map((mode) => ({ mode: mode.mode, ...comparable(mode) })),
  );
}

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

  it('pins @sequelize/core and @sequelize/sqlite3 exactly for a Sequelize 7 scenario', async () => {
    const scenario = sequelize7Scenario('seed-add-column', loadFixture('seed-add-column').scenario);
    const files = await exportReproduction(scenario, VERSION_7);
    expect(JSON.parse(files['package.json']).dependencies).toEqual({
      '@sequelize/core': VERSION_7,
      '@sequelize/sqlite3': VERSION_7,
      sqlite3: SQLITE3_RANGE,
    });
    expect(files['repro.js']).toContain("require('@sequelize/core')");
    expect(files['repro.js']).not.toContain("require('sequelize')");
    expect(files['README.md']).toContain(`Sequelize ${VERSION_7} on native sqlite3`);
  });

  it("gives Sequelize 7's user code require('@sequelize/core'), as the engine does", async () => {
    const scenario = {
      format: 'sync-playground/scenario@1' as const,
      sequelize: '7',
      setup: "const core = require('@sequelize/core');\nconsole.log(core.Sequelize === Sequelize);\nrequire('sequelize');",
      models: '',
      modes: ['sync' as const],
    };
    await limited(() => expectReproducedAsEngineRuns(scenario, VERSION_7));
  });

  it('uses no Node API, so the playground can export in the browser', () => {
    for (const file of ['repro-export.ts', 'releases.ts', 'runner-common.ts', 'sqlite-runner.ts', 'postgres-runner.ts']) {
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

  // Each fixture on its own release (6 unless it names another, as the examples of 6.5.1 and 7 do).
  for (const fixture of loadFixtures()) {
    it.concurrent(`reproduces ${fixture.name} on native sqlite3 as the engine runs it`, async () => {
      const version = resolveVersion(withDefaults(fixture.scenario).sequelize);
      await limited(() => expectReproducedAsEngineRuns(fixture.scenario, version));
    }, 60_000);
  }

  // The fixtures adapted to 7's API (test/support/sequelize7-fixtures.ts).
  for (const fixture of loadFixtures()) {
    it.concurrent(`reproduces ${fixture.name} on Sequelize 7 and native sqlite3 as the engine runs it`, async () => {
      await limited(() => expectReproducedAsEngineRuns(sequelize7Scenario(fixture.name, fixture.scenario), VERSION_7));
    }, 60_000);
  }
});
