/**
 * The type definitions Monaco's TypeScript service reads for completion and
 * hover: Sequelize's own .d.ts files, taken from the installed package at
 * build time (never retyped), and the names user code has in scope
 * (shared/SCENARIO.md, "Code"). Each major version's set is its own chunk,
 * fetched only when Monaco loads for a scenario of that version: 6's from
 * `sequelize`, 7's from `@sequelize/core`, the package whose names user
 * code gets in 7 (src/engine/sequelize-versions.ts).
 */

/** One file for `typescriptDefaults.addExtraLib`. */
export interface TypeLib {
  /** A `file:///` URI; `file:///node_modules/<package>/…` for packages, so that imports resolve. */
  filePath: string;
  content: string;
}

interface TypeSet {
  /** The package user code imports and `require`s. */
  packageName: string;
  load(): Promise<readonly TypeLib[]>;
}

const TYPE_SETS: Readonly<Record<string, TypeSet>> = {
  '6': { packageName: 'sequelize', load: async () => (await import('./sequelize-6-types')).sequelize6Types() },
  '7': { packageName: '@sequelize/core', load: async () => (await import('./sequelize-7-types')).sequelize7Types() },
};

/**
 * The declarations a code field sees: the scope names (typed from the
 * package itself) and the `console` the engine captures (the es20xx libs
 * have none, and DOM's would offer `document`, which the worker lacks).
 */
export function scopeGlobals(packageName: string): string {
  const pkg = `import('${packageName}')`;
  return `/** A real Sequelize instance connected to this run's database, its logging captured. */
declare const sequelize: ${pkg}.Sequelize;
declare const Sequelize: typeof ${pkg}.Sequelize;
declare const DataTypes: typeof ${pkg}.DataTypes;
declare const Model: typeof ${pkg}.Model;
declare const Op: typeof ${pkg}.Op;
/** Only '${packageName}' can be required. */
declare function require(name: '${packageName}'): typeof ${pkg};

/** Each call prints one line of this phase's console output, formatted as Node formats it. */
interface PlaygroundConsole {
  log(...data: any[]): void;
  info(...data: any[]): void;
  warn(...data: any[]): void;
  error(...data: any[]): void;
  debug(...data: any[]): void;
  trace(...data: any[]): void;
  dir(...data: any[]): void;
  table(...data: any[]): void;
}
declare const console: PlaygroundConsole;
`;
}

/** The major version a scenario's `sequelize` field names (`"6"`, `"7"`, `"6.37.8"`). */
export function majorOf(version: string): string {
  return version.split('.')[0] ?? version;
}

/** Whether this playground has type definitions for a Sequelize version. */
export function hasTypesFor(version: string): boolean {
  return majorOf(version) in TYPE_SETS;
}

/** Every file Monaco needs for a version: the package's types and the scope globals. */
export async function loadSequelizeTypes(version: string): Promise<readonly TypeLib[]> {
  const set = TYPE_SETS[majorOf(version)];
  if (!set) throw new Error(`No type definitions for Sequelize ${version}`);
  const libs = await set.load();
  return [...libs, { filePath: 'file:///playground/scope-globals.d.ts', content: scopeGlobals(set.packageName) }];
}
