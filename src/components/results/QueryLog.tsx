/**
 * A log of statements grouped by phase, each coloured by what it does
 * (statement-classifier.ts) with destructive ones marked. Kind chips double
 * as a legend and a filter: hiding the dozens of introspection queries of an
 * alter leaves the statements that change something.
 */
import { useMemo, useState } from 'react';
import type { LogEntry, Phase } from '../../engine/result';
import type { Dialect } from '../../engine/scenario';
import { STATEMENT_KINDS, type StatementKind } from '../../engine/statement-classifier';
import { countKinds, groupByPhase, KIND_SHORT } from '../../results/log-groups';
import { plural } from '../../results/verdict';
import { PhaseStatements } from './PhaseStatements';
import './QueryLog.css';

export interface QueryLogProps {
  log: readonly LogEntry[];
  dialect: Dialect;
  /** Pretty-print each statement (data-sql and the copy button keep the exact text). */
  pretty: boolean;
  /** Phases to show even when empty, in order; by default the log's own. */
  phases?: readonly Phase[];
  /** The mode's call, to name the operation phase (`sequelize.sync({ alter: true })`). */
  operation?: string;
}

const PHASE_HINT: Record<Phase, string> = {
  setup: 'the starting database',
  models: 'defining the models',
  operation: 'the sync or drop call',
  after: 'your code after the call',
};

export function QueryLog({ log, dialect, pretty, phases, operation }: QueryLogProps) {
  const [hidden, setHidden] = useState<ReadonlySet<StatementKind>>(() => new Set());
  const kinds = useMemo(() => countKinds(log), [log]);
  const visible = useMemo(() => (hidden.size === 0 ? log : log.filter((e) => !hidden.has(e.kind))), [log, hidden]);
  const all = useMemo(() => groupByPhase(log, phases), [log, phases]);
  const groups = useMemo(
    () =>
      all.map((g) => ({
        ...g,
        total: g.entries.length,
        entries: hidden.size === 0 ? g.entries : g.entries.filter(({ entry }) => !hidden.has(entry.kind)),
      })),
    [all, hidden],
  );

  const toggle = (kind: StatementKind) =>
    setHidden((now) => {
      const next = new Set(now);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });

  return (
    <div className="qlog">
      {(kinds.length > 1 || hidden.size > 0) && (
        <div className="qlog-toolbar">
          {hidden.size > 0 && <span className="qlog-total">{`${visible.length} of ${log.length} shown`}</span>}
          {kinds.length > 1 && (
            <div className="qlog-chips" role="group" aria-label="Show or hide statements by kind">
              {kinds.map(({ kind, count }) => (
                <button
                  key={kind}
                  type="button"
                  className={`qlog-chip qlog-kind-${kind}`}
                  aria-pressed={!hidden.has(kind)}
                  title={`${STATEMENT_KINDS[kind].label}: ${STATEMENT_KINDS[kind].explanation} (click to ${hidden.has(kind) ? 'show' : 'hide'})`}
                  onClick={() => toggle(kind)}
                >
                  <span className="qlog-chip-swatch" aria-hidden="true" />
                  {KIND_SHORT[kind]} <span className="qlog-chip-count">{count}</span>
                </button>
              ))}
            </div>
          )}
        </div>
      )}
      {groups.map(({ phase, entries, total }) => (
        <section
          key={phase}
          className={`qlog-phase${total === 0 ? ' qlog-phase--empty' : ''}`}
          aria-label={`${phase}: ${plural(total, 'statement')}`}
        >
          <h4 className="qlog-phase-title">
            <span className="qlog-phase-name">{phase}</span>
            <span className="qlog-phase-hint">{phase === 'operation' && operation ? operation : PHASE_HINT[phase]}</span>
            <span className="qlog-phase-count">{total}</span>
          </h4>
          {entries.length > 0 ? (
            <PhaseStatements entries={entries} dialect={dialect} pretty={pretty} />
          ) : (
            total > 0 && <p className="qlog-empty">All hidden by the kind filter.</p>
          )}
        </section>
      ))}
      {groups.length === 0 && <p className="qlog-empty">No statements.</p>}
    </div>
  );
}
