/**
 * A mode's outcome in a few words ("2 rows lost in IntegerNames"), with the
 * rest of what happened as detail lines. The words come from the loss report
 * and the log, so the headline always agrees with the rows and statements
 * shown below it.
 */
import type { ForeignKeySnapshot, ModeResult, Tables } from '../engine/result';
import type { TableLoss } from '../engine/loss-diff';
import { logTableEffects, type LogTableEffects } from './log-tables';

export type VerdictTone = 'ok' | 'warn' | 'danger' | 'error';

export interface Verdict {
  tone: VerdictTone;
  /** The headline: short enough for a badge. */
  text: string;
  /** Everything else worth knowing, one short line each. */
  details: string[];
}

interface Finding {
  tone: VerdictTone;
  headline: string;
  details: string[];
}

const SEVERITY: Record<VerdictTone, number> = { error: 3, danger: 2, warn: 1, ok: 0 };

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "a", "a and b", "3 tables" — names while they stay short. */
function names(list: readonly string[], noun: string): string {
  if (list.length === 1) return `${noun} ${list[0] ?? ''}`;
  if (list.length === 2) return `${noun}s ${list[0] ?? ''}, ${list[1] ?? ''}`;
  return plural(list.length, noun);
}

/**
 * The ON DELETE action that explains a table's loss: a foreign key of the
 * baseline table whose parent was dropped (by a rebuild, usually) while the
 * table itself was neither dropped nor emptied by any statement.
 */
function cascadeFrom(
  table: string,
  sources: ReadonlyArray<Tables | null>,
  effects: LogTableEffects,
  actions: readonly string[],
): ForeignKeySnapshot | undefined {
  if (effects.destroyedDirectly.has(table)) return undefined;
  for (const tables of sources) {
    const fk = tables?.[table]?.foreignKeys.find(
      (key) => actions.includes(key.onDelete.toUpperCase()) && effects.dropped.has(key.table),
    );
    if (fk) return fk;
  }
  return undefined;
}

function lossFindings(mode: ModeResult, baseline: Tables | null, effects: LogTableEffects): Finding[] {
  // The baseline's keys explain a loss best; the keys after serve when it is not given.
  const sources = [baseline, mode.tables];
  const findings: Finding[] = [];
  const tables = mode.loss.tables;
  const dropped = tables.filter((t) => t.change === 'dropped');
  if (dropped.length > 0) {
    findings.push({
      tone: 'danger',
      headline: `${names(dropped.map((t) => t.table), 'table')} dropped`,
      details: dropped.map((t) => `table ${t.table} dropped with its ${plural(t.rowsBefore, 'row')}`),
    });
  }

  const losing = tables.filter((t) => t.change === 'kept' && t.rowsLost > 0);
  if (losing.length > 0) {
    const cascaded = (t: TableLoss) => cascadeFrom(t.table, sources, effects, ['CASCADE']);
    const lost = losing.reduce((sum, t) => sum + t.rowsLost, 0);
    const where = losing.length === 1 ? (losing[0]?.table ?? '') : plural(losing.length, 'table');
    const allCascade = losing.every((t) => cascaded(t) !== undefined);
    findings.push({
      tone: 'danger',
      headline: `${plural(lost, 'row')} lost in ${where}${allCascade ? ' (cascade)' : ''}`,
      details: losing.map((t) => {
        const fk = cascaded(t);
        const cause = fk ? ` (ON DELETE CASCADE when ${fk.table} was dropped)` : '';
        return `${t.table} kept ${t.rowsKept} of its ${plural(t.rowsBefore, 'row')}${cause}`;
      }),
    });
  }

  const columns = mode.loss.columnsDropped;
  if (columns.length > 0) {
    findings.push({
      tone: 'danger',
      headline: `${names(columns.map((c) => c.column), 'column')} dropped`,
      details: tables
        .filter((t) => t.change === 'kept' && t.columnsDropped.length > 0)
        .map((t) => {
          const values = t.valuesInDroppedColumns > 0 ? ` with ${plural(t.valuesInDroppedColumns, 'value')}` : '';
          return `${t.table}: ${t.columnsDropped.join(', ')} dropped${values}`;
        }),
    });
  }

  for (const t of tables.filter((x) => x.valuesNulled > 0)) {
    const setNull = cascadeFrom(t.table, sources, effects, ['SET NULL']);
    findings.push({
      tone: 'danger',
      headline: `${plural(t.valuesNulled, 'value')} nulled in ${t.table}${setNull ? ' (SET NULL)' : ''}`,
      details: setNull ? [`${t.table}.${setNull.columns.join(', ')} set to NULL by ON DELETE SET NULL when ${setNull.table} was dropped`] : [],
    });
  }
  for (const t of tables.filter((x) => x.valuesChanged - x.valuesNulled > 0)) {
    findings.push({ tone: 'warn', headline: `${plural(t.valuesChanged - t.valuesNulled, 'value')} changed in ${t.table}`, details: [] });
  }
  return findings;
}

