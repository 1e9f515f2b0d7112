/**
 * The command line: `npm run --silent cli -- run FILE.json` prints the
 * result JSON of shared/SCENARIO.md; `export FILE.json --out DIR` writes a
 * runnable reproduction. A file that cannot be read or is not a valid
 * scenario gives a one-line error on stderr and exit status 2; a scenario
 * whose modes fail still exits 0, because failures are results.
 */
import { createPgliteHost, createSqljsHost, runScenario, type Dialect } from '../engine';
import { exportCommand } from './export-command';
import { loadSqlJsInNode } from './load-sqljs';
import { fail, readScenarioFile, withScenarioErrors } from './scenario-file';
import { useSqlite3Placeholder } from './sqlite3-placeholder-hook';

const USAGE = 'usage: npm run --silent cli -- run FILE.json | export FILE.json --out DIR';

async function run(file: string): Promise<void> {
  const scenario = await readScenarioFile(file);
  let postgres: ReturnType<typeof createPgliteHost> | null = null;
  const result = await withScenarioErrors(file, async () =>
    runScenario(scenario, {
      // Only a Postgres scenario loads PGlite (and runs initdb, a few seconds).
      host: async (dialect: Dialect) => (dialect === 'postgres' ? (postgres = createPgliteHost()) : createSqljsHost(await loadSqlJsInNode())),
    }).finally(() => postgres?.dispose()),
  );
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

async function main(args: string[]): Promise<void> {
  const [command, ...rest] = args;
  if (command === 'run' && rest.length === 1 && rest[0]) return run(rest[0]);
  if (command === 'export' && rest.length === 3) {
    const at = rest.indexOf('--out');
    const out = at >= 0 ? rest[at + 1] : undefined;
    const file = rest.find((_arg, i) => i !== at && i !== at + 1);
    if (at >= 0 && out && file && !file.startsWith('--')) return exportCommand(file, out);
  }
  fail(USAGE);
}

useSqlite3Placeholder();
await main(process.argv.slice(2));
