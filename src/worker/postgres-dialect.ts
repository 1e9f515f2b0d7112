/**
 * Loads Sequelize's postgres dialect into the worker's Sequelize (see
 * src/stubs/lazy-postgres-dialect.cjs): imported dynamically, so that it
 * shares Sequelize's core modules with the main worker chunk and adds only
 * the dialect itself.
 */
// @ts-expect-error -- Sequelize 6 ships no types for its dialect modules.
import PostgresDialect from 'sequelize/lib/dialects/postgres/index';

(globalThis as { __syncPlaygroundPostgresDialect?: unknown }).__syncPlaygroundPostgresDialect = PostgresDialect;
