/**
 * A run's result crosses the worker boundary in parts: each section (the
 * baseline, each mode) once, in its `progress` message, then a small head.
 * Sending the whole result again at the end cloned every snapshot twice (a
 * 100,000-row table is a long task on the page), and gave the page new
 * objects for sections it had already drawn, so every column drew again.
 */
import type { ModeResult, Row, RunResult, RunSection, Tables } from '../engine/result';
import type { Mode } from '../engine/scenario';
import type { RunProgress } from '../engine/run-scenario';
import { packPairing } from '../engine/row-matching';

/** What a RunResult holds besides its sections, and which modes it has, in order. */
export type RunResultHead = Omit<RunResult, 'baseline' | 'modes'> & { modes: Mode[] };

export function resultHead({ baseline: _baseline, modes, ...rest }: RunResult): RunResultHead {
  return { ...rest, modes: modes.map((mode) => mode.mode) };
}

/**
 * A progress as it is sent to the page: a mode's row pairings ride on its
 * result, packed (see PackedRowPairing), and not a second time as arrays.
 */
export function forThePage(progress: RunProgress): RunProgress {
  if (progress.stage === 'baseline' || !progress.pairings) return progress;
  const { pairings, ...rest } = progress;
  const rowPairings = Object.fromEntries(Object.entries(pairings).map(([table, pairing]) => [table, packPairing(pairing)]));
  return { ...rest, mode: { ...rest.mode, rowPairings } };
}

/** The sections of one run as its progress messages bring them. */
export class ResultSections {
  private baseline: RunSection | null = null;
  private readonly modes = new Map<Mode, ModeResult>();

  add(progress: RunProgress): void {
    if (progress.stage === 'baseline') this.baseline = progress.baseline;
    else this.modes.set(progress.stage, progress.mode);
  }

  /** The whole result, of the very objects the progress messages brought; null when a section never came. */
  assemble(head: RunResultHead): RunResult | null {
    const { modes: order, ...rest } = head;
    const modes = order.map((mode) => this.modes.get(mode));
    if (!this.baseline || modes.some((mode) => mode === undefined)) return null;
    return { ...rest, baseline: this.baseline, modes: modes as ModeResult[] };
  }
}

/**
 * Rows per message. Structured cloning a message is one task on the page,
 * about 1.5 ms per 1,000 rows in Chromium here: a 100,000-row table in one
 * message blocked the page for 150 ms, in parts of 10,000 for 15 ms each.
 */
export const ROWS_PER_MESSAGE = 10_000;

/** One part of a big table's rows, sent before the progress message that holds the table. */
export interface RowsPart {
  stage: RunProgress['stage'];
  table: string;
  rows: Row[];
}

function sectionOf(progress: RunProgress): RunSection {
  return progress.stage === 'baseline' ? progress.baseline : progress.mode;
}

function withSection(progress: RunProgress, section: RunSection): RunProgress {
  return progress.stage === 'baseline' ? { stage: 'baseline', baseline: section } : { stage: progress.stage, mode: { ...progress.mode, ...section } };
}

/**
 * Splits the big tables' rows off a progress message: the parts to send
 * first, in order, and the progress with those tables' rows left empty.
 */
export function splitRows(progress: RunProgress, perMessage = ROWS_PER_MESSAGE): { parts: RowsPart[]; progress: RunProgress } {
  const section = sectionOf(progress);
  const big = Object.entries(section.tables).filter(([, table]) => table.rows.length > perMessage);
  if (big.length === 0) return { parts: [], progress };
  const parts: RowsPart[] = [];
  const tables = { ...section.tables };
  for (const [name, table] of big) {
    for (let start = 0; start < table.rows.length; start += perMessage) {
      parts.push({ stage: progress.stage, table: name, rows: table.rows.slice(start, start + perMessage) });
    }
    tables[name] = { ...table, rows: [] };
  }
  return { parts, progress: withSection(progress, { ...section, tables }) };
}

/** The page's side of splitRows: collects the parts, and puts them back into their progress message. */
export class RowsParts {
  private readonly received = new Map<string, Row[]>();

  add({ stage, table, rows }: RowsPart): void {
    const key = JSON.stringify([stage, table]);
    const list = this.received.get(key);
    if (list) for (const row of rows) list.push(row);
    else this.received.set(key, rows);
  }

  /** The progress with every table's rows whole again (tables that came whole are left as they are). */
  join(progress: RunProgress): RunProgress {
    const section = sectionOf(progress);
    let tables: Tables | null = null;
    for (const [name, table] of Object.entries(section.tables)) {
      const key = JSON.stringify([progress.stage, name]);
      const rows = this.received.get(key);
      if (!rows) continue;
      this.received.delete(key);
      tables ??= { ...section.tables };
      tables[name] = { ...table, rows };
    }
    return tables ? withSection(progress, { ...section, tables }) : progress;
  }
}
