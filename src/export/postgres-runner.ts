/**
 * repro.js's runner on pg and a PostgreSQL server, as the parity tests run
 * it (test/support/native-postgres-host.ts): the baseline is a database
 * made from template1 running `setup`, kept as a template; each mode runs
 * on a new database made from that template.
 *
 * It connects as pg does by default (PGHOST, PGPORT, PGUSER, PGPASSWORD)
 * and only ever drops databases it made: each one carries a comment saying
 * so, and a database of the same name without it is left alone.
 */
export const POSTGRES_REQUIRES = ["const pg = require('pg');"];

export const POSTGRES_RUNNER = String.raw`
const BASELINE = DATABASE + '_sync_playground_baseline';
const MARK = 'Made by a Sync Playground reproduction: dropped and made again on each run.';
const quote = (name) => '"' + name.replace(/"/g, '""') + '"';

/** A session on the server's 'postgres' database (or PGADMINDATABASE) for making and dropping databases. */
async function admin(work) {
  const client = new pg.Client({ database: process.env.PGADMINDATABASE || 'postgres' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops 'name' if this reproduction made it; refuses any other database of that name. */
async function dropOwn(client, name) {
  const { rows } = await client.query("SELECT shobj_description(oid, 'pg_database') AS mark FROM pg_database WHERE datname = $1", [name]);
  if (rows.length === 0) return;
  if (rows[0].mark !== MARK) {
    throw new Error('A database called "' + name + '" already exists on this server and was not made by a reproduction: it is left alone. Run on another server, or change DATABASE in repro.js.');
  }
  await client.query('DROP DATABASE ' + quote(name) + ' WITH (FORCE)');
}

/** 'name' made anew as a copy of 'template' (ending the sessions still on the template, as a server does for a client gone). */
async function copyDatabase(name, template) {
  await admin(async (client) => {
    await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [template]);
    await dropOwn(client, name);
    await client.query('CREATE DATABASE ' + quote(name) + ' TEMPLATE ' + quote(template));
    await client.query('COMMENT ON DATABASE ' + quote(name) + " IS '" + MARK + "'");
  });
}

/**
 * sequelize-pool's pools: 7's sequelize.pool.write (and read), 6's
 * connectionManager.pool (a getter that throws in 7, so asked second).
 */
function poolsOf(sequelize) {
  const replication = sequelize.pool;
  if (replication && replication.write) return replication.read ? [replication.write, replication.read] : [replication.write];
  const pool = sequelize.connectionManager && sequelize.connectionManager.pool;
  return pool ? [pool] : [];
}

/**
 * A connection user code never gave back (an unmanaged transaction left
 * open) makes Sequelize's close() wait forever; it is ended, as the
 * playground does.
 */
async function releaseBorrowedConnections(sequelize) {
  for (const pool of poolsOf(sequelize)) {
    for (const { resource } of [...(pool._inUseObjects || [])]) await pool.destroy(resource);
  }
}

/** A new database copied from 'template' running 'phases'; kept as the template 'saveAs', if given. */
async function runSession(template, phases, saveAs) {
  await copyDatabase(DATABASE, template);
  // Sequelize sets a host and port of its own (localhost:5432): PGHOST and PGPORT, when set, win as they do for pg.
  const server = {};
  if (process.env.PGHOST) server.host = process.env.PGHOST;
  if (process.env.PGPORT) server.port = Number(process.env.PGPORT);
  const { sequelize, section } = await runPhases(postgresOptions(pg, server), phases);
  try {
    await releaseBorrowedConnections(sequelize);
  } catch {
    // Already gone.
  }
  await closeSequelize(sequelize);
  if (saveAs) await copyDatabase(saveAs, DATABASE);
  return section;
}

async function main() {
  try {
    const baseline = await runSession('template1', [['setup', userStep(setup)]], BASELINE);
    const modes = [];
    for (const mode of MODES) modes.push({ mode, ...(await runSession(BASELINE, modePhases(mode))) });
    const server = await admin(async (client) => (await client.query('SHOW server_version')).rows[0].server_version);
    report(baseline, modes, 'pg ' + require('pg/package.json').version + ' with PostgreSQL ' + server);
  } finally {
    await admin(async (client) => {
      await dropOwn(client, DATABASE);
      await dropOwn(client, BASELINE);
    }).catch((error) => console.error('The databases were not dropped: ' + error.message));
  }
}

main().catch(fail);
`;
