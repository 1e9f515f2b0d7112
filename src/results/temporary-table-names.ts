/**
 * Sequelize 7's alter on SQLite rebuilds a table through a copy named after
 * it with 16 random hex digits (`Users_dc6001fab7184ff8`), new on every run.
 * Masked, two runs' statements compare equal where only that name differs
 * (the version comparison's alignment, the parity tests).
 */
const TEMPORARY_TABLE = /([`"])(\w+?)_[0-9a-f]{16}\1/g;

/** The SQL with each random temporary table name replaced by `<name>_<random>`, quotes kept. */
export function maskTemporaryTableNames(sql: string): string {
  return sql.replace(TEMPORARY_TABLE, '$1$2_<random>$1');
}
