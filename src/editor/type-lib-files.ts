/** What both Sequelize releases' type sets (./sequelize-6-types.ts, ./sequelize-7-types.ts) are made of alike. */
import type { TypeLib } from './sequelize-types';

// Both releases import retry-as-promised's types for their `retry` options.
const RETRY_AS_PROMISED_TYPES = import.meta.glob<string>('/node_modules/retry-as-promised/dist/index.d.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Files read at build time (path → text) as Monaco's extra libs. */
export function asLibs(files: Record<string, string>): TypeLib[] {
  return Object.entries(files).map(([path, content]) => ({ filePath: `file://${path}`, content }));
}

export function retryAsPromisedLib(): TypeLib {
  const content = Object.values(RETRY_AS_PROMISED_TYPES)[0] ?? 'export interface Options { max: number; }\n';
  return { filePath: 'file:///node_modules/retry-as-promised/index.d.ts', content };
}

/**
 * Model attributes are getters Sequelize defines at run time, so plain
 * JavaScript reads them (`user.name`) where the class declares none: let
 * any property through rather than mark every such line as an error.
 * `modelModule`: the module that declares the release's Model.
 */
export function dynamicAttributesLib(modelModule: string): TypeLib {
  return {
    filePath: 'file:///playground/dynamic-attributes.d.ts',
    content: `export {};
declare module '${modelModule}' {
  interface Model<TModelAttributes extends {} = any, TCreationAttributes extends {} = TModelAttributes> {
    [attribute: string]: any;
  }
}
`,
  };
}
