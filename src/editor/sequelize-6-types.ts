/**
 * Sequelize 6's type definitions, as the installed package ships them, laid
 * out under file:///node_modules/ so that `import('sequelize')` resolves the
 * way Node resolution does. One chunk, loaded only with Monaco.
 */
import type { TypeLib } from './sequelize-types';
import { asLibs, dynamicAttributesLib, retryAsPromisedLib } from './type-lib-files';

const SEQUELIZE_TYPES = import.meta.glob<string>('/node_modules/sequelize/types/**/*.d.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/**
 * Stand-ins for the packages Sequelize's types import whose own types the
 * playground does not ship: `debug` (one logger method's return type) and
 * `validator` (whose functions `Validator` extends; @types/validator is
 * 900 kB of definitions for a corner of the API nobody completes here).
 * The Node globals a few signatures mention get the same treatment.
 */
const STUBS: readonly TypeLib[] = [
  // The package's own `types` field points at types/index.d.ts; Monaco's
  // TypeScript host cannot read package.json, so give it an index.d.ts.
  { filePath: 'file:///node_modules/sequelize/index.d.ts', content: "export * from './types/index';\n" },
  {
    filePath: 'file:///node_modules/debug/index.d.ts',
    content: `declare namespace debug {
  interface Debugger { (formatter: any, ...args: any[]): void; enabled: boolean; namespace: string; }
}
declare function debug(namespace: string): debug.Debugger;
export default debug;
`,
  },
  { filePath: 'file:///node_modules/validator/index.d.ts', content: 'export {};\n' },
  {
    filePath: 'file:///playground/node-globals.d.ts',
    content: `interface Buffer extends Uint8Array {}
declare namespace NodeJS { interface CallSite { getFileName(): string | undefined; getLineNumber(): number | null; } }
`,
  },
  dynamicAttributesLib('sequelize/types/model'),
];

export function sequelize6Types(): readonly TypeLib[] {
  return [
    ...asLibs(SEQUELIZE_TYPES),
    retryAsPromisedLib(),
    ...STUBS,
  ];
}
