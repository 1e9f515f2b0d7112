/** The fixture scenarios in test/fixtures/, read and validated. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenarioJson, type ScenarioInput } from '../../src/engine/scenario';

export const FIXTURE_DIR = join(import.meta.dirname, '..', 'fixtures');

export interface Fixture {
  name: string;
  file: string;
  scenario: ScenarioInput;
}

export function loadFixtures(): Fixture[] {
  return readdirSync(FIXTURE_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({
      name: file.replace(/\.json$/, ''),
      file: join(FIXTURE_DIR, file),
      scenario: parseScenarioJson(readFileSync(join(FIXTURE_DIR, file), 'utf8')),
    }));
}

export function loadFixture(name: string): Fixture {
  const fixture = loadFixtures().find((f) => f.name === name);
  if (!fixture) throw new Error(`no fixture ${name}`);
  return fixture;
}
