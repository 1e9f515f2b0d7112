/** The operation each mode performs (shared/SCENARIO.md, "Modes"). */
import type { Mode } from './scenario';
import type { SequelizeInstance } from './sequelize-versions';

export const MODE_CALLS: Readonly<Record<Mode, string>> = {
  sync: 'sequelize.sync()',
  force: 'sequelize.sync({ force: true })',
  alter: 'sequelize.sync({ alter: true })',
  'alter-safe': 'sequelize.sync({ alter: { drop: false } })',
  drop: 'sequelize.drop()',
};

export function runModeOperation(mode: Mode, sequelize: SequelizeInstance): Promise<unknown> {
  switch (mode) {
    case 'sync':
      return sequelize.sync();
    case 'force':
      return sequelize.sync({ force: true });
    case 'alter':
      return sequelize.sync({ alter: true });
    case 'alter-safe':
      return sequelize.sync({ alter: { drop: false } });
    case 'drop':
      return sequelize.drop();
  }
}
