/** The short facts shown beside a closed "Schema after" or "Rows after". */
import type { LossReport } from '../engine/loss-diff';
import { plural } from './verdict';

export function schemaMeta(loss: LossReport): string {
  const parts: string[] = [];
  const dropped = loss.tablesDropped.length;
  const created = loss.tables.filter((t) => t.change === 'created').length;
  const added = loss.tables.reduce((n, t) => n + (t.change === 'kept' ? t.columnsAdded.length : 0), 0);
  const changed = loss.tables.reduce((n, t) => n + t.columnsChanged.length, 0);
  if (dropped) parts.push(`${plural(dropped, 'table')} dropped`);
  if (created) parts.push(`${plural(created, 'table')} created`);
  if (loss.leftoverTables.length) parts.push(`${plural(loss.leftoverTables.length, 'leftover table')}`);
  if (loss.columnsDropped.length) parts.push(`${plural(loss.columnsDropped.length, 'column')} dropped`);
  if (added) parts.push(`${plural(added, 'column')} added`);
  if (changed) parts.push(`${plural(changed, 'column')} changed`);
  return parts.length > 0 ? parts.join(' · ') : 'unchanged';
}

export function lossMeta(loss: LossReport): string {
  const parts: string[] = [];
  if (loss.rowsLost) parts.push(`${loss.rowsLost} lost`);
  if (loss.rowsAdded) parts.push(`${loss.rowsAdded} new`);
  if (loss.valuesNulled) parts.push(`${loss.valuesNulled} nulled`);
  if (loss.valuesChanged - loss.valuesNulled > 0) parts.push(`${loss.valuesChanged - loss.valuesNulled} changed`);
  const inDropped = loss.tables.reduce((n, t) => n + t.valuesInDroppedColumns, 0);
  if (inDropped) parts.push(`${plural(inDropped, 'value')} in dropped columns`);
  return parts.length > 0 ? parts.join(' · ') : 'no row lost or changed';
}
