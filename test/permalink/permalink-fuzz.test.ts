/**
 * Fuzz tests of the two gates outside input passes (the permalink decoder
 * and the scenario validator), for what permalink-properties.test.ts does
 * not already try: damaged real links, compressed bytes that are not text,
 * deeply nested JSON, hostile values in known fields, and huge inputs. Each
 * call must end, quickly, in a scenario or the documented error type with a
 * short, non-empty message: anything else would reach the page as an
 * unexplained crash or a frozen tab.
 */
import fc from 'fast-check';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MODES, parseScenario, parseScenarioJson, SCENARIO_FORMAT, ScenarioError } from '../../src/engine/scenario';
import { decodePermalink, encodePermalink, MAX_PERMALINK_SCENARIO_BYTES, PermalinkError } from '../../src/permalink/permalink-codec';

/** Generous: every call takes milliseconds; a hang or a bomb takes seconds. */
const CALL_LIMIT_MS = 2000;
/** A message is for a person: a megabyte of echoed input is not one. */
const MESSAGE_LIMIT = 2000;

type ErrorType = new (...args: never[]) => Error;

/** Runs `call`; passes for a result or `errorType` with a short message, in time. */
function settles(call: () => unknown, errorType: ErrorType): 'ok' | string {
  const started = performance.now();
  let outcome: 'ok' | string = 'ok';
  try {
    call();
  } catch (error) {
    if (!(error instanceof errorType)) throw error;
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.message.length).toBeLessThan(MESSAGE_LIMIT);
    outcome = error.message;
  }
  expect(performance.now() - started).toBeLessThan(CALL_LIMIT_MS);
  return outcome;
}

const link = (bytes: Uint8Array | string) => `#s=${deflateRawSync(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes).toString('base64url')}`;

const validScenario = fc.record({
  format: fc.constant(SCENARIO_FORMAT),
  models: fc.string({ maxLength: 200 }),
  setup: fc.string({ maxLength: 200 }),
  modes: fc.uniqueArray(fc.constantFrom(...MODES), { minLength: 1 }),
});

/** One edit that damages a link: cut, a character changed, inserted or removed, junk appended. */
const damage = fc.tuple(fc.nat(), fc.constantFrom('cut', 'replace', 'insert', 'remove', 'append'), fc.string({ minLength: 1, maxLength: 8 }));

function damaged(hash: string, [at, kind, text]: [number, string, string]): string {
  const i = 3 + (at % Math.max(1, hash.length - 3));
  if (kind === 'cut') return hash.slice(0, i);
  if (kind === 'replace') return hash.slice(0, i) + text.charAt(0) + hash.slice(i + 1);
  if (kind === 'insert') return hash.slice(0, i) + text + hash.slice(i);
  if (kind === 'remove') return hash.slice(0, i) + hash.slice(i + text.length);
  return hash + text;
}

/** `depth` nested lists or objects around a leaf, as JSON text (built without recursion). */
function nestedJson(depth: number, objects: boolean): string {
  return objects ? '{"a":'.repeat(depth) + '1' + '}'.repeat(depth) : '['.repeat(depth) + '1' + ']'.repeat(depth);
}

