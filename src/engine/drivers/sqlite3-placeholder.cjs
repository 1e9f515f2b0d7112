// Stands in for node-sqlite3 where @sequelize/sqlite3 (Sequelize 7) loads
// it: the package requires 'sqlite3' when it loads, even though the engine
// always passes its own driver as `sqlite3Module`, and its ESM entry reads
// the OPEN_* flags from it right away. The flags are here (values from
// sqlite3.h, as node-sqlite3 exports them); anything else says why it is
// missing. Used by the Node hook (src/cli/sqlite3-placeholder-hook.ts) and
// by the browser build (build-tools/sequelize-7-modules-plugin.ts).
'use strict';

function notLoaded() {
  throw new Error('native sqlite3 is not loaded here: the playground passes its own driver as sqlite3Module');
}

module.exports = {
  OPEN_READONLY: 0x00000001,
  OPEN_READWRITE: 0x00000002,
  OPEN_CREATE: 0x00000004,
  OPEN_URI: 0x00000040,
  OPEN_FULLMUTEX: 0x00010000,
  OPEN_SHAREDCACHE: 0x00020000,
  OPEN_PRIVATECACHE: 0x00040000,
  Database: notLoaded,
  Statement: notLoaded,
  Backup: notLoaded,
  verbose: notLoaded,
  cached: { Database: notLoaded },
};
