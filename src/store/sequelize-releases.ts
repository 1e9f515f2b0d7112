/**
 * The Sequelize releases a person can pick, as the page knows them. The
 * engine's list (src/engine/sequelize-versions.ts, SHIPPED_VERSIONS) is not
 * imported here: it carries each release's loader, which would pull every
 * Sequelize into the page's bundle graph. test/browser/versions.test.ts
 * checks that the two lists agree.
 */

export interface PickableRelease {
  /** The exact version, as a scenario's `sequelize` field names it. */
  version: string;
  /** What it is, in a few words (the picker's tooltip). */
  title: string;
}

export const PICKABLE_RELEASES: readonly PickableRelease[] = [
  { version: '6.37.8', title: 'Sequelize 6.37.8: the newest 6.x, what "6" means (the default)' },
  { version: '6.5.1', title: 'Sequelize 6.5.1: an early 6.x, the release the seed write-up used' },
  { version: '7.0.0-alpha.48', title: 'Sequelize 7.0.0-alpha.48 (@sequelize/core): an alpha of 7, whose API differs from 6' },
];

/** The release a scenario without a `sequelize` field runs. */
export const DEFAULT_RELEASE = '6.37.8';

/** What `"6"` and `"7"` resolve to, as the engine resolves them. */
const NEWEST_OF_MAJOR: Readonly<Record<string, string>> = { '6': '6.37.8', '7': '7.0.0-alpha.48' };

/**
 * The exact version a scenario's `sequelize` field asks for: `"6"` and an
 * absent field are 6.37.8. An unknown version is returned as it is (its
 * run fails and says why; the picker then shows none chosen).
 */
export function exactRelease(field: string | undefined): string {
  if (field === undefined) return DEFAULT_RELEASE;
  return NEWEST_OF_MAJOR[field] ?? field;
}

/** The version the comparison runs beside the scenario's, or null: none chosen, or the scenario's own. */
export function comparedRelease(scenarioField: string | undefined, compareWith: string | null): string | null {
  return compareWith !== null && compareWith !== exactRelease(scenarioField) ? compareWith : null;
}

/** Orders two versions oldest first (enough for the shipped ones: numeric parts, a pre-release before its release). */
export function compareReleases(a: string, b: string): number {
  const [coreA = '', preA] = a.split('-', 2);
  const [coreB = '', preB] = b.split('-', 2);
  const partsA = coreA.split('.').map(Number);
  const partsB = coreB.split('.').map(Number);
  for (let i = 0; i < Math.max(partsA.length, partsB.length); i++) {
    const diff = (partsA[i] ?? 0) - (partsB[i] ?? 0);
    if (diff !== 0) return diff;
  }
  if (preA === preB) return 0;
  if (preA === undefined) return 1;
  if (preB === undefined) return -1;
  return preA.localeCompare(preB, 'en', { numeric: true });
}
