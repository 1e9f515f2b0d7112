/**
 * The fixtures as Postgres scenarios. Most run unchanged with
 * `"dialect": "postgres"`; a few `after` fields hold raw SQL written for
 * SQLite, rewritten here (and only here) to say the same on PostgreSQL:
 * - unquoted mixed-case table names (`FROM Customers`) fold to lower case in
 *   PostgreSQL and would name a table that does not exist: quoted;
 * - SQLite's `typeof(x)` (storage class) becomes `pg_typeof(x)::text`;
 * - unquoted mixed-case column names (`happenedAt`) are quoted.
 * No fixture is skipped: none is inherently SQLite-only.
 */
import type { ScenarioInput } from '../../src/engine/scenario';
import type { Fixture } from './fixtures';

type Rewrite = readonly [from: string, to: string];

export const POSTGRES_REWRITES: Readonly<Record<string, readonly Rewrite[]>> = {
  'alter-drop-false': [['SELECT * FROM Customers ORDER BY id', 'SELECT * FROM "Customers" ORDER BY id']],
  'change-column-type': [
    ['typeof(quantity) AS stored FROM Items', 'pg_typeof(quantity)::text AS stored FROM "Items"'],
  ],
  'value-types': [
    [
      'SELECT flag, happenedAt, price, meta, typeof(data) AS data FROM Samples',
      'SELECT flag, "happenedAt", price, meta, pg_typeof(data)::text AS data FROM "Samples"',
    ],
  ],
};

export function postgresScenario(fixture: Fixture): ScenarioInput {
  let after = fixture.scenario.after ?? '';
  for (const [from, to] of POSTGRES_REWRITES[fixture.name] ?? []) {
    if (!after.includes(from)) throw new Error(`${fixture.name}: the rewrite of ${JSON.stringify(from)} no longer applies`);
    after = after.split(from).join(to);
  }
  return { ...fixture.scenario, dialect: 'postgres', after };
}
