import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioJson, ScenarioError, withDefaults } from '../../src/engine/scenario';

const valid = { format: 'sync-playground/scenario@1', models: "sequelize.define('A', {});" };

describe('scenario validation', () => {
  it('accepts a minimal scenario and fills every default', () => {
    expect(withDefaults(parseScenario(valid))).toMatchObject({
      dialect: 'sqlite',
      sequelize: '6',
      database: 'playground',
      setup: '',
      after: '',
      modes: ['sync', 'force', 'alter', 'drop'],
    });
  });

  it('keeps unknown fields for later versions', () => {
    expect(parseScenario({ ...valid, notice: 'look here', future: { x: 1 } })).toMatchObject({ notice: 'look here', future: { x: 1 } });
  });

  it.each([
    [{ ...valid, format: 'sync-playground/scenario' }, /^Invalid scenario: format: must be exactly "sync-playground\/scenario@1"/],
    [{ ...valid, format: 'sync-playground/scenario@2' }, /^format: "sync-playground\/scenario@2" was written by a newer Sync Playground; this one reads "sync-playground\/scenario@1"$/],
    [{ models: 'x' }, /format: must be exactly/],
    [{ format: valid.format }, /models: is required/],
    [{ ...valid, models: 42 }, /models: must be a string of code/],
    [{ ...valid, dialect: 'mysql' }, /dialect: must be one of "sqlite", "postgres"/],
    [{ ...valid, modes: ['sync', 'explode'] }, /modes\.1: must be one of "sync", "force", "alter", "alter-safe", "drop"/],
    [{ ...valid, modes: 'sync' }, /modes: must be a list of modes/],
    [{ ...valid, setup: 7 }, /setup: must be a string of code/],
    [{ ...valid, modes: [] }, /modes: must name at least one mode/],
    [{ ...valid, modes: ['sync', 'sync'] }, /modes: must not repeat a mode/],
    [{ ...valid, sequelize: 'latest' }, /sequelize: must be a major version/],
    [{ ...valid, database: '' }, /database: must not be empty/],
    [[valid], /scenario: must be a JSON object/],
    [null, /scenario: must be a JSON object/],
  ])('rejects %j with a message naming the field', (input, message) => {
    expect(() => parseScenario(input)).toThrow(ScenarioError);
    expect(() => parseScenario(input)).toThrow(message);
  });

  // fast-check found it (seed 1545134966): zod dropped the field, and encode → decode lost it.
  it('keeps an unknown field named "__proto__" as a field, never as a prototype', () => {
    const parsed = parseScenarioJson(`{"__proto__":{"setup":1},"models":"m","format":"sync-playground/scenario@1"}`);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.keys(parsed).sort()).toEqual(['__proto__', 'format', 'models']);
    expect(parsed.setup).toBeUndefined();
    expect(JSON.parse(JSON.stringify(parsed))).toEqual(JSON.parse(`{"__proto__":{"setup":1},"models":"m","format":"sync-playground/scenario@1"}`));
  });

  it('rejects text that is not JSON', () => {
    expect(() => parseScenarioJson('{ nope')).toThrow(/^Not valid JSON: /);
  });
});
