/**
 * Loads a Sequelize release's postgres dialect into the worker (see
 * src/stubs/lazy-postgres-dialect.cjs): imported dynamically, so that it
 * shares its Sequelize's core modules with that release's chunk and adds
 * only the dialect itself. Registered by exact version: each shipped 6.x
 * release constructs its own.
 */
const DIALECTS: Readonly<Record<string, () => Promise<{ default: unknown }>>> = {
  // @ts-expect-error -- Sequelize 6 ships no types for its dialect modules.
  '6.37.8': () => import('sequelize/lib/dialects/postgres/index'),
  // @ts-expect-error -- as above.
  '6.5.1': () => import('sequelize-6.5.1/lib/dialects/postgres/index'),
};

type Registry = Record<string, unknown>;
const registry = ((globalThis as { __syncPlaygroundPostgresDialects?: Registry }).__syncPlaygroundPostgresDialects ??= {});

export async function loadPostgresDialect(sequelizeVersion: string): Promise<void> {
  // Sequelize 7's dialect is a package of its own, passed to it as a class
  // and loaded with the release (src/engine/sequelize-versions.ts).
  if (sequelizeVersion.startsWith('7.')) return;
  const load = DIALECTS[sequelizeVersion];
  if (!load) throw new Error(`No postgres dialect is shipped for Sequelize ${sequelizeVersion}`);
  registry[sequelizeVersion] ??= (await load()).default;
}
