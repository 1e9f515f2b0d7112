/**
 * Turns a scenario's code field (JavaScript or TypeScript, the body of an
 * async function) into a callable function. Plain JavaScript is used as it
 * is; anything else goes through Sucrase, which strips TypeScript types in
 * Node and in the browser and keeps line numbers, so error positions still
 * point at the user's lines. Sucrase is loaded only then: most scenarios
 * are JavaScript and the first result should not wait for it.
 */

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
/** `new Function(body)` puts `function anonymous(\n) {\n` before the body (V8). */
const FUNCTION_HEADER_LINES = 2;

/** The code fields, named as stack traces name them (`sourceURL`). */
export const CODE_FIELDS = ['setup', 'models', 'after'] as const;
export type CodeField = (typeof CODE_FIELDS)[number];

export interface CodeLocation {
  field: CodeField;
  /** 1-based, in the user's own text. */
  line: number;
  column: number | null;
}

/** True when the engine itself parses the text: it is plain JavaScript. */
function isJavaScript(wrapped: string): boolean {
  try {
    new Function(`return ${wrapped}`);
    return true;
  } catch {
    return false;
  }
}

/** Strips types and wraps the code as `async (scope names) => { code }`. */
export async function transpileUserCode(code: string): Promise<string> {
  const wrapped = `(async function (${SCOPE_NAMES.join(', ')}) {\n${code}\n})`;
  if (isJavaScript(wrapped)) return wrapped;
  const { transform } = await import('sucrase');
  try {
    return transform(wrapped, { transforms: ['typescript'], disableESTransforms: true }).code;
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    const message = (error as Error).message.replace(/\s*\(\d+:\d+\)$/, '');
    // Sucrase's `loc.column` is already 1-based (checked: `  ]` gives 3).
    throw new UserCodeSyntaxError(message, loc ? loc.line - WRAPPER_LINES : null, loc ? loc.column : null);
  }
}

/**
 * Where in the user's code an error happened: its syntax position, or the
 * first stack frame in a code field (`at eval (models.ts:6:8)`), which also
 * finds errors thrown by user hooks while Sequelize runs the operation.
 */
export function locateInUserCode(error: unknown): CodeLocation | null {
  if (error instanceof UserCodeSyntaxError) {
    const field = (error as UserCodeSyntaxError & { field?: CodeField }).field;
    return field && error.line !== null ? { field, line: error.line, column: error.column } : null;
  }
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const frame = /\b(setup|models|after)\.ts:(\d+):(\d+)/.exec(stack);
  if (!frame) return null;
  const line = Number(frame[2]) - FUNCTION_HEADER_LINES - WRAPPER_LINES;
  return line >= 1 ? { field: frame[1] as CodeField, line, column: Number(frame[3]) } : null;
}

/**
 * Compiles a code field. Throws UserCodeSyntaxError for code that does not
 * parse; stack traces name the code `<field>.ts`.
 */
export async function compileUserCode(code: string, field: CodeField): Promise<UserFunction> {
  const label = `${field}.ts`;
  let transpiled: string;
  try {
    transpiled = await transpileUserCode(code);
  } catch (error) {
    throw Object.assign(error as UserCodeSyntaxError, { field });
  }
  const source = `return ${transpiled}\n//# sourceURL=${label}`;
  let factory: () => (...args: unknown[]) => Promise<unknown>;
  try {
    factory = new Function(source) as typeof factory;
  } catch (error) {
    throw Object.assign(new UserCodeSyntaxError((error as Error).message, null, null), { field });
  }
  const fn = factory();
  return (scope) => fn(...SCOPE_NAMES.map((name) => scope[name]));
}
