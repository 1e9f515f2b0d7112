/**
 * The snapshot reads PostgreSQL's catalogue directly (src/engine/
 * postgres-snapshot.ts) where it used information_schema, whose views were
 * slow on PGlite: its queries must answer exactly as the views do, on
 * PGlite (PostgreSQL 18) and on the parity server (Debian's), for every
 * kind of column a scenario can make.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnsSql, TABLES_SQL } from '../../src/engine/postgres-snapshot';
import { startPostgresServer, type PostgresServer } from '../support/postgres-server';

const SCHEMA = `
  CREATE TYPE mood AS ENUM ('happy', 'sad');
  CREATE DOMAIN positive AS integer NOT NULL CHECK (VALUE > 0);
  CREATE DOMAIN labels AS text[];
  CREATE DOMAIN feeling AS mood;
  CREATE SCHEMA other;
  CREATE TABLE kinds (
    id serial PRIMARY KEY,
    ident integer GENERATED ALWAYS AS IDENTITY,
    n integer NOT NULL DEFAULT 7,
    name varchar(255),
    price numeric(10, 2),
    at timestamptz DEFAULT now(),
    tags text[],
    m mood DEFAULT 'happy',
    ms mood[],
    p positive,
    l labels,
    f feeling,
    doc jsonb,
    u uuid,
    b bytea,
    gone integer,
    twice integer GENERATED ALWAYS AS (n * 2) STORED,
    "Mixed Case" text
  );
  ALTER TABLE kinds DROP COLUMN gone;
  CREATE TABLE parted (k integer, v text) PARTITION BY RANGE (k);
  CREATE TABLE parted_low PARTITION OF parted FOR VALUES FROM (0) TO (10);
  CREATE TABLE other."Elsewhere" (x integer);
  CREATE TEMPORARY TABLE scratch (x integer);
  CREATE VIEW kinds_view AS SELECT id FROM kinds;
`;

const INFORMATION_SCHEMA_TABLES =
  "SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' " +
  "AND table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema NOT LIKE 'pg\\_%' ORDER BY table_schema, table_name";

const informationSchemaColumns = (schema: string, table: string) =>
  `SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns ` +
  `WHERE table_schema = '${schema}' AND table_name = '${table.replace(/'/g, "''")}' ORDER BY ordinal_position`;

type Query = (sql: string) => Promise<Array<Record<string, unknown>>>;

async function expectSameAnswers(query: Query): Promise<void> {
  await query(SCHEMA);
  const tables = await query(TABLES_SQL);
  expect(tables).toEqual(await query(INFORMATION_SCHEMA_TABLES));
  expect(tables.map((row) => `${row.table_schema}.${row.table_name}`)).toEqual(['other.Elsewhere', 'public.kinds', 'public.parted', 'public.parted_low']);
  for (const { table_schema: schema, table_name: name } of tables as Array<{ table_schema: string; table_name: string }>) {
    const regclass = `"${schema}"."${name.replace(/"/g, '""')}"`;
    const columns = await query(columnsSql(regclass));
    expect(columns, regclass).toEqual(await query(informationSchemaColumns(schema, name)));
  }
  // The kinds the catalogue expressions tell apart.
  const kinds = Object.fromEntries((await query(columnsSql('"public"."kinds"'))).map((row) => [row.column_name, row.data_type]));
  expect(kinds).toMatchObject({ tags: 'ARRAY', m: 'USER-DEFINED', ms: 'ARRAY', p: 'integer', l: 'ARRAY', f: 'USER-DEFINED', price: 'numeric' });
}

describe('the snapshot reads the catalogue as information_schema answers', () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgresServer();
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('on PGlite', async () => {
    const db = await PGlite.create();
    try {
      await expectSameAnswers(async (sql) => {
        const results = await db.exec(sql);
        return (results.at(-1)?.rows ?? []) as Array<Record<string, unknown>>;
      });
    } finally {
      await db.close();
    }
  }, 120_000);

  it('on the PostgreSQL server', async () => {
    const client = new pg.Client({ host: server.host, port: server.port, user: server.user, database: 'postgres' });
    await client.connect();
    try {
      await client.query('CREATE DATABASE snapshot_check');
    } finally {
      await client.end();
    }
    const db = new pg.Client({ host: server.host, port: server.port, user: server.user, database: 'snapshot_check' });
    await db.connect();
    try {
      await expectSameAnswers(async (sql) => {
        const result = (await db.query(sql)) as pg.QueryResult | pg.QueryResult[];
        return (Array.isArray(result) ? result.at(-1)!.rows : result.rows) as Array<Record<string, unknown>>;
      });
    } finally {
      await db.end();
    }
  }, 120_000);
});
