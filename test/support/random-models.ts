/**
 * fast-check generators of random Sequelize model definitions, "before" and
 * "after" a change, turned into scenario code: setup defines the before
 * models and seeds rows, models defines the after ones. Random names, types
 * and options reach corners no fixture names (a unique column over equal
 * seed rows, a NOT NULL column added without a default, a key moved).
 */
import fc from 'fast-check';
import { MODES, SCENARIO_FORMAT, type ScenarioInput } from '../../src/engine/scenario';

/** The DataTypes used, with how to write one and values a row may hold. */
const TYPES: Record<string, fc.Arbitrary<unknown>> = {
  'DataTypes.STRING': fc.string({ maxLength: 12 }),
  'DataTypes.STRING(8)': fc.string({ maxLength: 8 }),
  'DataTypes.TEXT': fc.string({ maxLength: 30 }),
  'DataTypes.INTEGER': fc.integer({ min: -1000, max: 1000 }),
  'DataTypes.BIGINT': fc.maxSafeInteger(),
  'DataTypes.FLOAT': fc.integer({ min: -4000, max: 4000 }).map((n) => n / 8),
  'DataTypes.DOUBLE': fc.double({ noNaN: true, noDefaultInfinity: true }),
  'DataTypes.DECIMAL(10, 2)': fc.integer({ min: -99999, max: 99999 }).map((n) => n / 100),
  'DataTypes.BOOLEAN': fc.boolean(),
  'DataTypes.DATE': fc.integer({ min: 0, max: 4e12 }).map((ms) => new Date(ms).toISOString()),
  'DataTypes.DATEONLY': fc.integer({ min: 0, max: 4e12 }).map((ms) => new Date(ms).toISOString().slice(0, 10)),
  'DataTypes.UUID': fc.uuid(),
  'DataTypes.JSON': fc.jsonValue({ maxDepth: 2 }),
  "DataTypes.ENUM('a', 'b')": fc.constantFrom('a', 'b'),
};
const TYPE_NAMES = Object.keys(TYPES);

export interface AttributeSpec {
  name: string;
  type: string;
  allowNull?: boolean;
  defaultValue?: unknown;
  unique?: boolean;
  primaryKey?: boolean;
}

export interface ModelSpec {
  name: string;
  table: string;
  timestamps: boolean;
  attributes: AttributeSpec[];
}

export interface RandomCase {
  before: ModelSpec[];
  after: ModelSpec[];
  /** Whether `after` writes (inserts into the after models, edits baseline tables with SQL). */
  afterWrites: boolean;
  scenario: ScenarioInput;
}

// Names that collide with Sequelize's own columns come up, but rarely: an `id`
// that is not the key fails every define, which hides everything else.
const attributeName = fc.oneof(
  { arbitrary: fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,7}$/), weight: 8 },
  { arbitrary: fc.constantFrom('name', 'email', 'count'), weight: 2 },
  { arbitrary: fc.constantFrom('id', 'createdAt'), weight: 1 },
  { arbitrary: fc.constantFrom('sp ace', 'we"ird', "it's", 'ünï'), weight: 1 },
);
/** Mostly false: a key or unique flag on most columns makes most seeds fail. */
const rarely = (weight: number) => fc.oneof({ arbitrary: fc.constant(false), weight }, { arbitrary: fc.constant(true), weight: 1 });
const tableName = fc.oneof(
  { arbitrary: fc.stringMatching(/^[A-Z][A-Za-z0-9_]{0,9}$/), weight: 6 },
  { arbitrary: fc.constantFrom('Users', 'users', 'Orders', 'Users_backup'), weight: 2 },
  // Names only quoting makes safe: the snapshot and the loss must not trip on them.
  { arbitrary: fc.constantFrom('my table', 'quo"te', "apo'strophe", 'dot.ted', 'Ünï', '[br]'), weight: 1 },
);

/** SQLite compares names case-insensitively: keep the first of each. */
function uniqueBy<T>(items: T[], name: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(name(item).toLowerCase()) && !!seen.add(name(item).toLowerCase()));
}

