/**
 * Runs an exported reproduction (src/export/repro-export.ts) as a person
 * would, with plain Node, and reduces its output and the engine's result to
 * what they must agree on.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { RunSection } from '../../src/engine/result';
import { maskTemporaryTableNames, maskTimestamps } from './comparable';

const run = promisify(execFile);
export const ROOT = join(import.meta.dirname, '..', '..');
export const VERSION = '6.37.8';
export const VERSION_7 = '7.0.0-alpha.48';

export interface ReproSection {
  log: Array<{ phase: string; sql: string }>;
  error: { phase: string; name: string; message: string } | null;
  console: string[];
}
export interface ReproOutput {
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
/** Reproductions run two at a time (each is a Node process). */
export const limited = limiter(2);

const installedVersion = (dir: string) => (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * The project installs an older release beside the newest under an npm
 * alias (`sequelize-6.5.1`): a reproduction pinning it gets it under its
 * own name in its node_modules, as `npm install` would give it.
 */
function linkAliasedReleases(dir: string, manifest: string): void {
  const { dependencies } = JSON.parse(manifest) as { dependencies: Record<string, string> };
  for (const [name, version] of Object.entries(dependencies)) {
    const installed = join(ROOT, 'node_modules', name);
    const alias = `${installed}-${version}`;
    if (installedVersion(installed) === version || !existsSync(alias)) continue;
    mkdirSync(join(dir, 'node_modules'), { recursive: true });
    symlinkSync(alias, join(dir, 'node_modules', name), 'dir');
  }
}

/** Writes the files to a new directory and runs `node repro.js --json` there (with the project's node_modules). */
export async function runExported(files: Record<string, string>, env: Record<string, string> = {}): Promise<ReproOutput> {
  const dir = mkdtempSync(join(tmpdir(), 'sync-playground-repro-test-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  if (files['package.json']) linkAliasedReleases(dir, files['package.json']);
  const { stdout } = await run('node', ['repro.js', '--json'], {
    cwd: dir,
    env: { ...process.env, ...env, NODE_PATH: join(ROOT, 'node_modules') },
    maxBuffer: 64 << 20,
  });
  return JSON.parse(stdout) as ReproOutput;
}

/** Fails unless Node can parse `source` (node --check). */
export async function checkSyntax(source: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sync-playground-repro-test-'));
  writeFileSync(join(dir, 'repro.js'), source);
  await run('node', ['--check', join(dir, 'repro.js')]);
}

/** What a reproduction and the engine must agree on, timestamps and 7's random temporary table names masked. */
export const comparable = (section: ReproSection | RunSection) =>
  maskTimestamps({
    log: section.log.map((entry) => ({ phase: entry.phase, sql: maskTemporaryTableNames(entry.sql) })),
    error: section.error && { phase: section.error.phase, name: section.error.name, message: section.error.message },
    console: section.console,
  });
