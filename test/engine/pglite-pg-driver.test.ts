/**
 * The PGlite adapter against node-postgres on a real PostgreSQL server: the
 * same calls give the same results (command, rowCount, rows as parsed
 * values, fields) and the same errors (class name, message, code and the
 * fields Sequelize reads).
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPglitePgModule } from '../../src/engine/drivers/pglite-pg-driver';
import { startPostgresServer, type PostgresServer } from '../support/postgres-server';

/** PostgreSQL's FirstNormalObjectId: OIDs below it are built in. */
const FIRST_USER_OID = 16384;

type Call = [sql: string, ...params: unknown[][]];

interface AnyClient {
  connection: { on(event: string, listener: (message: { parameterName: string; parameterValue: string }) => void): unknown };
  connect(callback: (error: Error | null) => void): void;
  query(sql: string, ...args: unknown[]): unknown;
  end(callback?: (error: Error | null) => void): unknown;
}

const SCRIPT: Call[] = [
  ["SET TIME ZONE 'UTC'"],
  ['CREATE TABLE t (id SERIAL PRIMARY KEY, name VARCHAR(255) UNIQUE NOT NULL, n DOUBLE PRECISION, b BYTEA, flag BOOLEAN, meta JSON, metab JSONB, at TIMESTAMPTZ, day DATE, big BIGINT, price DECIMAL(10,2), tags VARCHAR(20)[], nums INTEGER[], uid UUID)'],
  ['CREATE TABLE c (id SERIAL PRIMARY KEY, "tId" INTEGER REFERENCES t(id) ON DELETE CASCADE)'],
  ["CREATE TYPE mood AS ENUM ('happy', 'sad')"],
  ['ALTER TABLE t ADD COLUMN m mood'],
  ['INSERT INTO t (name, n) VALUES ($1, $2) RETURNING *', ['one', 1.5]],
  ['INSERT INTO t (name, n, flag) VALUES ($1, $2, $3) RETURNING id', ['two', 2, false]],
  ['INSERT INTO t (name, b, meta, metab) VALUES ($1, $2, $3, $4) RETURNING *', ['three', Buffer.from([1, 2, 255]), { a: [1, 2] }, '{"b":true}']],
  ['INSERT INTO t (name, at, day, big, price) VALUES ($1, $2, $3, $4, $5) RETURNING *', ['four', new Date('2024-05-01T10:30:00Z'), '2024-05-01', '9007199254740993', '19.99']],
  ['INSERT INTO t (name, tags, nums, uid, m) VALUES ($1, $2, $3, $4, $5) RETURNING *', ['five', ['a', 'b,c', null], [1, 2], '6f1c2a9e-3b1d-4c5e-9f00-1234567890ab', 'sad']],
  ['INSERT INTO t (name, flag) VALUES ($1, $2)', ['six', undefined]],
  ['INSERT INTO c ("tId") VALUES (1), (2)'],
  ['SELECT * FROM t ORDER BY id'],
  ['SELECT name, n FROM t WHERE id > $1 ORDER BY id', [1]],
  ['SELECT 1 AS a, 2 AS a'],
  ['SELECT 1 AS a; SELECT 2 AS b; UPDATE t SET n = n + 1'],
  ["SELECT '{1,2}'::int[] AS ints, '{\"x\",\"y\"}'::text[] AS texts, interval '1 day' AS iv, now() - now() AS zero"],
  ['UPDATE t SET n = n * 2 WHERE n IS NOT NULL'],
  ['DELETE FROM t WHERE id = 999'],
  [''],
  ['INSERT INTO t (name) VALUES ($1)', ['one']],
  ['INSERT INTO t (name) VALUES (NULL)'],
  ['INSERT INTO c ("tId") VALUES (42)'],
  ['SELECT * FROM nowhere'],
  ['SELEC 1'],
  ['INSERT INTO t (nope) VALUES (1)'],
  ["INSERT INTO t (name, m) VALUES ('seven', 'angry')"],
  ['SELECT $1::int AS x', ['abc']],
  ['SELECT 1; SELECT 2', [1]],
  ['DELETE FROM t WHERE id = 1'],
  ['SELECT count(*) AS n FROM c'],
  ['BEGIN'],
  ['BEGIN'],
  ['SELECT * FROM nowhere'],
  ['SELECT 1'],
  ['ROLLBACK'],
  ['SET client_min_messages TO warning; SET TIME ZONE \'UTC\';'],
];