describe('permalink decoder fuzz', () => {
  it('damaged real links end in a scenario or a PermalinkError', () => {
    fc.assert(
      fc.property(validScenario, damage, (scenario, edit) => {
        settles(() => decodePermalink(damaged(encodePermalink(scenario), edit)), PermalinkError);
      }),
      { numRuns: 3000 },
    );
  });

  it('validly compressed bytes that are not UTF-8 or not JSON end in a PermalinkError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), (bytes) => {
        settles(() => decodePermalink(link(bytes)), PermalinkError);
      }),
      { numRuns: 2000 },
    );
  });

  it('deeply nested JSON in any field ends in a scenario or a PermalinkError', () => {
    const field = fc.constantFrom('format', 'models', 'modes', 'title', 'sequelize', 'future');
    fc.assert(
      fc.property(field, fc.integer({ min: 1, max: 200_000 }), fc.boolean(), (name, depth, objects) => {
        const rest = name === 'models' ? '' : ',"models":""';
        const json = `{"format":"${SCENARIO_FORMAT}"${rest},"${name}":${nestedJson(depth, objects)}}`;
        const outcome = settles(() => decodePermalink(link(json)), PermalinkError);
        // A later version's field may hold anything: it is kept, not refused.
        if (name === 'future') expect(outcome).toBe('ok');
      }),
      { numRuns: 60 },
    );
  });

  it('a link of several megabytes is refused at once, without decoding it', () => {
    const hash = `#s=${'A'.repeat(8 * 1024 * 1024)}`;
    expect(settles(() => decodePermalink(hash), PermalinkError)).toMatch(/too large/);
  });

  it('several megabytes of base64url that are not DEFLATE end in a PermalinkError', () => {
    const bytes = Buffer.alloc(3 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = (i * 2654435761) >>> 24;
    expect(settles(() => decodePermalink(`#s=${bytes.toString('base64url')}`), PermalinkError)).toMatch(/damaged/);
  });

  it('a decompression bomb stops at the size limit instead of unpacking gigabytes', () => {
    // 64 MB of spaces around a valid scenario compress to about 64 kB.
    const bomb = deflateRawSync(Buffer.concat([Buffer.alloc(64 * 1024 * 1024, 32), Buffer.from(`{"format":"${SCENARIO_FORMAT}","models":""}`)]));
    expect(bomb.length).toBeLessThan(MAX_PERMALINK_SCENARIO_BYTES);
    expect(settles(() => decodePermalink(`#s=${bomb.toString('base64url')}`), PermalinkError)).toMatch(/too large.*5 MB/);
  });

  it('a scenario with over 1 MB of code travels in a link, and one over the limit is refused clearly', () => {
    // Code as people write it, so that the link is large too (about 0.7 MB of base64url).
    const lines = Array.from({ length: 40_000 }, (_v, i) => `await Model${i % 97}.create({ n: ${i * 7919}, s: '${(i * 104729).toString(36)}' });`);
    const scenario = { format: SCENARIO_FORMAT, models: lines.join('\n') } as const;
    expect(scenario.models.length).toBeGreaterThan(1024 * 1024);
    const hash = encodePermalink(scenario);
    expect(settles(() => expect(decodePermalink(hash)).toStrictEqual(scenario), PermalinkError)).toBe('ok');
    const over = { format: SCENARIO_FORMAT, models: 'x'.repeat(MAX_PERMALINK_SCENARIO_BYTES) } as const;
    expect(settles(() => decodePermalink(encodePermalink(over)), PermalinkError)).toMatch(/too large/);
  });
});

/** Values JSON can hold and a few it cannot, for a known field. */
const hostileValue = fc.oneof(
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 20 },
  { arbitrary: fc.bigInt(), weight: 2 },
  { arbitrary: fc.constantFrom(undefined, Number.NaN, Symbol('s'), () => 1, new Date(0), new Map(), Object.create(null) as object), weight: 4 },
  { arbitrary: fc.integer({ min: 1, max: 5000 }).map((depth) => JSON.parse(nestedJson(depth, depth % 2 === 0)) as unknown), weight: 2 },
  // Huge values are rare: a few dozen of them show the point and keep the file fast.
  { arbitrary: fc.integer({ min: 100_000, max: 1_500_000 }).map((length) => 'x'.repeat(length)), weight: 1 },
  { arbitrary: fc.integer({ min: 1, max: 20_000 }).map((length) => Array.from({ length }, (_v, i) => `mode${i}`)), weight: 1 },
);
const KNOWN_FIELDS = ['format', 'title', 'dialect', 'sequelize', 'database', 'setup', 'models', 'after', 'modes'];

describe('scenario validator fuzz', () => {
  it('any value in any known field ends in a scenario or a ScenarioError', () => {
    const input = fc
      .record({ fields: fc.uniqueArray(fc.constantFrom(...KNOWN_FIELDS), { minLength: 1, maxLength: 3 }), values: fc.array(hostileValue, { minLength: 3, maxLength: 3 }) })
      .map(({ fields, values }) => ({ format: SCENARIO_FORMAT, models: '', ...Object.fromEntries(fields.map((field, i) => [field, values[i]])) }));
    fc.assert(fc.property(input, (value) => void settles(() => parseScenario(value), ScenarioError)), { numRuns: 2000 });
  });

  it('a cyclic value is described, not serialised', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(settles(() => parseScenario({ format: cyclic, models: '' }), ScenarioError)).toMatch(/format: must be exactly .* \(got an object\)/);
  });

  it('any text, damaged scenario JSON included, ends in a scenario or a ScenarioError', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.tuple(validScenario, damage).map(([scenario, edit]) => damaged(`#s=${JSON.stringify(scenario)}`, edit).slice(3)),
    );
    fc.assert(fc.property(text, (value) => void settles(() => parseScenarioJson(value), ScenarioError)), { numRuns: 3000 });
  });

  it('a scenario JSON file with over 1 MB of code is accepted', () => {
    const json = JSON.stringify({ format: SCENARIO_FORMAT, setup: '// x\n'.repeat(300_000), models: '' });
    expect(json.length).toBeGreaterThan(1024 * 1024);
    expect(settles(() => parseScenarioJson(json), ScenarioError)).toBe('ok');
  });
});
