/**
 * Sequelize 7's type definitions (@sequelize/core, and @sequelize/utils,
 * which they import), as the installed packages ship them, laid out under
 * file:///node_modules/ so that `import('@sequelize/core')` resolves the way
 * Node resolution does. One chunk, loaded only when Monaco loads for a
 * scenario with `"sequelize": "7"`.
 */
import type { TypeLib } from './sequelize-types';
import { asLibs, dynamicAttributesLib, retryAsPromisedLib } from './type-lib-files';

// `.d.ts` only: the `.d.mts` twins say the same for ES module importers.
const CORE_TYPES = import.meta.glob<string>('/node_modules/@sequelize/core/lib/**/*.d.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
});

const UTILS_TYPES = import.meta.glob<string>(['/node_modules/@sequelize/utils/lib/common/**/*.d.ts', '!**/__tests__/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

// The connection pool's options and class (`sequelize.pool`): small, and
// @sequelize/core's own copy (a different major version from Sequelize 6's).
const POOL_TYPES = import.meta.glob<string>('/node_modules/@sequelize/core/node_modules/sequelize-pool/types/**/*.d.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/**
 * Monaco's TypeScript host cannot read package.json (`types`, `exports`):
 * each package the types import by name gets an index.d.ts at its root.
 */
const ENTRY_POINTS: readonly TypeLib[] = [
  { filePath: 'file:///node_modules/@sequelize/core/index.d.ts', content: "export * from './lib/index';\nexport { default } from './lib/index';\n" },
  { filePath: 'file:///node_modules/@sequelize/core/decorators-legacy/index.d.ts', content: "export * from '../lib/decorators/legacy/index';\n" },
  { filePath: 'file:///node_modules/@sequelize/utils/index.d.ts', content: "export * from './lib/common/index';\n" },
  { filePath: 'file:///node_modules/@sequelize/core/node_modules/sequelize-pool/index.d.ts', content: "export * from './types/index';\n" },
];

/**
 * Stand-ins for the rest of what the types import, by what they use of it:
 * three helper types of type-fest (800 kB of definitions), the `debug`
 * logger, `validator`, `dayjs` and `inflection` in a few signatures nobody
 * completes here, lodash's memoize result, bnf-parser's syntax node, and
 * Node's Buffer and URL (the es2022 lib has neither).
 */
const STUBS: readonly TypeLib[] = [
  {
    filePath: 'file:///node_modules/type-fest/index.d.ts',
    content: `export type Class<T, Arguments extends unknown[] = any[]> = { prototype: Pick<T, keyof T>; new (...arguments_: Arguments): T };
export type SetRequired<BaseType, Keys extends keyof BaseType> = Omit<BaseType, Keys> & Required<Pick<BaseType, Keys>>;
export type StringKeyOf<BaseType> = \`\${Extract<keyof BaseType, string | number>}\`;
`,
  },
  {
    filePath: 'file:///node_modules/debug/index.d.ts',
    content: `declare namespace debug {
  interface Debugger { (formatter: any, ...args: any[]): void; enabled: boolean; namespace: string; }
}
declare function debug(namespace: string): debug.Debugger;
export default debug;
`,
  },
  { filePath: 'file:///node_modules/validator/index.d.ts', content: 'declare const validator: Record<string, (...args: any[]) => any>;\nexport default validator;\n' },
  {
    filePath: 'file:///node_modules/dayjs/index.d.ts',
    content: 'declare namespace dayjs { interface Dayjs { toISOString(): string; } }\ndeclare function dayjs(date?: any): dayjs.Dayjs;\nexport default dayjs;\n',
  },
  {
    filePath: 'file:///node_modules/inflection/index.d.ts',
    content: 'export declare function pluralize(word: string): string;\nexport declare function singularize(word: string): string;\nexport declare function underscore(word: string): string;\nexport declare function camelize(word: string, lowFirstLetter?: boolean): string;\n',
  },
  { filePath: 'file:///node_modules/lodash/index.d.ts', content: 'export interface MemoizedFunction { cache: Map<any, any>; }\n' },
  { filePath: 'file:///node_modules/bnf-parser/index.d.ts', content: 'export interface SyntaxNode { type: string; value: any; }\n' },
  {
    filePath: 'file:///playground/node-globals.d.ts',
    content: 'interface Buffer extends Uint8Array {}\ninterface URL { readonly href: string; }\n',
  },
  dynamicAttributesLib('@sequelize/core/lib/model'),
];

export function sequelize7Types(): readonly TypeLib[] {
  return [
    ...asLibs(CORE_TYPES),
    ...asLibs(UTILS_TYPES),
    ...asLibs(POOL_TYPES),
    retryAsPromisedLib(),
    ...ENTRY_POINTS,
    ...STUBS,
  ];
}
