/** The engine's public surface: pure, isomorphic, no DOM and no Node APIs. */
export { runScenario, type RunOptions, type RunProgress } from './run-scenario';
export { createSqljsHost } from './sqljs-host';
export { createPgliteHost, type PgliteHostOptions } from './pglite-host';
export type { AnyDatabaseHost, DatabaseHost } from './database-host';
export * from './scenario';
export * from './result';
export { computeLoss, type LossReport, type TableLoss } from './loss-diff';
export { pairRows, sameCell } from './row-matching';
export { classifyStatements, STATEMENT_KINDS, type StatementKind } from './statement-classifier';
export { MODE_CALLS } from './modes';
export { SHIPPED_VERSIONS, resolveVersion } from './sequelize-versions';