function changeFindings(mode: ModeResult, effects: LogTableEffects, lossy: boolean): Finding[] {
  const findings: Finding[] = [];
  const { loss } = mode;
  if (loss.leftoverTables.length > 0) {
    findings.push({
      tone: 'warn',
      headline: `leftover ${names(loss.leftoverTables, 'table')}`,
      details: loss.leftoverTables.map((t) => `${t} left behind: no model owns it`),
    });
  }
  if (effects.rebuilt.length > 0) {
    const what = effects.rebuilt.length === 1 ? 'table rebuilt' : `${effects.rebuilt.length} tables rebuilt`;
    findings.push({
      tone: 'ok',
      headline: lossy ? what : `${what}, no data lost`,
      details: [`rebuilt through a copy: ${effects.rebuilt.join(', ')}`],
    });
  }
  const added = loss.tables.filter((t) => t.change === 'kept').flatMap((t) => t.columnsAdded.map((c) => ({ t: t.table, c })));
  if (added.length > 0) {
    findings.push({
      tone: 'ok',
      headline: `${names(added.map((a) => a.c), 'column')} added`,
      details: added.map((a) => `column ${a.c} added to ${a.t}`),
    });
  }
  const changed = loss.tables.flatMap((t) => t.columnsChanged.map((c) => `${t.table}.${c}`));
  if (changed.length > 0) {
    findings.push({ tone: 'ok', headline: `${names(changed, 'column')} changed`, details: changed.map((c) => `column ${c} changed`) });
  }
  const created = loss.tables.filter((t) => t.change === 'created').map((t) => t.table);
  if (created.length > 0) {
    findings.push({ tone: 'ok', headline: `${names(created, 'table')} created`, details: created.map((t) => `table ${t} created`) });
  }
  return findings;
}

/**
 * @param baseline the baseline's tables, whose foreign keys tell a cascade;
 *   without it the keys of the tables after are used.
 */
export function modeVerdict(mode: ModeResult, baseline: Tables | null = null): Verdict {
  const effects = logTableEffects(mode.log);
  const findings: Finding[] = [];
  if (mode.error) {
    findings.push({
      tone: 'error',
      headline: `failed in phase ${mode.error.phase}: ${mode.error.name}`,
      details: [mode.error.message],
    });
  }
  findings.push(...lossFindings(mode, baseline, effects));
  findings.push(...changeFindings(mode, effects, mode.loss.lossy));

  const extras: string[] = [];
  if (mode.loss.rowsAdded > 0) extras.push(`${plural(mode.loss.rowsAdded, 'row')} added`);

  // The most severe finding leads; a stable sort keeps the order above among equals.
  const ordered = [...findings].sort((a, b) => SEVERITY[b.tone] - SEVERITY[a.tone]);
  const [lead, ...rest] = ordered;
  if (!lead) return { tone: 'ok', text: 'no change', details: extras };
  const details = [...lead.details, ...rest.flatMap((f) => (f.details.length > 0 ? f.details : [f.headline])), ...extras];
  // A lead whose only detail repeats it adds nothing.
  return { tone: lead.tone, text: lead.headline, details: details.filter((d) => d !== lead.headline) };
}
