/**
 * The Sequelize releases the playground ships, and how to load one. A
 * scenario asks for `"6"`, `"7"` or an exact version; the log changes between
 * releases, so the version is always resolved to an exact one and reported.
 */
import { ScenarioError } from './scenario';

/** What user code receives from a Sequelize release. */
export interface SequelizeModule {
  Sequelize: SequelizeConstructor;
  DataTypes: unknown;
  Model: unknown;
  Op: unknown;
}

export interface SequelizeInstance {
  models: Record<string, { getTableName(): string | { tableName: string } }>;
  sync(options?: object): Promise<unknown>;
  drop(options?: object): Promise<unknown>;
  close(): Promise<void>;
}

export type SequelizeConstructor = new (options: object) => SequelizeInstance;

interface ShippedRelease {
  /** The npm package user code would `require`. */
  packageName: string;
  load(): Promise<SequelizeModule>;
}

function moduleOf(imported: { default?: unknown }): SequelizeModule {
  // CommonJS packages arrive as `default` under ESM interop.
  return (imported.default ?? imported) as SequelizeModule;
}

const SHIPPED: Readonly<Record<string, ShippedRelease>> = {
  '6.37.8': { packageName: 'sequelize', load: async () => moduleOf(await import('sequelize')) },
  // The seed write-up's release, installed under an npm alias; its own chunk
  // in the browser, loaded only when a scenario asks for it.
  '6.5.1': { packageName: 'sequelize', load: async () => moduleOf(await import('sequelize-6.5.1')) },
};

/** The newest release of each major version, for `"sequelize": "6"`. */
const NEWEST_OF_MAJOR: Readonly<Record<string, string>> = { '6': '6.37.8' };

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
}

export async function loadSequelize(requested: string): Promise<LoadedSequelize> {
  const version = resolveVersion(requested);
  const release = SHIPPED[version] as ShippedRelease;
  return { version, packageName: release.packageName, module: await release.load() };
}