function connect(module: { Client: new (config: object) => unknown }, config: object) {
  const client = new module.Client(config) as AnyClient;
  const parameters: Record<string, string> = {};
  client.connection.on('parameterStatus', (message) => (parameters[message.parameterName] = message.parameterValue));
  return new Promise<{ client: AnyClient; parameters: Record<string, string> }>((resolve, reject) =>
    client.connect((error) => (error ? reject(error) : resolve({ client, parameters }))),
  );
}

function describeResult(result: unknown): unknown {
  if (Array.isArray(result)) return result.map(describeResult);
  const { command, rowCount, rows, fields } = result as { command: unknown; rowCount: unknown; rows: unknown; fields: Array<{ name: string; dataTypeID: number }> };
  // Types created here (the enum) get whatever OID the cluster hands out next.
  return { command, rowCount, rows, fields: fields.map((f) => [f.name, f.dataTypeID >= FIRST_USER_OID ? 'user type' : f.dataTypeID]) };
}

function call(client: AnyClient, [sql, params]: Call): Promise<unknown> {
  return new Promise((resolve) => {
    const done = (error: (Error & Record<string, unknown>) | null, result: unknown) =>
      resolve(
        error
          ? {
              error: {
                class: error.constructor.name,
                name: error.name,
                message: error.message,
                ...Object.fromEntries(['severity', 'code', 'detail', 'schema', 'table', 'column', 'dataType', 'constraint', 'hint'].map((k) => [k, error[k]])),
              },
            }
          : describeResult(result),
      );
    if (params) client.query(sql, params, done);
    else client.query(sql, done);
  });
}

describe('PGlite pg adapter', () => {
  let server: PostgresServer;
  let db: PGlite;
  beforeAll(async () => {
    [server, db] = await Promise.all([startPostgresServer(), PGlite.create()]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([server?.stop(), db?.close()]);
  });

  it('answers every call as pg on a server does', async () => {
    const ours = await connect(createPglitePgModule(db), {});
    const native = await connect(pg, { host: server.host, port: server.port, user: server.user, database: 'postgres' });
    expect(Object.keys(ours.parameters)).toEqual(expect.arrayContaining(['server_version', 'standard_conforming_strings']));
    expect(ours.parameters.standard_conforming_strings).toBe(native.parameters.standard_conforming_strings);
    try {
      for (const step of SCRIPT) {
        const [got, want] = [await call(ours.client, step), await call(native.client, step)];
        expect({ step: step[0], got }).toEqual({ step: step[0], got: want });
      }
    } finally {
      await Promise.all([new Promise((r) => ours.client.end(r)), new Promise((r) => native.client.end(r))]);
    }
  });

  it('answers the promise form and calls back asynchronously', async () => {
    const { client } = await connect(createPglitePgModule(db), {});
    let calledBack = false;
    const done = new Promise((resolve) =>
      client.query('SELECT 1 AS one', (_error: unknown, result: unknown) => {
        calledBack = true;
        resolve(result);
      }),
    );
    expect(calledBack).toBe(false);
    expect(describeResult(await done)).toMatchObject({ command: 'SELECT', rowCount: 1, rows: [{ one: 1 }] });
    expect(describeResult(await client.query('SELECT 2 AS two'))).toMatchObject({ rows: [{ two: 2 }] });
    await client.end();
  });

  it('ends a session as a disconnect would: open transaction rolled back', async () => {
    const module = createPglitePgModule(db);
    const first = await connect(module, {});
    await first.client.query('CREATE TABLE ended (id INT)');
    await first.client.query('BEGIN');
    await first.client.query('INSERT INTO ended VALUES (1)');
    await first.client.end();
    const second = await connect(module, {});
    expect(describeResult(await second.client.query('SELECT count(*)::int AS n FROM ended'))).toMatchObject({ rows: [{ n: 0 }] });
    await second.client.end();
  });

  it('refuses queries after end() with the message pg gives', async () => {
    const ours = await connect(createPglitePgModule(db), {});
    const native = await connect(pg, { host: server.host, port: server.port, user: server.user, database: 'postgres' });
    await Promise.all([new Promise((r) => ours.client.end(r)), new Promise((r) => native.client.end(r))]);
    expect(await call(ours.client, ['SELECT 1'])).toEqual(await call(native.client, ['SELECT 1']));
  });

  it('lets a forgotten Client end after its database was closed', async () => {
    const own = await PGlite.create();
    const { client } = await connect(createPglitePgModule(own), {});
    await own.close();
    await expect(client.end()).resolves.toBeUndefined();
  }, 60_000);
});
