/**
 * The Sequelize releases the playground ships, and how to load one. A
 * scenario asks for `"6"`, `"7"` or an exact version; the log changes between
 * releases, so the version is always resolved to an exact one and reported.
 */
import type { HostConnection } from './database-host';
import { ScenarioError, type Dialect } from './scenario';
import { sequelize6Options, sequelize7Options, type ConstructorOptions } from './sequelize-options';

/** What user code receives from a Sequelize release. */
export interface SequelizeModule {
  Sequelize: SequelizeConstructor;
  DataTypes: unknown;
  Model: unknown;
  Op: unknown;
}

export interface SequelizeInstance {
  /** A plain object in 6; in 7 a ModelSetView, iterable and read with `get(name)`. */
  models: Record<string, SequelizeModel> | Iterable<SequelizeModel>;
  sync(options?: object): Promise<unknown>;
  drop(options?: object): Promise<unknown>;
  close(): Promise<void>;
}

export interface SequelizeModel {
  /** 7 only; its `getTableName()` is deprecated (and warns on stderr). */
  table?: { tableName: string };
  getTableName(): string | { tableName: string };
}

export type SequelizeConstructor = new (options: object) => SequelizeInstance;

interface ShippedRelease {
  /** The npm package user code would `require`. */
  packageName: string;
  load(): Promise<SequelizeModule>;
  /** This release's constructor options for a host's connection (may load the dialect's package). */
  options(connection: HostConnection, database: string): Promise<ConstructorOptions>;
  /** Loads the package of a dialect ahead of `options`, where the dialect is a package of its own (7). */
  loadDialect?(dialect: Dialect): Promise<unknown>;
}

function moduleOf(imported: { default?: unknown }): SequelizeModule {
  // CommonJS packages arrive as `default` under ESM interop.
  return (imported.default ?? imported) as SequelizeModule;
}

const options6 = async (connection: HostConnection, database: string) => sequelize6Options(connection, database);

/** Sequelize 7's packages: the core, and each dialect with its first scenario. */
const packages7 = () => import('./sequelize-7');

const SHIPPED: Readonly<Record<string, ShippedRelease>> = {
  '6.37.8': { packageName: 'sequelize', load: async () => moduleOf(await import('sequelize')), options: options6 },
  // The seed write-up's release, installed under an npm alias; its own chunk
  // in the browser, loaded only when a scenario asks for it.
  '6.5.1': { packageName: 'sequelize', load: async () => moduleOf(await import('sequelize-6.5.1')), options: options6 },
  // An alpha: its API differs from 6 (notably `sequelize.models.get(name)`).
  '7.0.0-alpha.48': {
    packageName: '@sequelize/core',
    load: async () => moduleOf(await (await packages7()).loadCore()),
    options: async (connection, database) => sequelize7Options(connection, database, await (await packages7()).loadDialect(connection.dialect)),
    loadDialect: async (dialect) => (await packages7()).loadDialect(dialect),
  },
};

/** The newest release of each major version, for `"sequelize": "6"` or `"7"`. */
const NEWEST_OF_MAJOR: Readonly<Record<string, string>> = { '6': '6.37.8', '7': '7.0.0-alpha.48' };

export const SHIPPED_VERSIONS: readonly string[] = Object.keys(SHIPPED);

/** Resolves `"6"` or an exact version to a shipped exact version. */
export function resolveVersion(requested: string): string {
  const exact = NEWEST_OF_MAJOR[requested] ?? requested;
  if (!SHIPPED[exact]) {
    const offered = [...Object.keys(NEWEST_OF_MAJOR), ...SHIPPED_VERSIONS].map((v) => `"${v}"`).join(', ');
    throw new ScenarioError(`sequelize: version "${requested}" is not shipped by this playground (use one of ${offered})`);
  }
  return exact;
}

export interface LoadedSequelize {
  version: string;
  packageName: string;
  module: SequelizeModule;
  /** The constructor options (without `logging`) that connect this release to a host's database. */
  options(connection: HostConnection, database: string): Promise<ConstructorOptions>;
}

/**
 * Loads a release; given the dialect, also the package that release needs
 * for it (7's dialects are packages), so that a failed load is reported
 * before anything runs and the first session does not wait for it.
 */
export async function loadSequelize(requested: string, dialect?: Dialect): Promise<LoadedSequelize> {
  const version = resolveVersion(requested);
  const release = SHIPPED[version] as ShippedRelease;
  const [module] = await Promise.all([release.load(), dialect && release.loadDialect?.(dialect)]);
  return { version, packageName: release.packageName, module, options: release.options };
}

/** The models defined on an instance, whichever release made it. */
export function definedModels(sequelize: SequelizeInstance): SequelizeModel[] {
  const { models } = sequelize;
  return Symbol.iterator in models ? [...(models as Iterable<SequelizeModel>)] : Object.values(models);
}
