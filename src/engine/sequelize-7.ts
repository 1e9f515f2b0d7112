/**
 * Sequelize 7's packages, each loaded the first time it is needed: the core
 * with the release, a dialect (a package of its own) with the first scenario
 * of that dialect. A module of its own, imported lazily by
 * ./sequelize-versions.ts, so that in the browser the worker's first chunk
 * names this one small chunk instead of each of Sequelize 7's chunks.
 */
import type { Dialect } from './scenario';
import type { DialectClass } from './sequelize-options';

export const loadCore = () => import('@sequelize/core');

const DIALECTS: Readonly<Record<Dialect, () => Promise<DialectClass>>> = {
  sqlite: async () => (await import('@sequelize/sqlite3')).SqliteDialect,
  postgres: async () => (await import('@sequelize/postgres')).PostgresDialect,
};

export const loadDialect = (dialect: Dialect): Promise<DialectClass> => DIALECTS[dialect]();
