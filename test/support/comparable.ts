/**
 * Reduces a result to what parity compares: per section, the statements
 * (phase and SQL), the error, the console output and every table, with
 * timestamps and Sequelize 7's temporary table names masked (they differ
 * between any two runs).
 */
import type { RunResult, RunSection } from '../../src/engine/result';

const TIMESTAMP = /\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:\.\d+)?(?: ?(?:[+-]\d\d:\d\d|Z))?/g;

export function maskTimestamps<T>(value: T): T {
  return JSON.parse(JSON.stringify(value).replace(TIMESTAMP, '<timestamp>')) as T;
}

/**
 * Sequelize 7's alter on SQLite rebuilds a table through a copy named after
 * it with 16 random hex digits (`Users_dc6001fab7184ff8`), new on every run.
 */
const TEMPORARY_TABLE = /([`"])(\w+?)_[0-9a-f]{16}\1/g;

export function maskTemporaryTableNames(sql: string): string {
  return sql.replace(TEMPORARY_TABLE, '$1$2_<random>$1');
}

export function comparableSection(section: RunSection) {
  return maskTimestamps({
    log: section.log.map((entry) => `${entry.phase}: ${maskTemporaryTableNames(entry.sql)}`),
    error: section.error,
    console: section.console,
    tables: section.tables,
  });
}

export function comparableResult(result: RunResult) {
  return {
    sequelizeVersion: result.sequelizeVersion,
    baseline: comparableSection(result.baseline),
    modes: result.modes.map((mode) => ({ mode: mode.mode, ...comparableSection(mode) })),
  };
}
