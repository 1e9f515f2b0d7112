/**
 * The result format (shared/SCENARIO.md, version 1): what the runner returns,
 * the CLI prints and the UI shows. Plain data only, so it crosses
 * `postMessage` and `JSON.stringify` unchanged.
 */
import type { Dialect, Mode } from './scenario';
import type { LossReport } from './loss-diff';
import type { PackedRowPairing } from './row-matching';
import type { StatementKind } from './statement-classifier';

export const RESULT_FORMAT = 'sync-playground/result@1';

export type Phase = 'setup' | 'models' | 'operation' | 'after';

/** One statement Sequelize executed, exactly as it logged it. */
export interface LogEntry {
  phase: Phase;
  /** The text Sequelize handed to `logging`, minus `Executing (…): `. */
  sql: string;
  /** What the statement does, for colouring and explaining it. */
  kind: StatementKind;
  /** True when the statement can destroy data (DROP TABLE, DELETE, …). */
  destructive: boolean;
  /** Bind parameters, when Sequelize passed any. */
  params?: unknown;
}

export interface PhaseError {
  phase: Phase;
  /** The error's name as Sequelize raised it, e.g. `SequelizeDatabaseError`. */
  name: string;
  message: string;
  /** Where in the user's code it happened, when that is known. */
  location?: { field: 'setup' | 'models' | 'after'; line: number; column: number | null };
}

/** A value as the database returned it; blobs as hexadecimal. */
export type CellValue = number | string | null | { blob: string };
export type Row = Record<string, CellValue>;

export interface ColumnSnapshot {
  name: string;
  /** The database's own word for the type (`VARCHAR(255)`, `character varying`). */
  type: string;
  notNull: boolean;
  /** The default expression as the database reports it. */
  default: string | null;
  primaryKey: boolean;
}

export interface IndexSnapshot {
  name: string;
  unique: boolean;
  columns: string[];
  /** How the index came to be: `c` CREATE INDEX, `u` UNIQUE constraint, `pk` primary key. */
  origin: string;
}

export interface ForeignKeySnapshot {
  columns: string[];
  table: string;
  references: string[];
  onUpdate: string;
  onDelete: string;
}

export interface TableSnapshot {
  columns: ColumnSnapshot[];
  indexes: IndexSnapshot[];
  foreignKeys: ForeignKeySnapshot[];
  /** In primary-key (or rowid) order. */
  rows: Row[];
}

export type Tables = Record<string, TableSnapshot>;

/** What one run of code on one database produced. */
export interface RunSection {
  log: LogEntry[];
  error: PhaseError | null;
  console: string[];
  tables: Tables;
}

/** Milliseconds spent in each phase that ran, and in taking the snapshot. */
export type Timings = Partial<Record<Phase | 'snapshot', number>>;

export interface ModeResult extends RunSection {
  mode: Mode;
  /** The exact call the mode makes, e.g. `sequelize.sync({ alter: true })`. */
  call: string;
  /** What the mode did to the baseline's data. */
  loss: LossReport;
  /** Wall time of the mode, in milliseconds. */
  durationMs: number;
  timings: Timings;
  /**
   * The browser only (its worker adds it, the command line never prints it):
   * how the loss report paired each table's rows with the baseline's, so
   * that the rows view shows the same pairing without computing it again.
   */
  rowPairings?: Record<string, PackedRowPairing>;
}

export interface RunResult {
  format: typeof RESULT_FORMAT;
  sequelizeVersion: string;
  dialect: Dialect;
  baseline: RunSection;
  modes: ModeResult[];
}
