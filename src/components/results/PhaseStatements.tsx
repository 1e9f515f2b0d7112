/**
 * The statements of one phase as an ordered list. Past VIRTUAL_FROM
 * statements only the ones in view are in the DOM (VirtualStatements),
 * inside a scroll box: a bulk insert can log thousands.
 */
import { lazy, Suspense } from 'react';
import type { Dialect } from '../../engine/scenario';
import type { NumberedEntry } from '../../results/log-groups';
import { StatementItem } from './StatementItem';

export const VIRTUAL_FROM = 300;

export interface PhaseStatementsProps {
  entries: readonly NumberedEntry[];
  dialect: Dialect;
  pretty: boolean;
}

// Not loaded before the first result (see VirtualStatements.tsx): fetched
// after it, or when a log first gets that long.
const loadVirtualStatements = () => import('./VirtualStatements');
const VirtualStatements = lazy(loadVirtualStatements);

/** Fetches the long-log view ahead of need (after the first result). */
export function preloadVirtualStatements(): void {
  void loadVirtualStatements();
}

export function PhaseStatements(props: PhaseStatementsProps) {
  if (props.entries.length > VIRTUAL_FROM) {
    return (
      // Until the chunk is here (once, for a few milliseconds): the empty scroll box.
      <Suspense fallback={<div className="qlog-scroller" aria-busy="true" aria-label={`${props.entries.length} statements, loading`} />}>
        <VirtualStatements {...props} />
      </Suspense>
    );
  }
  return (
    <ol className="qlog-list">
      {props.entries.map(({ entry, index }) => (
        <StatementItem key={index} entry={entry} index={index} dialect={props.dialect} pretty={props.pretty} />
      ))}
    </ol>
  );
}
