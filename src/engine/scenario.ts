/**
 * The scenario format (shared/SCENARIO.md, version 1): what the editor holds,
 * a permalink carries and the command line runs. Validation is the one gate
 * every outside input passes through, so its messages name the bad field.
 */
import * as z from 'zod/mini';

export const SCENARIO_FORMAT = 'sync-playground/scenario@1';

export const MODES = ['sync', 'force', 'alter', 'alter-safe', 'drop'] as const;
export type Mode = (typeof MODES)[number];
export const DEFAULT_MODES: readonly Mode[] = ['sync', 'force', 'alter', 'drop'];

export const DIALECTS = ['sqlite', 'postgres'] as const;
export type Dialect = (typeof DIALECTS)[number];

/** A scenario as written: optional fields may be absent. */
export interface ScenarioInput {
  format: typeof SCENARIO_FORMAT;
  title?: string;
  dialect?: Dialect;
  sequelize?: string;
  database?: string;
  setup?: string;
  models: string;
  after?: string;
  modes?: Mode[];
  /** Unknown fields are kept, so that later versions can add fields. */
  [field: string]: unknown;
}

/** A scenario with every default filled in: what the runner works from. */
export interface Scenario extends ScenarioInput {
  title: string;
  dialect: Dialect;
  sequelize: string;
  database: string;
  setup: string;
  after: string;
  modes: Mode[];
}

/** Raised for a scenario that cannot run; the message names the field. */
export class ScenarioError extends Error {
  override name = 'ScenarioError';
}

/**
 * A bad value, briefly, for a message: echoing it whole would bury the
 * message under a megabyte of text, and JSON.stringify throws on a BigInt,
 * a cycle or a deeply nested value instead of describing it.
 */
function shortValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

const oneOf = (values: readonly string[]) => `must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;

// zod/mini: the same validation as zod's classic API at a fraction of the
// bytes, which every page load and the engine worker pay for.
const scenarioSchema = z.looseObject({
  format: z.literal(SCENARIO_FORMAT, {
    error: (issue) => `must be exactly "${SCENARIO_FORMAT}" (got ${shortValue(issue.input)})`,
  }),
  title: z.optional(z.string({ error: 'must be text' })),
  dialect: z.optional(z.enum(['sqlite', 'postgres'], { error: oneOf(['sqlite', 'postgres']) })),
  sequelize: z.optional(
    z
      .string({ error: 'must be text' })
      .check(z.regex(/^\d+(\.\d+\.\d+(-[0-9A-Za-z.-]+)?)?$/, 'must be a major version such as "6" or an exact one such as "6.37.8"')),
  ),
  database: z.optional(z.string({ error: 'must be text' }).check(z.minLength(1, 'must not be empty'))),
  setup: z.optional(z.string({ error: 'must be a string of code' })),
  models: z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string of code') }),
  after: z.optional(z.string({ error: 'must be a string of code' })),
  modes: z.optional(
    z
      .array(z.enum(MODES, { error: oneOf(MODES) }), { error: 'must be a list of modes' })
      .check(
        z.minLength(1, 'must name at least one mode'),
        z.refine((modes) => new Set(modes).size === modes.length, 'must not repeat a mode'),
      ),
  ),
});

const MAX_ISSUES_SHOWN = 5;

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.length > 0 ? issue.path.join('.') : 'scenario';
  return `${field}: ${issue.message}`;
}

/**
 * A scenario from a later version of the format says so, rather than
 * "invalid". Every format ever written stays readable: when a version 2
 * appears, its reader upgrades version 1 here, and test/permalink/stored-links.json
 * gains a link of the new format next to the old ones.
 */
function checkFormatVersion(format: unknown): void {
  const version = typeof format === 'string' ? /^sync-playground\/scenario@(\d+)$/.exec(format)?.[1] : undefined;
  if (version !== undefined && Number(version) > 1) {
    throw new ScenarioError(
      `format: ${shortValue(format)} was written by a newer Sync Playground; this one reads "${SCENARIO_FORMAT}"`,
    );
  }
}

/** Validates untrusted input; throws ScenarioError naming the first bad field. */
export function parseScenario(input: unknown): ScenarioInput {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ScenarioError('scenario: must be a JSON object');
  }
  checkFormatVersion((input as { format?: unknown }).format);
  const parsed = scenarioSchema.safeParse(input);
  if (!parsed.success) {
    // A few issues say what is wrong; a list of 100,000 bad modes would bury it.
    const { issues } = parsed.error;
    const more = issues.length > MAX_ISSUES_SHOWN ? `; and ${issues.length - MAX_ISSUES_SHOWN} more` : '';
    throw new ScenarioError(`Invalid scenario: ${issues.slice(0, MAX_ISSUES_SHOWN).map(describeIssue).join('; ')}${more}`);
  }
  const data = parsed.data as ScenarioInput;
  // zod drops an own "__proto__" key (it never sets a prototype with it):
  // keep it as the unknown field it is, like every other.
  if (Object.hasOwn(input, '__proto__')) {
    Object.defineProperty(data, '__proto__', { value: (input as Record<string, unknown>)['__proto__'], enumerable: true, writable: true, configurable: true });
  }
  return data;
}

/** Parses scenario JSON text; throws ScenarioError for bad JSON or fields. */
export function parseScenarioJson(text: string): ScenarioInput {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ScenarioError(`Not valid JSON: ${(error as Error).message}`);
  }
  return parseScenario(value);
}

/** Fills in every default of shared/SCENARIO.md. */
export function withDefaults(input: ScenarioInput): Scenario {
  return {
    ...input,
    title: input.title ?? '',
    dialect: input.dialect ?? 'sqlite',
    sequelize: input.sequelize ?? '6',
    database: input.database ?? 'playground',
    setup: input.setup ?? '',
    after: input.after ?? '',
    modes: input.modes ?? [...DEFAULT_MODES],
  };
}
