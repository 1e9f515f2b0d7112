/**
 * The drivers say when each database call begins and ends
 * (observeDatabaseCalls): the browser's worker passes it on to the page,
 * whose watchdog lets a long statement be silent. Every statement a run
 * logs runs inside one call, and calls never nest.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { loadSqlJsInNode } from '../../src/cli/load-sqljs';
import { observeDatabaseCalls } from '../../src/engine/drivers/event-loop-turns';
import { createPgliteHost } from '../../src/engine/pglite-host';
import { runScenario } from '../../src/engine/run-scenario';
import type { AnyDatabaseHost } from '../../src/engine/database-host';
import type { Dialect } from '../../src/engine/scenario';
import { createSqljsHost } from '../../src/engine/sqljs-host';

const pglite = createPgliteHost();
afterAll(() => pglite.dispose());

const hosts: Record<Dialect, () => Promise<AnyDatabaseHost>> = {
  sqlite: async () => createSqljsHost(await loadSqlJsInNode()),
  postgres: async () => pglite,
};

describe('database calls', () => {
  it.each(['sqlite', 'postgres'] as const)('on %s, each statement runs inside one call, and calls never nest', async (dialect) => {
    const host = await hosts[dialect]();
    const seen: boolean[] = [];
    observeDatabaseCalls((running) => seen.push(running));
    try {
      const result = await runScenario(
        {
          format: 'sync-playground/scenario@1',
          dialect,
          setup: "const T = sequelize.define('T', { a: DataTypes.STRING }); await sequelize.sync(); await T.bulkCreate([{ a: 'x' }, { a: 'y' }]);",
          models: "sequelize.define('T', { a: DataTypes.STRING, b: DataTypes.INTEGER });",
          after: "await sequelize.query('SELECT 1');",
          modes: ['sync', 'alter'],
        },
        { host },
      );
      const statements = [result.baseline, ...result.modes].reduce((count, section) => count + section.log.length, 0);
      expect(statements).toBeGreaterThan(10);
      // begin, end, begin, end, …
      expect(seen.every((running, index) => running === (index % 2 === 0))).toBe(true);
      expect(seen.length % 2).toBe(0);
      expect(seen.length / 2).toBeGreaterThanOrEqual(statements);
    } finally {
      observeDatabaseCalls(null);
    }
  });
});
