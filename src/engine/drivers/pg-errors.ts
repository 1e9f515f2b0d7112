/**
 * Errors as node-postgres delivers them: pg-protocol's `DatabaseError`, an
 * Error whose `name` is the protocol message name `'error'` and which
 * carries the server's error fields. Sequelize's postgres dialect reads
 * `code` (23505 → UniqueConstraintError, 23503 → ForeignKeyConstraintError,
 * …), `detail`, `table` and `constraint`; the message is the server's.
 *
 * PGlite throws an error of the same shape plus its own `query`, `params`
 * and `queryOptions`; the copy leaves those out so that user code sees what
 * it would see with `pg`.
 */

/** The error fields of a PostgreSQL ErrorResponse, as pg-protocol names them. */
export const ERROR_FIELDS = [
  'severity',
  'code',
  'detail',
  'hint',
  'position',
  'internalPosition',
  'internalQuery',
  'where',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
  'file',
  'line',
  'routine',
] as const;

type ErrorField = (typeof ERROR_FIELDS)[number];

export class DatabaseError extends Error {
  declare severity: string | undefined;
  declare code: string | undefined;
  declare detail: string | undefined;
  declare hint: string | undefined;
  declare position: string | undefined;
  declare internalPosition: string | undefined;
  declare internalQuery: string | undefined;
  declare where: string | undefined;
  declare schema: string | undefined;
  declare table: string | undefined;
  declare column: string | undefined;
  declare dataType: string | undefined;
  declare constraint: string | undefined;
  declare file: string | undefined;
  declare line: string | undefined;
  declare routine: string | undefined;

  constructor(
    message: string,
    readonly length: number,
    override readonly name: string,
  ) {
    super(message);
  }
}
// pg-protocol's class keeps its name; a minifier must not rename ours.
Object.defineProperty(DatabaseError, 'name', { value: 'DatabaseError' });

function isServerError(thrown: unknown): thrown is Error & Partial<Record<ErrorField | 'length', unknown>> {
  return thrown instanceof Error && typeof (thrown as { code?: unknown }).code === 'string' && 'severity' in thrown;
}

/** PGlite's error as pg's; anything that is not a server error passes through. */
export function toPgError(thrown: unknown): unknown {
  if (!isServerError(thrown)) return thrown;
  const error = new DatabaseError(thrown.message, Number(thrown.length ?? 0), 'error');
  for (const field of ERROR_FIELDS) {
    const value = thrown[field];
    (error as unknown as Record<string, unknown>)[field] = value === null ? undefined : value;
  }
  return error;
}
