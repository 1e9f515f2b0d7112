/**
 * Property tests (fast-check) of the permalink codec and the scenario
 * validator, the two gates every link and file passes: any valid scenario
 * survives encode → decode unchanged, and any input at all ends in a
 * scenario or in the documented error — never another exception, never a hang.
 */
import fc from 'fast-check';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MODES, parseScenario, SCENARIO_FORMAT, ScenarioError, type ScenarioInput } from '../../src/engine/scenario';
import { decodePermalink, encodePermalink, PermalinkError } from '../../src/permalink/permalink-codec';

/** Text as people type it, any script included (no lone surrogates: UTF-8 cannot carry them). */
const text = fc.string({ unit: 'binary', maxLength: 300 });
const code = fc.oneof(text, fc.constantFrom("sequelize.define('User', { name: DataTypes.STRING });", '', '// only a comment'));
const KNOWN_FIELDS = ['format', 'title', 'dialect', 'sequelize', 'database', 'setup', 'models', 'after', 'modes'];

const scenarioArbitrary: fc.Arbitrary<ScenarioInput> = fc
  .record(
    {
      title: text,
      dialect: fc.constantFrom('sqlite' as const, 'postgres' as const),
      sequelize: fc.constantFrom('6', '6.37.8', '7', '7.0.0-alpha.48'),
      database: text.filter((name) => name.length > 0),
      setup: code,
      models: code,
      after: code,
      modes: fc.uniqueArray(fc.constantFrom(...MODES), { minLength: 1 }),
      // Fields of later versions travel untouched.
      extra: fc.dictionary(
        fc.string({ minLength: 1, maxLength: 12 }).filter((key) => !KNOWN_FIELDS.includes(key)),
        fc.jsonValue({ maxDepth: 3 }),
        { maxKeys: 3 },
      ),
    },
    { requiredKeys: ['models'] },
  )
  .map(({ extra, ...fields }) => ({ ...extra, ...fields, format: SCENARIO_FORMAT }) as ScenarioInput);

/** Runs `decode`, and passes only for a result or the documented error type. */
function endsInResultOrError(decode: () => unknown, errorType: new (...args: never[]) => Error): boolean {
  try {
    decode();
    return true;
  } catch (error) {
    if (error instanceof errorType) return error.message.length > 0;
    throw error;
  }
}

describe('permalink and validator properties', () => {
  it('encode → decode gives back every valid scenario unchanged', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const json = JSON.parse(JSON.stringify(scenario)) as ScenarioInput;
        // toEqual, not toStrictEqual: the strict one compares objects'
        // `.constructor`, which a field named "constructor" (fast-check
        // makes one) replaces by two different objects. Both come from JSON:
        // there is no undefined property for the strict one to catch.
        expect(decodePermalink(encodePermalink(scenario))).toEqual(json);
      }),
      { numRuns: 500 },
    );
  });

  it('a link written by another tool (zlib raw DEFLATE) decodes to the same scenario', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const json = JSON.stringify(scenario);
        const link = `#s=${deflateRawSync(Buffer.from(json, 'utf8')).toString('base64url')}`;
        expect(decodePermalink(link)).toEqual(JSON.parse(json));
      }),
      { numRuns: 200 },
    );
  });

  it('any hash text ends in a scenario or a PermalinkError', () => {
    const hash = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 2000 }).map((rest) => `#s=${rest}`),
      fc.base64String({ maxLength: 2000 }).map((rest) => `#s=${rest.replace(/=+$/, '')}`),
      fc.string({ maxLength: 50 }),
    );
    fc.assert(fc.property(hash, (value) => endsInResultOrError(() => decodePermalink(value), PermalinkError)), { numRuns: 3000 });
  });

  it('any compressed JSON value ends in a scenario or a PermalinkError', () => {
    const json = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value) ?? 'null'),
      scenarioArbitrary.chain((scenario) =>
        // A valid scenario with one field replaced by anything.
        fc.tuple(fc.constantFrom(...KNOWN_FIELDS), fc.jsonValue({ maxDepth: 2 })).map(([field, value]) => JSON.stringify({ ...scenario, [field]: value })),
      ),
    );
    fc.assert(
      fc.property(json, (value) => endsInResultOrError(() => decodePermalink(`#s=${deflateRawSync(Buffer.from(value)).toString('base64url')}`), PermalinkError)),
      { numRuns: 3000 },
    );
  });

  it('the validator takes any value and returns a scenario or throws ScenarioError', () => {
    fc.assert(fc.property(fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: true, withMap: true }), (value) => endsInResultOrError(() => parseScenario(value), ScenarioError)), {
      numRuns: 3000,
    });
  });

  it('a field named __proto__ is kept as data and does not change the scenario’s prototype', () => {
    const link = `#s=${deflateRawSync(Buffer.from(`{"format":"${SCENARIO_FORMAT}","models":"","__proto__":{"polluted":true}}`)).toString('base64url')}`;
    const decoded = decodePermalink(link);
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect((decoded as { polluted?: unknown }).polluted).toBeUndefined();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
