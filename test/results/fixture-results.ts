/** Real engine results of the example fixtures, run once per test file. */
import type { ModeResult, RunResult } from '../../src/engine/result';
import type { Mode } from '../../src/engine/scenario';
import { runOnEngine } from '../support/engines';
import { loadFixture } from '../support/fixtures';

const cache = new Map<string, Promise<RunResult>>();

export function fixtureResult(name: string): Promise<RunResult> {
  let result = cache.get(name);
  if (!result) cache.set(name, (result = runOnEngine(loadFixture(name).scenario)));
  return result;
}

export async function fixtureMode(name: string, mode: Mode): Promise<{ result: RunResult; mode: ModeResult }> {
  const result = await fixtureResult(name);
  const found = result.modes.find((m) => m.mode === mode);
  if (!found) throw new Error(`${name} has no mode ${mode}`);
  return { result, mode: found };
}
