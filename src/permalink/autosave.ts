/**
 * Autosave and the "recent scenarios" list: pure functions over a
 * Storage-like object, so Node tests pass a Map and the page passes
 * localStorage. What is read back is untrusted (another tab, an older
 * version, a person with devtools) and goes through parseScenario; a storage
 * that throws (disabled, private mode, full) is caught and the page keeps
 * working without it.
 */
import { compareText } from '../engine/compare-text';
import { parseScenario, type ScenarioInput } from '../engine/scenario';

/** The part of the Web Storage API used here. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const AUTOSAVE_KEY = 'sync-playground:autosave';
export const RECENT_KEY = 'sync-playground:recent';
export const RECENT_LIMIT = 10;

/** The work in progress: the scenario and the example it still is, if unedited. */
export interface SavedWork {
  scenario: ScenarioInput;
  exampleId: string | null;
}

/** An earlier scenario kept so that opening a link never destroys work. */
export interface RecentEntry {
  title: string;
  /** Milliseconds since the epoch. */
  savedAt: number;
  scenario: ScenarioInput;
}

function readJson(storage: StorageLike | null, key: string): unknown {
  try {
    const text = storage?.getItem(key);
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return null;
  }
}

/** Writes; false when the storage refused (full, disabled). */
function writeJson(storage: StorageLike | null, key: string, value: unknown): boolean {
  if (!storage) return false;
  try {
    storage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

function validScenario(value: unknown): ScenarioInput | null {
  try {
    return parseScenario(value);
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON with every object's fields in one order: a file's and the parser's orders differ. */
const canonicalJson = (value: unknown) =>
  JSON.stringify(value, (_key, field: unknown) =>
    isRecord(field) ? Object.fromEntries(Object.entries(field).sort(([a], [b]) => compareText(a, b))) : field,
  );

/** Two scenarios are the same work when they hold the same fields and values, in any order. */
export function sameScenario(a: ScenarioInput, b: ScenarioInput): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** The autosaved work, validated; null when there is none or it is unusable. */
export function readSavedWork(storage: StorageLike | null): SavedWork | null {
  const value = readJson(storage, AUTOSAVE_KEY);
  if (!isRecord(value)) return null;
  const scenario = validScenario(value.scenario);
  if (!scenario) return null;
  return { scenario, exampleId: typeof value.exampleId === 'string' ? value.exampleId : null };
}

export function writeSavedWork(storage: StorageLike | null, work: SavedWork): boolean {
  return writeJson(storage, AUTOSAVE_KEY, work);
}

/** The recent list, newest first; entries that fail validation are dropped. */
export function readRecent(storage: StorageLike | null): RecentEntry[] {
  const value = readJson(storage, RECENT_KEY);
  if (!Array.isArray(value)) return [];
  const entries: RecentEntry[] = [];
  for (const item of value) {
    if (!isRecord(item)) continue;
    const scenario = validScenario(item.scenario);
    if (!scenario || typeof item.savedAt !== 'number') continue;
    entries.push({ scenario, savedAt: item.savedAt, title: typeof item.title === 'string' ? item.title : scenarioTitle(scenario) });
  }
  return entries.slice(0, RECENT_LIMIT);
}

/** A short name for a scenario: its title, else the models it defines. */
export function scenarioTitle(scenario: ScenarioInput): string {
  if (scenario.title?.trim()) return scenario.title.trim();
  const names = [...scenario.models.matchAll(/\.define\(\s*['"`]([^'"`]+)['"`]/g)].map((match) => match[1]);
  const unique = [...new Set(names)];
  if (unique.length === 0) return 'Untitled scenario';
  return unique.length > 3 ? `${unique.slice(0, 3).join(', ')}, …` : unique.join(', ');
}

/**
 * Puts a scenario first in the recent list (an equal one already there moves
 * up rather than repeating) and keeps the newest RECENT_LIMIT. When the
 * storage is full, older entries are dropped until it fits.
 */
export function rememberRecent(storage: StorageLike | null, scenario: ScenarioInput, now = Date.now()): RecentEntry[] {
  const others = readRecent(storage).filter((entry) => !sameScenario(entry.scenario, scenario));
  const entries = [{ title: scenarioTitle(scenario), savedAt: now, scenario }, ...others].slice(0, RECENT_LIMIT);
  for (let count = entries.length; count > 0; count--) {
    if (writeJson(storage, RECENT_KEY, entries.slice(0, count))) return entries.slice(0, count);
  }
  return [];
}

/**
 * Called before a link replaces the work on the page: keeps the work in the
 * recent list unless it is the same scenario or one the app can bring back
 * anyway (an unedited example, says `isBuiltIn`).
 */
export function keepBeforeReplacing(
  storage: StorageLike | null,
  current: ScenarioInput | null,
  incoming: ScenarioInput,
  isBuiltIn: (scenario: ScenarioInput) => boolean = () => false,
  now = Date.now(),
): boolean {
  if (!current || sameScenario(current, incoming) || isBuiltIn(current)) return false;
  rememberRecent(storage, current, now);
  return true;
}
