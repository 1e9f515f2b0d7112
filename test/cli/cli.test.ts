/**
 * The command line as a user runs it: `npm run --silent cli -- run FILE`.
 * Its output for every fixture equals Sequelize on native sqlite3; bad
 * input gives one line on stderr and exit status 2.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/engine/result';
import { comparableResult } from '../support/comparable';
import { runOnNative } from '../support/engines';
import { loadFixtures } from '../support/fixtures';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function scratch(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'sync-playground-cli-')), name);
  writeFileSync(file, text);
  return file;
}

describe('npm run cli -- run FILE.json', () => {
  for (const fixture of loadFixtures()) {
    it(`prints what native Sequelize does for ${fixture.name}`, async () => {
      const { code, stdout } = await cli('run', fixture.file);
      expect(code).toBe(0);
      const printed = JSON.parse(stdout) as RunResult;
      expect(printed.format).toBe('sync-playground/result@1');
      expect(comparableResult(printed)).toEqual(comparableResult(await runOnNative(fixture.scenario)));
    });
  }

  it.each([
    ['a missing file', ['run', '/nonexistent/scenario.json'], /^Cannot read \/nonexistent\/scenario\.json: ENOENT\n$/],
    ['text that is not JSON', ['run', scratch('bad.json', '{ "format": ')], /Not valid JSON/],
    ['a wrong format', ['run', scratch('old.json', '{"format":"sync-playground/scenario@0","models":""}')], /format: must be exactly/],
    ['a newer format', ['run', scratch('new.json', '{"format":"sync-playground/scenario@9","models":""}')], /written by a newer Sync Playground/],
    ['a missing models field', ['run', scratch('m.json', '{"format":"sync-playground/scenario@1"}')], /models: is required/],
    ['an unshipped version', ['run', scratch('v.json', '{"format":"sync-playground/scenario@1","models":"","sequelize":"5"}')], /sequelize: version "5" is not shipped/],
    ['a file over 5 MB', ['run', scratch('huge.json', JSON.stringify({ format: 'sync-playground/scenario@1', models: 'x'.repeat(6 << 20) }))], /too large for a scenario/],
    ['an unsupported mode', ['run', scratch('mode.json', '{"format":"sync-playground/scenario@1","models":"","modes":["truncate"]}')], /modes/],
    ['no file argument', ['run'], /^usage: /],
    ['an unknown command', ['frobnicate', 'x.json'], /^usage: /],
  ])('rejects %s with one line on stderr and exit 2', async (_what, args, message) => {
    const { code, stdout, stderr } = await cli(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('exits 0 when modes fail, because failures are results', async () => {
    const file = scratch('fails.json', JSON.stringify({ format: 'sync-playground/scenario@1', models: "throw new TypeError('boom')" }));
    const { code, stdout } = await cli('run', file);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as RunResult;
    for (const mode of result.modes) {
      expect(mode.error).toEqual({ phase: 'models', name: 'TypeError', message: 'boom', location: { field: 'models', line: 1, column: 7 } });
    }
  });
});
