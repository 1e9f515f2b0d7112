/**
 * The command line: `npm run --silent cli -- run FILE.json` prints the
 * result JSON of shared/SCENARIO.md. A file that cannot be read or is not a
 * valid scenario gives a one-line error on stderr and exit status 2; a
 * scenario whose modes fail still exits 0, because failures are results.
 */
import { readFile } from 'node:fs/promises';
import { createSqljsHost, parseScenarioJson, runScenario, ScenarioError } from '../engine';
import { loadSqlJsInNode } from './load-sqljs';

const USAGE = 'usage: npm run --silent cli -- run FILE.json';

function fail(message: string): never {
  process.stderr.write(`${message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exit(2);
}

async function run(file: string): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    fail(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    const scenario = parseScenarioJson(text);
    const result = await runScenario(scenario, { host: createSqljsHost(await loadSqlJsInNode()) });
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } catch (error) {
    if (error instanceof ScenarioError) fail(`${file}: ${error.message}`);
    throw error;
  }
}

async function main(args: string[]): Promise<void> {
  const [command, ...rest] = args;
  if (command === 'run' && rest.length === 1 && rest[0]) return run(rest[0]);
  fail(USAGE);
}

await main(process.argv.slice(2));