const attribute: fc.Arbitrary<AttributeSpec> = fc.constantFrom(...TYPE_NAMES).chain((type) =>
  fc.record(
    { name: attributeName, type: fc.constant(type), allowNull: fc.boolean(), defaultValue: TYPES[type] as fc.Arbitrary<unknown>, unique: rarely(4), primaryKey: rarely(8) },
    { requiredKeys: ['name', 'type'] },
  ),
);

const model: fc.Arbitrary<ModelSpec> = fc.record({
  name: fc.stringMatching(/^[A-Z][a-zA-Z]{0,7}$/),
  table: tableName,
  timestamps: fc.boolean(),
  attributes: fc.array(attribute, { minLength: 1, maxLength: 4 }).map((list) => uniqueBy(list, (a) => a.name)),
});

/** One before attribute as it is after: kept, dropped, retyped or with an option flipped. */
const changedAttribute = (a: AttributeSpec): fc.Arbitrary<AttributeSpec | null> =>
  fc.oneof(
    { arbitrary: fc.constant(a), weight: 4 },
    { arbitrary: fc.constant(null), weight: 1 },
    { arbitrary: fc.constantFrom(...TYPE_NAMES).map((type) => ({ name: a.name, type, allowNull: a.allowNull })), weight: 1 },
    { arbitrary: fc.constant({ ...a, allowNull: !(a.allowNull ?? true) }), weight: 1 },
    { arbitrary: fc.constant({ ...a, unique: !a.unique }), weight: 1 },
    { arbitrary: fc.constant({ ...a, primaryKey: !a.primaryKey }), weight: 1 },
  );

/** A before model as it is after: gone, or changed a little (attributes, table name, timestamps). */
const changedModel = (m: ModelSpec): fc.Arbitrary<ModelSpec | null> =>
  fc.oneof(
    { arbitrary: fc.constant(null), weight: 1 },
    {
      arbitrary: fc.record({
        changed: fc.tuple(...m.attributes.map(changedAttribute)),
        added: fc.array(attribute, { maxLength: 2 }),
        table: fc.oneof({ arbitrary: fc.constant(m.table), weight: 5 }, { arbitrary: tableName, weight: 1 }),
        timestamps: fc.oneof({ arbitrary: fc.constant(m.timestamps), weight: 5 }, { arbitrary: fc.boolean(), weight: 1 }),
      }).map(({ changed, added, table, timestamps }) => {
        const kept = changed.filter((a): a is AttributeSpec => a !== null);
        const attributes = uniqueBy([...kept, ...added], (a) => a.name);
        return { name: m.name, table, timestamps, attributes: attributes.length > 0 ? attributes : added.slice(0, 1) };
      }),
      weight: 5,
    },
  );

/**
 * A row for a model: each attribute set to a value of its type, or left out,
 * or NULL where the column allows it (most seeds should succeed: a failed
 * setup leaves little for the modes to change).
 */
const rowFor = (m: ModelSpec): fc.Arbitrary<Record<string, unknown>> =>
  fc.record(
    Object.fromEntries(
      m.attributes.map((a) => {
        const value = TYPES[a.type] as fc.Arbitrary<unknown>;
        return [a.name, a.allowNull === false ? value : fc.option(value, { freq: 6 })];
      }),
    ),
    { requiredKeys: m.attributes.filter((a) => a.allowNull === false && a.defaultValue === undefined).map((a) => a.name) },
  );

function attributeCode(a: AttributeSpec): string {
  const options = [`type: ${a.type}`];
  if (a.allowNull !== undefined) options.push(`allowNull: ${a.allowNull}`);
  if (a.defaultValue !== undefined) options.push(`defaultValue: ${JSON.stringify(a.defaultValue)}`);
  if (a.unique) options.push('unique: true');
  if (a.primaryKey) options.push('primaryKey: true');
  return `${JSON.stringify(a.name)}: { ${options.join(', ')} }`;
}

