/**
 * Lets Sequelize 7 run on sql.js in Node without native sqlite3.
 *
 * @sequelize/sqlite3 does `require('sqlite3')` when it loads, even though it
 * then uses the `sqlite3Module` it is given (the engine always gives its
 * sql.js adapter). Native sqlite3 is a compiled addon that may be missing
 * or unbuilt where the CLI runs, and loading it would fail the import. So
 * that one request, from inside that one package, resolves to a placeholder
 * with the OPEN_* flags (src/engine/drivers/sqlite3-placeholder.cjs, which
 * the browser build can alias too). Every other `require('sqlite3')` is
 * untouched: the parity tests still load the real module for their native
 * side, which passes it as `sqlite3Module` itself.
 *
 * Node 20 has no public hook for `require` inside CommonJS packages
 * (`module.registerHooks` arrives in 22.15), hence `Module._resolveFilename`,
 * the long-standing one that module-alias and tsconfig-paths use. It is
 * wrapped, not replaced, so tsx's own resolution still applies.
 */
import Module from 'node:module';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const PLACEHOLDER = fileURLToPath(new URL('../engine/drivers/sqlite3-placeholder.cjs', import.meta.url));
const DIALECT_PACKAGE = `${sep}node_modules${sep}@sequelize${sep}sqlite3${sep}`;

type ResolveFilename = (this: unknown, request: string, parent: { filename?: string | null } | undefined, ...rest: unknown[]) => string;

let installed = false;

/** Installs the resolution (once); call before the engine runs a Sequelize 7 SQLite scenario. */
export function useSqlite3Placeholder(): void {
  if (installed) return;
  installed = true;
  const loader = Module as unknown as { _resolveFilename: ResolveFilename };
  const resolve = loader._resolveFilename;
  loader._resolveFilename = function (request, parent, ...rest) {
    if (request === 'sqlite3' && parent?.filename?.includes(DIALECT_PACKAGE)) return PLACEHOLDER;
    return resolve.call(this, request, parent, ...rest);
  };
}
