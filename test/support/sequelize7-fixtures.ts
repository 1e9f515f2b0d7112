/**
 * The fixtures as Sequelize 7 scenarios. They are written for 6; where 7's
 * API differs so that a fixture would stop early and no longer show what it
 * is about, its code is rewritten here (and only here) to say the same in 7:
 * - everywhere, `sequelize.models.Name` → `sequelize.models.get('Name')`:
 *   7's `sequelize.models` is a ModelSetView, not an object keyed by name;
 * - cascade-parent-altered, set-null-parent-altered: 7 moved an
 *   association's `onDelete` into `foreignKey` (it throws otherwise), and
 *   what these fixtures show is that very ON DELETE under alter; `hasMany`
 *   defines the inverse `belongsTo` itself, so the explicit one must repeat
 *   its options, and the key is named as 6 names it (`AuthorId`, where 7
 *   would say `authorId`), the name the fixtures' rows use; the included
 *   parent is `p.team` (7 names associations in camelCase);
 * - the Postgres scenario that leaves a transaction open: 7 starts an
 *   unmanaged transaction with `startUnmanagedTransaction()` (its
 *   `transaction()` requires a callback);
 * - value-types on SQLite: @sequelize/sqlite3 refuses DECIMAL; DOUBLE keeps
 *   the column and its value (PostgreSQL keeps DECIMAL).
 * What 7 refuses and no fixture is about is left as it is, so that parity
 * covers the error too: the match-guard fixtures read `sequelize.config`
 * (gone in 7) and call `sync({ match })` (removed in 7).
 */
import type { ScenarioInput } from '../../src/engine/scenario';
import { CODE_FIELDS } from '../../src/engine/user-code';

type Rewrite = readonly [from: string, to: string];

const MODEL_BY_NAME = /\bsequelize\.models\.(?!get\b)([A-Za-z_$][\w$]*)/g;

const REWRITES: Readonly<Record<string, readonly Rewrite[]>> = {
  'cascade-parent-altered': [
    ["Author.hasMany(Book, { onDelete: 'CASCADE' })", "Author.hasMany(Book, { foreignKey: { name: 'AuthorId', onDelete: 'CASCADE' } })"],
    ['Book.belongsTo(Author)', "Book.belongsTo(Author, { foreignKey: { name: 'AuthorId', onDelete: 'CASCADE' } })"],
  ],
  'set-null-parent-altered': [
    ["Team.hasMany(Player, { onDelete: 'SET NULL' })", "Team.hasMany(Player, { foreignKey: { name: 'TeamId', onDelete: 'SET NULL' } })"],
    ['Player.belongsTo(Team)', "Player.belongsTo(Team, { foreignKey: { name: 'TeamId', onDelete: 'SET NULL' } })"],
    ['const { Player, Team } = sequelize.models;', "const [Player, Team] = ['Player', 'Team'].map((name) => sequelize.models.get(name));"],
    ['p.Team ? p.Team.name', 'p.team ? p.team.name'],
  ],
  // From test/support/postgres-scenarios.ts: what it shows is the transaction left open.
  'statements after a caught error, and a transaction left open': [
    ['const t = await sequelize.transaction();', 'const t = await sequelize.startUnmanagedTransaction();'],
  ],
};

const SQLITE_REWRITES: Readonly<Record<string, readonly Rewrite[]>> = {
  'value-types': [['price: DataTypes.DECIMAL(10, 2)', 'price: DataTypes.DOUBLE']],
};

/** A fixture's (or Postgres scenario's) scenario for Sequelize `version`, a 7.x or `"7"`. */
export function sequelize7Scenario(name: string, scenario: ScenarioInput, version = '7'): ScenarioInput {
  const rewrites = [...(REWRITES[name] ?? []), ...((scenario.dialect ?? 'sqlite') === 'sqlite' ? (SQLITE_REWRITES[name] ?? []) : [])];
  const adapted: ScenarioInput = { ...scenario, sequelize: version };
  for (const [from] of rewrites) {
    if (!CODE_FIELDS.some((field) => scenario[field]?.includes(from))) {
      throw new Error(`${name}: the rewrite of ${JSON.stringify(from)} no longer applies`);
    }
  }
  for (const field of CODE_FIELDS) {
    let code = scenario[field];
    if (typeof code !== 'string') continue;
    for (const [from, to] of rewrites) code = code.split(from).join(to);
    adapted[field] = code.replace(MODEL_BY_NAME, (_match, model: string) => `sequelize.models.get('${model}')`);
  }
  return adapted;
}

/** True for a 7.x release. */
export const isSequelize7 = (version: string) => version.startsWith('7.');