export function defineCode(m: ModelSpec): string {
  const attributes = m.attributes.map(attributeCode).join(',\n  ');
  return `sequelize.define(${JSON.stringify(m.name)}, {\n  ${attributes}\n}, { tableName: ${JSON.stringify(m.table)}, timestamps: ${m.timestamps} });`;
}

const models = fc.array(model, { minLength: 1, maxLength: 3 }).map((list) => uniqueBy(uniqueBy(list, (m) => m.name), (m) => m.table));

/** A table no model owns, without a primary key: its rows can only pair by content. */
const KEYLESS = { table: 'keyless_log', columns: ['msg', 'n'] };
const keylessRows = fc.option(fc.array(fc.tuple(fc.constantFrom('a', 'b', null), fc.integer({ min: 0, max: 3 })), { maxLength: 5 }), { freq: 2 });

/** SQL run in `after` on a baseline table: a loss no model caused, which the report must still see. */
const rawEdit = fc.record({ table: fc.nat(), column: fc.nat(), kind: fc.constantFrom('delete', 'nullify', 'append') });

function rawEditCode(edit: { table: number; column: number; kind: string }, tables: Array<{ table: string; columns: string[] }>): string {
  const target = tables[edit.table % tables.length] as { table: string; columns: string[] };
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const table = quote(target.table);
  const column = quote(target.columns[edit.column % target.columns.length] ?? 'x');
  const sql =
    edit.kind === 'delete' ? `DELETE FROM ${table} WHERE rowid % 2 = 0` : edit.kind === 'nullify' ? `UPDATE ${table} SET ${column} = NULL WHERE rowid % 2 = 1` : `UPDATE ${table} SET ${column} = ${column} || 'x'`;
  return `await sequelize.query(${JSON.stringify(sql)});`;
}

export const randomCase: fc.Arbitrary<RandomCase> = models.chain((before) =>
  fc
    .record({
      changed: fc.tuple(...before.map(changedModel)),
      added: fc.array(model, { maxLength: 1 }),
      seeds: fc.tuple(...before.map((m) => fc.array(rowFor(m), { maxLength: 3 }))),
      keyless: keylessRows,
      insertAfter: fc.boolean(),
      edits: fc.array(rawEdit, { maxLength: 2 }),
    })
    .chain(({ changed, added, seeds, keyless, insertAfter, edits }) => {
      const after = uniqueBy(uniqueBy([...changed.filter((m): m is ModelSpec => m !== null), ...added], (m) => m.name), (m) => m.table);
      const editable = [...before.map((m) => ({ table: m.table, columns: m.attributes.map((a) => a.name) })), ...(keyless ? [KEYLESS] : [])];
      return fc.tuple(...after.map(rowFor)).map((afterRows) => {
        const setup = [
          ...before.map(defineCode),
          'await sequelize.sync();',
          ...before.map((m, i) => `await sequelize.models[${JSON.stringify(m.name)}].bulkCreate(${JSON.stringify(seeds[i])});`),
          ...(keyless ? [`await sequelize.query('CREATE TABLE ${KEYLESS.table} (msg TEXT, n INTEGER)');`] : []),
          ...(keyless ?? []).map(([msg, n]) => `await sequelize.query(${JSON.stringify(`INSERT INTO ${KEYLESS.table} VALUES (${msg === null ? 'NULL' : `'${msg}'`}, ${n})`)});`),
        ].join('\n');
        const afterCode = [
          ...edits.map((edit) => rawEditCode(edit, editable)),
          ...(insertAfter ? after.map((m, i) => `await sequelize.models[${JSON.stringify(m.name)}].create(${JSON.stringify(afterRows[i])});`) : []),
        ].join('\n');
        const scenario: ScenarioInput = { format: SCENARIO_FORMAT, setup, models: after.map(defineCode).join('\n'), after: afterCode, modes: [...MODES] };
        return { before, after, afterWrites: afterCode !== '', scenario };
      });
    }),
);
