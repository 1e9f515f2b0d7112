/**
 * Values round-trip through Sequelize 6 on the PGlite adapter exactly as on
 * pg with a real server: what `create` returns, what `findAll` reads back,
 * what a raw query returns, and the errors Sequelize raises.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { DataTypes, Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPglitePgModule } from '../../src/engine/drivers/pglite-pg-driver';
import { startPostgresServer, type PostgresServer } from '../support/postgres-server';

const ATTRIBUTES = {
  flag: DataTypes.BOOLEAN,
  happenedAt: DataTypes.DATE,
  day: DataTypes.DATEONLY,
  price: DataTypes.DECIMAL(10, 2),
  ratio: DataTypes.FLOAT,
  share: DataTypes.DOUBLE,
  big: DataTypes.BIGINT,
  meta: DataTypes.JSON,
  metab: DataTypes.JSONB,
  data: DataTypes.BLOB,
  uid: DataTypes.UUID,
  mood: DataTypes.ENUM('happy', 'sad'),
  moods: DataTypes.ARRAY(DataTypes.ENUM('happy', 'sad')),
  tags: DataTypes.ARRAY(DataTypes.STRING),
  scores: DataTypes.ARRAY(DataTypes.INTEGER),
  note: DataTypes.TEXT,
  email: { type: DataTypes.STRING, unique: true },
};

const SAMPLES = [
  {
    flag: true,
    happenedAt: new Date('2024-05-01T10:30:00.123Z'),
    day: '2024-05-01',
    price: 19.99,
    ratio: 0.25,
    share: 1 / 3,
    big: '9007199254740993',
    meta: { tags: ['a', 'b'], count: 2, nested: { ok: true } },
    metab: [1, 'two', null],
    data: Buffer.from('hi\u0000there'),
    uid: '6f1c2a9e-3b1d-4c5e-9f00-1234567890ab',
    mood: 'sad',
    moods: ['happy', 'sad'],
    tags: ['x', 'with, comma', 'with "quote"'],
    scores: [3, 1, 2],
    note: "it's \\ text",
    email: 'a@example.com',
  },
  { flag: false, email: 'b@example.com', meta: 'just a string', metab: { deep: [{ a: 1 }] }, big: 42, price: '0.10' },
  { email: 'c@example.com' },
];

/** createdAt/updatedAt differ between any two runs: keep only that they are Dates. */
function withoutClock(row: Record<string, unknown>) {
  return { ...row, createdAt: row.createdAt instanceof Date, updatedAt: row.updatedAt instanceof Date };
}

async function exercise(sequelize: Sequelize) {
  const Sample = sequelize.define('Sample', ATTRIBUTES);
  await sequelize.sync({ force: true });
  const created = [];
  for (const values of SAMPLES) created.push(withoutClock((await Sample.create(values)).get({ plain: true })));
  const found = (await Sample.findAll({ order: [['id', 'ASC']] })).map((row) => withoutClock(row.get({ plain: true })));
  const [raw] = await sequelize.query('SELECT id, flag, price, big, meta, metab, data, tags, scores, mood, moods, "happenedAt" FROM "Samples" ORDER BY id');
  let duplicate: unknown = null;
  try {
    await Sample.create({ email: 'a@example.com' });
  } catch (error) {
    const e = error as Error & { errors?: Array<{ message: string; path: string }>; parent?: { code?: string; detail?: string } };
    duplicate = { name: e.name, message: e.message, errors: e.errors?.map((i) => [i.message, i.path]), code: e.parent?.code, detail: e.parent?.detail };
  }
  const described = await sequelize.getQueryInterface().describeTable('Samples');
  await sequelize.close();
  return { created, found, raw, duplicate, described };
}

describe('values through Sequelize on the PGlite adapter', () => {
  let server: PostgresServer;
  let db: PGlite;
  beforeAll(async () => {
    [server, db] = await Promise.all([startPostgresServer(), PGlite.create()]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([server?.stop(), db?.close()]);
  });

  it('equal pg with a server, value for value', async () => {
    const common = { dialect: 'postgres' as const, logging: false, pool: { max: 1 } };
    const ours = await exercise(new Sequelize({ ...common, database: 'postgres', dialectModule: createPglitePgModule(db) }));
    const native = await exercise(
      new Sequelize({ ...common, host: server.host, port: server.port, username: server.user, database: 'postgres', dialectModule: pg }),
    );
    expect(ours).toEqual(native);
    // The comparison is only worth something if the values are typed.
    const first = ours.found[0] as Record<string, unknown>;
    expect(first.happenedAt).toBeInstanceOf(Date);
    expect(Buffer.isBuffer(first.data)).toBe(true);
    expect(first.meta).toEqual(SAMPLES[0]?.meta);
    expect(first.flag).toBe(true);
    expect(ours.duplicate).toMatchObject({ name: 'SequelizeUniqueConstraintError', code: '23505' });
  });
});
