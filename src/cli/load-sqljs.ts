/** sql.js for Node: the WebAssembly file is read from the installed package. */
import initSqlJs, { type SqlJsStatic } from 'sql.js';

let loading: Promise<SqlJsStatic> | null = null;

export function loadSqlJsInNode(): Promise<SqlJsStatic> {
  loading ??= initSqlJs();
  return loading;
}
