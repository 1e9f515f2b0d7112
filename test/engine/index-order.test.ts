/**
 * A snapshot lists a table's indexes in one order on every machine: by the
 * UTF-16 code units of their names (upper case before lower case), not by
 * the machine's locale, so that a result and its permalink read the same
 * everywhere.
 */
import { expect, it } from 'vitest';
import { loadSqlJsInNode } from '../../src/cli/load-sqljs';
import { runScenario } from '../../src/engine/run-scenario';
import { createSqljsHost } from '../../src/engine/sqljs-host';

it('orders the indexes of a table by code units, whatever the locale', async () => {
  const models = `sequelize.define('T', { a: DataTypes.STRING, b: DataTypes.STRING, c: DataTypes.STRING }, {
    indexes: [{ name: 'b_index', fields: ['b'] }, { name: 'C_index', fields: ['c'] }, { name: 'a_index', fields: ['a'] }],
  });`;
  const result = await runScenario(
    { format: 'sync-playground/scenario@1', setup: `${models}\nawait sequelize.sync();`, models, modes: ['sync'] },
    { host: createSqljsHost(await loadSqlJsInNode()) },
  );
  // localeCompare would give a_index, b_index, C_index.
  expect(result.baseline.tables.Ts?.indexes.map((index) => index.name)).toEqual(['C_index', 'a_index', 'b_index']);
});
