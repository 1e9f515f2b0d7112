/**
 * The loss report is what the playground's verdict ("2 rows lost in
 * IntegerNames") is made of, so it must be trustworthy: for every SQLite
 * fixture and every mode, the report is checked against the loss recomputed
 * straight from the database files (test/support/independent-loss.ts), read
 * with plain SQL, not through the engine's snapshot. No missed loss, no
 * invented loss.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlJsStatic } from 'sql.js';
import { loadSqlJsInNode } from '../../src/cli/load-sqljs';
import { MODES, SCENARIO_FORMAT } from '../../src/engine/scenario';
import { loadFixtures } from '../support/fixtures';
import { recomputeLoss } from '../support/independent-loss';
import { expectEveryModeTrustworthy, runKeepingDatabases } from '../support/trustworthy-loss';

let SQL: SqlJsStatic;
beforeAll(async () => {
  SQL = await loadSqlJsInNode();
});

/** What the fixtures made the check see: a check that never met a loss proves nothing. */
const seen = new Set<string>();

describe('loss reports match the databases', () => {
  for (const { name, scenario } of loadFixtures()) {
    it(`${name}: every mode's loss is the loss in its database file`, async () => {
      // Every mode, not only the fixture's own: each one is a different change to check.
      const { result, files } = await runKeepingDatabases(SQL, { ...scenario, modes: [...MODES] });
      expect(result.modes.map((m) => m.mode)).toEqual([...MODES]);
      expectEveryModeTrustworthy(SQL, result, files);
      for (const { loss } of result.modes) {
        if (loss.rowsLost > 0) seen.add('rows lost');
        if (loss.rowsKept > 0) seen.add('rows kept');
        if (loss.valuesChanged > loss.valuesNulled) seen.add('values changed');
        if (loss.valuesNulled > 0) seen.add('values nulled');
        if (loss.tablesDropped.length > 0) seen.add('tables dropped');
        if (loss.columnsDropped.length > 0) seen.add('columns dropped');
        if (loss.leftoverTables.length > 0) seen.add('leftover tables');
        if (loss.tables.some((t) => t.valuesInDroppedColumns > 0)) seen.add('values in dropped columns');
      }
    });
  }

  it('the fixtures reach every kind of loss', () => {
    expect([...seen].sort()).toEqual(
      ['columns dropped', 'leftover tables', 'rows kept', 'rows lost', 'tables dropped', 'values changed', 'values in dropped columns', 'values nulled'],
    );
  });

  // With no column in common before and after, nothing shows that a row
  // survived: the rows were once paired by position (one old row reported
  // kept, the new one not added).
  it('a table recreated with none of its old columns reports every old row lost and the new one added', async () => {
    const { result, files } = await runKeepingDatabases(SQL, {
      format: SCENARIO_FORMAT,
      setup: [
        "const T = sequelize.define('T', { code: { type: DataTypes.STRING, primaryKey: true } }, { timestamps: false });",
        'await sequelize.sync();',
        "await T.bulkCreate([{ code: 'a' }, { code: 'b' }]);",
      ].join('\n'),
      models: "sequelize.define('T', { name: DataTypes.STRING }, { timestamps: false });",
      after: "await sequelize.models.T.create({ name: 'new' });",
      modes: ['force'],
    });
    const [force] = result.modes;
    const truth = recomputeLoss(SQL, files.get('baseline') as Uint8Array, files.get('force') as Uint8Array).find((t) => t.table === 'Ts');
    expect(truth).toMatchObject({ sharesNoColumn: true, rowsLost: 2, rowsKept: 0, rowsAdded: 1 });
    expect(force?.loss.tables.find((t) => t.table === 'Ts')).toMatchObject({ rowsLost: 2, rowsKept: 0, rowsAdded: 1 });
  });
});
