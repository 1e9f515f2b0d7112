/** The fixture scenarios in test/fixtures/, read and validated. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenarioJson, withDefaults, type Dialect, type ScenarioInput } from '../../src/engine/scenario';

export const FIXTURE_DIR = join(import.meta.dirname, '..', 'fixtures');

export interface Fixture {
  name: string;
  file: string;
  scenario: ScenarioInput;
}

/** Every fixture written for one dialect (SQLite's are most; a few show PostgreSQL only). */
export function loadFixtures(dialect: Dialect = 'sqlite'): Fixture[] {
  return loadAllFixtures().filter((fixture) => withDefaults(fixture.scenario).dialect === dialect);
}

function loadAllFixtures(): Fixture[] {
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
  const fixture = loadAllFixtures().find((f) => f.name === name);
  if (!fixture) throw new Error(`no fixture ${name}`);
  return fixture;
}
