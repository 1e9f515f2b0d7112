/**
 * `npm run --silent cli -- export FILE.json --out DIR`: writes a runnable
 * reproduction (package.json, repro.js, README.md) of the scenario to DIR.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { resolveVersion, withDefaults } from '../engine';
import { exportReproduction } from '../export/repro-export';
import { fail, readScenarioFile, withScenarioErrors } from './scenario-file';

export async function exportCommand(file: string, out: string): Promise<void> {
  const input = await readScenarioFile(file);
  const files = await withScenarioErrors(file, () => exportReproduction(input, resolveVersion(withDefaults(input).sequelize)));
  try {
    await mkdir(out, { recursive: true });
    for (const [name, text] of Object.entries(files)) await writeFile(join(out, name), text);
  } catch (error) {
    fail(`Cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  process.stdout.write(`Wrote ${Object.keys(files).map((name) => join(out, name)).join(', ')}\nRun: cd ${out} && npm install && node repro.js\n`);
}
