import { describe, expect, it } from 'vitest';
import { initialScenario } from '../../src/app/initial-scenario';
import type { ScenarioInput } from '../../src/engine/scenario';
import { FIRST_EXAMPLE } from '../../src/examples/examples';
import {
  AUTOSAVE_KEY,
  keepBeforeReplacing,
  readRecent,
  readSavedWork,
  RECENT_KEY,
  RECENT_LIMIT,
  rememberRecent,
  sameScenario,
  scenarioTitle,
  writeSavedWork,
  type StorageLike,
} from '../../src/permalink/autosave';
import { encodePermalink } from '../../src/permalink/permalink-codec';
import { loadFixture } from '../support/fixtures';

/** localStorage's behaviour over a Map; `quota` makes it full past that many characters. */
class MapStorage implements StorageLike {
  readonly items = new Map<string, string>();
  constructor(private readonly quota = Infinity) {}
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (value.length > this.quota) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(key, value);
  }
}

const throwing: StorageLike = {
  getItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
};

const seed = loadFixture('seed-add-column').scenario;
const scenarioN = (n: number): ScenarioInput => ({ ...seed, title: undefined, models: `sequelize.define('Model${n}', {});` });

describe('autosave', () => {
  it('reads back what it saved', () => {
    const storage = new MapStorage();
    expect(readSavedWork(storage)).toBeNull();
    expect(writeSavedWork(storage, { scenario: seed, exampleId: 'seed' })).toBe(true);
    expect(readSavedWork(storage)).toEqual({ scenario: seed, exampleId: 'seed' });
  });

  it('ignores what is not a valid scenario (another version, a hand edit)', () => {
    const storage = new MapStorage();
    for (const text of ['not json', '[]', '{"scenario":{"format":"other","models":""}}', '{"scenario":{"format":"sync-playground/scenario@1"}}']) {
      storage.items.set(AUTOSAVE_KEY, text);
      expect(readSavedWork(storage)).toBeNull();
    }
  });

  it('keeps working when storage throws or is absent', () => {
    expect(readSavedWork(throwing)).toBeNull();
    expect(writeSavedWork(throwing, { scenario: seed, exampleId: null })).toBe(false);
    expect(rememberRecent(throwing, seed)).toEqual([]);
    expect(readRecent(null)).toEqual([]);
    expect(writeSavedWork(null, { scenario: seed, exampleId: null })).toBe(false);
  });
});

describe('recent scenarios', () => {
  it('puts the newest first, moves a repeat up and keeps the last ten', () => {
    const storage = new MapStorage();
    for (let n = 0; n < 12; n++) rememberRecent(storage, scenarioN(n), 1000 + n);
    rememberRecent(storage, scenarioN(5), 5000);
    const entries = readRecent(storage);
    expect(entries).toHaveLength(RECENT_LIMIT);
    expect(entries.map((e) => e.title)).toEqual(['Model5', 'Model11', 'Model10', 'Model9', 'Model8', 'Model7', 'Model6', 'Model4', 'Model3', 'Model2']);
    expect(entries[0]?.savedAt).toBe(5000);
  });

  it('drops the oldest entries when storage is full', () => {
    const one = JSON.stringify([{ title: 'Model0', savedAt: 1, scenario: scenarioN(0) }]).length;
    const storage = new MapStorage(one * 3);
    for (let n = 0; n < 6; n++) rememberRecent(storage, scenarioN(n), n);
    const titles = readRecent(storage).map((e) => e.title);
    expect(titles[0]).toBe('Model5');
    expect(titles.length).toBeLessThan(6);
  });

  it('drops invalid entries read back', () => {
    const storage = new MapStorage();
    storage.items.set(RECENT_KEY, JSON.stringify([{ title: 'ok', savedAt: 1, scenario: seed }, { title: 'bad', savedAt: 2, scenario: { models: 1 } }, 'junk', null]));
    expect(readRecent(storage)).toEqual([{ title: 'ok', savedAt: 1, scenario: seed }]);
  });

  it('titles a scenario by its title, else the models it defines', () => {
    expect(scenarioTitle({ ...seed, title: ' Mine ' })).toBe('Mine');
    expect(scenarioTitle({ ...seed, title: undefined, models: "sequelize.define('A', {}); sequelize.define(\"B\", {});" })).toBe('A, B');
    expect(scenarioTitle({ ...seed, title: undefined, models: '' })).toBe('Untitled scenario');
  });

  it('keeps different work before a link replaces it, but not the same scenario or a built-in one', () => {
    const storage = new MapStorage();
    expect(keepBeforeReplacing(storage, null, seed)).toBe(false);
    expect(keepBeforeReplacing(storage, seed, { ...seed })).toBe(false);
    expect(keepBeforeReplacing(storage, scenarioN(1), seed, (s) => s.models.includes('Model1'))).toBe(false);
    expect(readRecent(storage)).toEqual([]);
    expect(keepBeforeReplacing(storage, scenarioN(2), seed, () => false, 7)).toBe(true);
    expect(readRecent(storage)).toEqual([{ title: 'Model2', savedAt: 7, scenario: scenarioN(2) }]);
  });
});

describe('the scenario the page opens with', () => {
  const saved = { scenario: scenarioN(1), exampleId: null };

  it('a link wins over saved work', () => {
    const edited = { ...seed, models: `${seed.models}\n// edited` };
    expect(initialScenario(encodePermalink(edited), saved)).toEqual({ scenario: edited, exampleId: null, linkError: null, fromLink: true });
  });

  it('a link to the unedited seed opens as the seed example', () => {
    expect(initialScenario(encodePermalink(seed), saved)).toEqual({ scenario: seed, exampleId: FIRST_EXAMPLE.id, linkError: null, fromLink: true });
  });

  it('without a link, the saved work, else the first example', () => {
    expect(initialScenario('', saved)).toMatchObject({ scenario: scenarioN(1), fromLink: false });
    expect(initialScenario('', null)).toMatchObject({ scenario: FIRST_EXAMPLE.scenario, exampleId: FIRST_EXAMPLE.id });
    expect(initialScenario('', { scenario: seed, exampleId: 'no-such-example' }).exampleId).toBeNull();
  });

  it('a damaged link opens the saved work and says why', () => {
    const opened = initialScenario('#s=AAAA', saved);
    expect(opened.scenario).toEqual(scenarioN(1));
    expect(opened.linkError).toMatch(/damaged|not valid/);
  });
});

describe('sameScenario', () => {
  it('is the same work whatever the order of the fields, and not when a value or field differs', () => {
    const seed = loadFixture('seed-add-column').scenario;
    const reordered = Object.fromEntries(Object.entries(seed).reverse()) as ScenarioInput;
    expect(sameScenario(seed, reordered)).toBe(true);
    expect(sameScenario(seed, FIRST_EXAMPLE.scenario)).toBe(true);
    expect(sameScenario(seed, { ...seed, models: `${seed.models} ` })).toBe(false);
    expect(sameScenario(seed, { ...seed, extra: { b: 1, a: 2 } } as ScenarioInput)).toBe(false);
    expect(sameScenario({ ...seed, extra: { b: 1, a: 2 } } as ScenarioInput, { ...seed, extra: { a: 2, b: 1 } } as ScenarioInput)).toBe(true);
  });
});
