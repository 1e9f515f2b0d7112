/**
 * repro.js's runner on native sqlite3: a baseline in-memory database with
 * `setup`, then per mode a byte-for-byte copy of it (SQLite's backup API)
 * given to a new Sequelize instance as its first connection.
 */
export const SQLITE_REQUIRES = ["const sqlite3 = require('sqlite3');", "const fs = require('fs');", "const os = require('os');", "const path = require('path');"];

export const SQLITE_RUNNER = String.raw`
function openMemory() {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(':memory:', (error) => (error ? reject(error) : resolve(db)));
  });
}

/** SQLite's backup API: copies pages byte for byte between a database and a file. */
function backup(db, file, fileIsDestination) {
  return new Promise((resolve, reject) => {
    const job = db.backup(file, 'main', 'main', fileIsDestination, (error) => {
      if (error) return reject(error);
      job.step(-1, (stepError) => {
        if (stepError) return reject(stepError);
        job.finish((finishError) => (finishError ? reject(finishError) : resolve()));
      });
    });
  });
}

/** sqlite3 for Sequelize (6's dialectModule, 7's sqlite3Module), whose first connection is the database prepared here. */
function dialectModuleFor(db) {
  let first = true;
  // A constructor that returns an object makes "new" yield that object.
  function Database(filename, mode, callback) {
    const done = typeof mode === 'function' ? mode : callback;
    if (!first) return new sqlite3.Database(filename, mode, done);
    first = false;
    process.nextTick(() => done && done.call(db, null));
    return db;
  }
  return { ...sqlite3, Database, verbose: () => sqlite3 };
}

/** One in-memory database (a copy of 'fromFile', if given) running 'phases'; saved to 'saveTo', if given. */
async function runSession(fromFile, phases, saveTo) {
  const db = await openMemory();
  if (fromFile) await backup(db, fromFile, false);
  const { sequelize, section } = await runPhases(sqliteOptions(dialectModuleFor(db)), phases);
  if (saveTo) await backup(db, saveTo, true);
  await closeSequelize(sequelize);
  await new Promise((resolve) => db.close(() => resolve()));
  return section;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sync-playground-repro-'));
  const baselineFile = path.join(dir, 'baseline.sqlite');
  try {
    const baseline = await runSession(null, [['setup', userStep(setup)]], baselineFile);
    const modes = [];
    for (const mode of MODES) modes.push({ mode, ...(await runSession(baselineFile, modePhases(mode))) });
    report(baseline, modes, 'sqlite3 ' + require('sqlite3/package.json').version);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch(fail);
`;
