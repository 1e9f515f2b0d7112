/**
 * `npm run --silent cli -- export FILE.json --out DIR` writes a runnable
 * reproduction; bad input gives one line on stderr, exit 2 and no files.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../support/fixtures';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const scratchDir = () => mkdtempSync(join(tmpdir(), 'sync-playground-export-'));

function scratch(name: string, text: string): string {
  const file = join(scratchDir(), name);
  writeFileSync(file, text);
  return file;
}

describe('npm run cli -- export FILE.json --out DIR', () => {
  it('writes package.json, repro.js and README.md into a new directory, and repro.js runs', async () => {
    const fixture = loadFixture('seed-add-column');
    const out = join(scratchDir(), 'nested', 'repro');
    const { code, stdout, stderr } = await cli('export', fixture.file, '--out', out);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(join(out, 'repro.js'));
    const manifest = JSON.parse(readFileSync(join(out, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(manifest.dependencies.sequelize).toBe('6.37.8');
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toContain('npm install && node repro.js');
    expect(readFileSync(join(out, 'repro.js'), 'utf8')).toContain(`// Sync Playground reproduction: ${fixture.scenario.title}`);

    const printed = await run('node', ['repro.js'], { cwd: out, env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') } });
    expect(printed.stdout).toContain('== alter: sequelize.sync({ alter: true }) ==');
    expect(printed.stdout).toContain('[operation] ALTER TABLE `IntegerNames` ADD `nameEs` VARCHAR(255);');
  });

  it('writes a reproduction on pg for a PostgreSQL scenario', async () => {
    const out = join(scratchDir(), 'repro');
    const { code, stderr } = await cli('export', loadFixture('pg-seed-add-column').file, '--out', out);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(manifest.dependencies).sort()).toEqual(['pg', 'sequelize']);
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toContain('PGHOST');
  });

  it('also takes --out before the file', async () => {
    const out = join(scratchDir(), 'repro');
    const { code } = await cli('export', '--out', out, loadFixture('add-index').file);
    expect(code).toBe(0);
    expect(existsSync(join(out, 'repro.js'))).toBe(true);
  });

  it.each([
    ['a missing file', ['/nonexistent/scenario.json'], /^Cannot read \/nonexistent\/scenario\.json: ENOENT\n$/],
    ['text that is not JSON', [scratch('bad.json', '{ "format": ')], /Not valid JSON/],
    ['a missing models field', [scratch('m.json', '{"format":"sync-playground/scenario@1"}')], /models: is required/],
    ['an unshipped version', [scratch('v.json', '{"format":"sync-playground/scenario@1","models":"","sequelize":"5"}')], /sequelize: version "5" is not shipped/],
  ])('rejects %s with one line on stderr, exit 2 and no files', async (_what, args, message) => {
    const out = join(scratchDir(), 'repro');
    const { code, stdout, stderr } = await cli('export', ...args, '--out', out);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    ['no --out', ['export', 'x.json']],
    ['--out without a directory', ['export', 'x.json', '--out']],
    ['no file', ['export', '--out', 'dir']],
  ])('prints the usage for %s', async (_what, args) => {
    const { code, stderr } = await cli(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^usage: .*export FILE\.json --out DIR\n$/);
  });
});
