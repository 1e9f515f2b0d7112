/**
 * A scenario on 100,000 rows, for the browser's big-data test and
 * `npm run bench:web`: setup seeds the rows with one recursive INSERT, and
 * the models add a column, so `alter` rebuilds the table through SQLite's
 * `_backup` copy while `force` loses every row.
 */
import type { ScenarioInput } from '../../src/engine/scenario';

export const BIG_ROWS = 100_000;

export const BIG_SCENARIO: ScenarioInput = {
  format: 'sync-playground/scenario@1',
  title: `alter on ${BIG_ROWS} rows`,
  setup: `const Item = sequelize.define('Item', { name: DataTypes.STRING, value: DataTypes.INTEGER });
await sequelize.sync({ force: true });
await sequelize.query(\`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${BIG_ROWS})
  INSERT INTO Items (name, value, createdAt, updatedAt)
  SELECT 'item ' || i, i, '2026-01-01 00:00:00.000 +00:00', '2026-01-01 00:00:00.000 +00:00' FROM n\`);`,
  models: `sequelize.define('Item', { name: DataTypes.STRING, value: DataTypes.INTEGER, label: DataTypes.STRING });`,
  modes: ['force', 'alter'],
};
