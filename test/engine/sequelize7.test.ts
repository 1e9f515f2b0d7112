/**
 * Sequelize 7 in the engine, as the CLI runs it: the scope's names come from
 * @sequelize/core, `require('@sequelize/core')` works, alter rebuilds a
 * table through a randomly named copy, and Node never loads native sqlite3
 * for it (src/cli/sqlite3-placeholder-hook.ts).
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadSqlJsInNode } from '../../src/cli/load-sqljs';
import { useSqlite3Placeholder } from '../../src/cli/sqlite3-placeholder-hook';
import { runScenario } from '../../src/engine/run-scenario';
import { SCENARIO_FORMAT } from '../../src/engine/scenario';
import { resolveVersion } from '../../src/engine/sequelize-versions';
import { createSqljsHost } from '../../src/engine/sqljs-host';

describe('Sequelize 7 on the engine', () => {
  it('"7" is the shipped alpha', () => {
    expect(resolveVersion('7')).toBe('7.0.0-alpha.48');
  });

  it('runs with the names of @sequelize/core, and alter copies through a random table name', async () => {
    useSqlite3Placeholder();
    const result = await runScenario(
      {
        format: SCENARIO_FORMAT,
        sequelize: '7',
        setup: "const User = sequelize.define('User', { name: DataTypes.STRING, age: DataTypes.INTEGER });\nawait sequelize.sync();\nawait User.create({ name: 'Ada', age: 36 });",
        models: "sequelize.define('User', { name: DataTypes.STRING });",
        after:
          "const core = require('@sequelize/core');\nconsole.log(Sequelize === core.Sequelize, DataTypes === core.DataTypes, Model === core.Model, Op === core.Op, sequelize instanceof core.Sequelize);\n" +
          "console.log((await sequelize.models.get('User').findAll()).map((user) => user.name).join());",
        modes: ['alter', 'drop'],
      },
      { host: createSqljsHost(await loadSqlJsInNode()) },
    );
    expect(result.sequelizeVersion).toBe('7.0.0-alpha.48');
    expect(result.baseline.error).toBeNull();
    const [alter, drop] = result.modes;
    expect(alter?.error).toBeNull();
    expect(alter?.console).toEqual(['true true true true true', 'Ada']);
    expect(alter?.log.map((entry) => entry.sql)).toContainEqual(expect.stringMatching(/^CREATE TABLE IF NOT EXISTS `Users_[0-9a-f]{16}` /));
    expect(alter?.loss.rowsLost).toBe(0);
    // The models' tables are read from 7's ModelSetView: drop loses the table's row.
    expect(drop?.loss.rowsLost).toBe(1);

    const loaded = Object.keys(createRequire(import.meta.url).cache);
    expect(loaded.some((file) => file.endsWith('sqlite3-placeholder.cjs'))).toBe(true);
    expect(loaded.some((file) => /node_modules[\\/]sqlite3[\\/]/.test(file))).toBe(false);
  });

  it('ends a run whose user code leaves a transaction open', async () => {
    useSqlite3Placeholder();
    const result = await runScenario(
      {
        format: SCENARIO_FORMAT,
        sequelize: '7',
        models: "sequelize.define('Note', { text: DataTypes.STRING });",
        after:
          "const Note = sequelize.models.get('Note');\nconst t = await sequelize.startUnmanagedTransaction();\n" +
          "await Note.create({ text: 'uncommitted' }, { transaction: t });\nconsole.log('left open');",
        modes: ['sync'],
      },
      { host: createSqljsHost(await loadSqlJsInNode()) },
    );
    expect(result.modes[0]?.error).toBeNull();
    expect(result.modes[0]?.console).toEqual(['left open']);
  });
});
