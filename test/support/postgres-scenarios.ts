/**
 * Postgres-only scenarios for the parity test: what the SQLite fixtures do
 * not reach on PostgreSQL (ENUM and ARRAY columns under alter, statements
 * after a caught error, a transaction user code leaves open, a new
 * connection after `sequelize.close()`, several statements in one query).
 */
import type { ScenarioInput } from '../../src/engine/scenario';

const base = { format: 'sync-playground/scenario@1', dialect: 'postgres', sequelize: '6' } as const;

export const POSTGRES_SCENARIOS: Readonly<Record<string, ScenarioInput>> = {
  'enum and array columns under alter': {
    ...base,
    setup:
      "const Pet = sequelize.define('Pet', { name: DataTypes.STRING, mood: DataTypes.ENUM('happy', 'sad'), tags: DataTypes.ARRAY(DataTypes.STRING), info: DataTypes.JSONB });\n" +
      "await sequelize.sync();\nawait Pet.create({ name: 'Rex', mood: 'sad', tags: ['a', 'b'], info: { age: 3 } });",
    models:
      "sequelize.define('Pet', { name: DataTypes.STRING, mood: DataTypes.ENUM('happy', 'sad', 'sleepy'), tags: DataTypes.ARRAY(DataTypes.TEXT), info: DataTypes.JSONB, born: DataTypes.DATEONLY });",
    after:
      "const Pet = sequelize.models.Pet;\nawait Pet.create({ name: 'Tom', mood: 'sleepy', tags: [], info: [1, 2], born: '2020-02-29' });\n" +
      "const pets = await Pet.findAll({ order: [['id', 'ASC']] });\nconsole.log(JSON.stringify(pets.map((p) => [p.name, p.mood, p.tags, p.info, p.born])));",
    modes: ['sync', 'force', 'alter', 'alter-safe', 'drop'],
  },
  'statements after a caught error, and a transaction left open': {
    ...base,
    setup: "const Item = sequelize.define('Item', { code: { type: DataTypes.STRING, unique: true } });\nawait sequelize.sync();\nawait Item.create({ code: 'a' });",
    models: "sequelize.define('Item', { code: { type: DataTypes.STRING, unique: true } });",
    after:
      "const Item = sequelize.models.Item;\ntry { await Item.create({ code: 'a' }); } catch (error) { console.log(error.name, error.parent.code, error.parent.detail); }\n" +
      "await Item.create({ code: 'b' });\nconst [rows] = await sequelize.query('SELECT count(*)::int AS n FROM \"Items\"; SELECT 2 AS two');\nconsole.log(JSON.stringify(rows));\n" +
      "const t = await sequelize.transaction();\nawait Item.create({ code: 'uncommitted' }, { transaction: t });\nconsole.log('left open');",
    modes: ['sync', 'alter'],
  },
  'a new connection after sequelize.close()': {
    ...base,
    setup: "const Note = sequelize.define('Note', { text: DataTypes.TEXT });\nawait sequelize.sync();\nawait Note.create({ text: 'one' });",
    models: "sequelize.define('Note', { text: DataTypes.TEXT, pinned: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false } });",
    after:
      "await sequelize.query(\"SET TIME ZONE 'Asia/Tokyo'\");\nawait sequelize.close();\nconst again = new Sequelize(sequelize.config.database, null, null, sequelize.options);\n" +
      "const [rows] = await again.query(\"SELECT current_setting('TimeZone') AS zone, count(*)::int AS notes FROM \\\"Notes\\\"\");\nconsole.log(JSON.stringify(rows));\nawait again.close();",
    modes: ['sync', 'alter'],
  },
};
