/**
 * pg with a real PostgreSQL server behind the same runner as the engine, for
 * the parity tests. Each database is a real database on the server, named
 * as the scenario names it (Sequelize puts the name in some catalogue
 * queries); the baseline is kept as a template database and every mode
 * starts from `CREATE DATABASE … TEMPLATE` it.
 *
 * A template must have no connections, so the snapshot first ends the
 * sessions Sequelize opened, as a server does for a client that goes away:
 * what a mode left uncommitted is rolled back, as on PGlite.
 */
import pg from 'pg';
import type { DatabaseHost } from '../../src/engine/database-host';
import { snapshotPostgres, type RawPgResult } from '../../src/engine/postgres-snapshot';
import type { PostgresServer } from './postgres-server';

export interface ServerDatabase {
  name: string;
  /** Every pg Client Sequelize opened on it. */
  clients: Set<pg.Client>;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Raw text for every type, as the engine's snapshot reads PGlite. */
const RAW_TEXT = { getTypeParser: () => (text: string) => text };

export function createNativePostgresHost(server: PostgresServer): DatabaseHost<ServerDatabase, string> {
  const connection = (database: string) => ({ host: server.host, port: server.port, user: server.user, database });
  let baselines = 0;

  async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client(connection('postgres'));
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  async function create(name: string, template: string): Promise<ServerDatabase> {
    await admin(async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${quote(name)} TEMPLATE ${quote(template)}`);
    });
    return { name, clients: new Set() };
  }

  return {
    dialect: 'postgres',
    openEmpty: (database) => create(database, 'template1'),
    async saveBaseline(db) {
      const saved = `sync_playground_baseline_${(baselines += 1)}`;
      await create(saved, db.name);
      return saved;
    },
    openFromBaseline: (saved, database) => create(database, saved),
    connection(db) {
      class TrackedClient extends pg.Client {
        constructor(config: pg.ClientConfig) {
          super(config);
          db.clients.add(this);
        }
      }
      return { dialect: 'postgres', driver: { ...pg, Client: TrackedClient }, server: { host: server.host, port: server.port, user: server.user } };
    },
    async snapshot(db) {
      for (const client of db.clients) {
        if (!(client as unknown as { _ending: boolean })._ending) await client.end().catch(() => undefined);
      }
      const client = new pg.Client({ ...connection(db.name), types: RAW_TEXT });
      await client.connect();
      try {
        return await snapshotPostgres(async (sql) => {
          const result = await client.query({ text: sql, rowMode: 'array' });
          return { fields: result.fields, rows: result.rows } as RawPgResult;
        });
      } finally {
        await client.end();
      }
    },
    async export() {
      throw new Error('the parity host does not export databases');
    },
    async close(db) {
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${quote(db.name)} WITH (FORCE)`));
    },
    async discardBaseline(saved) {
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${quote(saved)} WITH (FORCE)`));
    },
  };
}
