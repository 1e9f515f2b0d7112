/**
 * SQLite primary result codes and the names node-sqlite3 gives them
 * (node-sqlite3 `src/node_sqlite3.cc`, `sqlite_code_string`). Sequelize's
 * sqlite dialect switches on these names to pick its error class, so the
 * adapter must produce exactly the same ones.
 */
const NAMES: Readonly<Record<number, string>> = {
  0: 'SQLITE_OK',
  1: 'SQLITE_ERROR',
  2: 'SQLITE_INTERNAL',
  3: 'SQLITE_PERM',
  4: 'SQLITE_ABORT',
  5: 'SQLITE_BUSY',
  6: 'SQLITE_LOCKED',
  7: 'SQLITE_NOMEM',
  8: 'SQLITE_READONLY',
  9: 'SQLITE_INTERRUPT',
  10: 'SQLITE_IOERR',
  11: 'SQLITE_CORRUPT',
  12: 'SQLITE_NOTFOUND',
  13: 'SQLITE_FULL',
  14: 'SQLITE_CANTOPEN',
  15: 'SQLITE_PROTOCOL',
  16: 'SQLITE_EMPTY',
  17: 'SQLITE_SCHEMA',
  18: 'SQLITE_TOOBIG',
  19: 'SQLITE_CONSTRAINT',
  20: 'SQLITE_MISMATCH',
  21: 'SQLITE_MISUSE',
  22: 'SQLITE_NOLFS',
  23: 'SQLITE_AUTH',
  24: 'SQLITE_FORMAT',
  25: 'SQLITE_RANGE',
  26: 'SQLITE_NOTADB',
  100: 'SQLITE_ROW',
  101: 'SQLITE_DONE',
};

/** The name node-sqlite3 uses for a (possibly extended) result code. */
export function sqliteCodeName(code: number): string {
  // Extended codes carry the primary code in their low byte; node-sqlite3
  // reports the primary one because it never enables extended codes.
  return NAMES[code & 0xff] ?? 'UNKNOWN';
}

/** Primary code of the error messages sql.js can throw without a code. */
export function sqliteCodeFromMessage(message: string): number {
  if (/constraint failed/i.test(message)) return 19;
  if (/datatype mismatch/i.test(message)) return 20;
  if (/database is locked/i.test(message)) return 5;
  if (/out of memory/i.test(message)) return 7;
  if (/interrupted/i.test(message)) return 9;
  if (/too big|too many/i.test(message)) return 18;
  return 1;
}
