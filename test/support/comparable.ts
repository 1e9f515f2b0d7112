/**
 * Reduces a result to what parity compares: per section, the statements
 * (phase and SQL), the error, the console output and every table, with
 * timestamps and Sequelize 7's temporary table names masked (they differ
 * between any two runs).
 */
import type { RunResult, RunSection } from '../../src/engine/result';
import { maskTemporaryTableNames } from '../../src/results/temporary-table-names';

// The playground's own mask (the version comparison aligns with it), re-exported for the tests.
export { maskTemporaryTableNames };

const TIMESTAMP = /\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:\.\d+)?(?: ?(?:[+-]\d\d:\d\d|Z))?/g;

export function maskTimestamps<T>(value: T): T {
  return JSON.parse(JSON.stringify(value).replace(TIMESTAMP, '<timestamp>')) as T;
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
