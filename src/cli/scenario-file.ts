/** Reading a scenario file for a CLI command, and the one way commands fail. */
import { readFile, stat } from 'node:fs/promises';
import { parseScenarioJson, ScenarioError, type ScenarioInput } from '../engine';
import { MAX_SCENARIO_FILE_BYTES } from '../share/scenario-file';

/** One line on stderr and exit status 2 (shared/SCENARIO.md). */
export function fail(message: string): never {
  process.stderr.write(`${message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exit(2);
}

/** Runs `body`, turning a ScenarioError into `FILE: message` and exit 2. */
export async function withScenarioErrors<T>(file: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof ScenarioError) fail(`${file}: ${error.message}`);
    throw error;
  }
}

/** The scenario in `file`, or exit 2 with what is wrong. */
export async function readScenarioFile(file: string): Promise<ScenarioInput> {
  let text: string;
  try {
    // The playground's limit for files and links: larger is not a scenario a person wrote.
    const { size } = await stat(file);
    if (size > MAX_SCENARIO_FILE_BYTES) fail(`${file}: too large for a scenario (${size} bytes; at most ${MAX_SCENARIO_FILE_BYTES})`);
    text = await readFile(file, 'utf8');
  } catch (error) {
    fail(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return withScenarioErrors(file, async () => parseScenarioJson(text));
}
