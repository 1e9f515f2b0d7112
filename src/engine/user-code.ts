/**
 * Turns a scenario's code field (JavaScript or TypeScript, the body of an
 * async function) into a callable function. Types are stripped by Sucrase,
 * which runs in Node and in the browser and keeps line numbers, so error
 * positions still point at the user's lines.
 */
import { transform } from 'sucrase';

/** The names user code sees, in the order they are passed (shared/SCENARIO.md). */
export const SCOPE_NAMES = ['sequelize', 'Sequelize', 'DataTypes', 'Model', 'Op', 'console', 'require'] as const;
export type Scope = Record<(typeof SCOPE_NAMES)[number], unknown>;

export type UserFunction = (scope: Scope) => Promise<unknown>;

/** A syntax error in user code, with its position in the user's text (1-based). */
export class UserCodeSyntaxError extends SyntaxError {
  override name = 'SyntaxError';
  constructor(
    message: string,
    readonly line: number | null,
    readonly column: number | null,
  ) {
    super(line === null ? message : `${message} (line ${line}, column ${column ?? 1})`);
  }
}

/** The wrapper puts one line before the user's first line. */
const WRAPPER_LINES = 1;

/** Strips types and wraps the code as `async (scope names) => { code }`. */
export function transpileUserCode(code: string): string {
  const wrapped = `(async function (${SCOPE_NAMES.join(', ')}) {\n${code}\n})`;
  try {
    return transform(wrapped, { transforms: ['typescript'], disableESTransforms: true }).code;
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    const message = (error as Error).message.replace(/\s*\(\d+:\d+\)$/, '');
    throw new UserCodeSyntaxError(message, loc ? loc.line - WRAPPER_LINES : null, loc ? loc.column + 1 : null);
  }
}

/**
 * Compiles a code field. Throws UserCodeSyntaxError for code that does not
 * parse. `label` names the code in stack traces (`models.ts`).
 */
export function compileUserCode(code: string, label: string): UserFunction {
  const source = `return ${transpileUserCode(code)}\n//# sourceURL=${label}`;
  let factory: () => (...args: unknown[]) => Promise<unknown>;
  try {
    factory = new Function(source) as typeof factory;
  } catch (error) {
    throw new UserCodeSyntaxError((error as Error).message, null, null);
  }
  const fn = factory();
  return (scope) => fn(...SCOPE_NAMES.map((name) => scope[name]));
}
