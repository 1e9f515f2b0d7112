/**
 * The statements of one phase as an ordered list. Past VIRTUAL_FROM
 * statements only the ones in view are in the DOM (@tanstack/react-virtual),
 * inside a scroll box: a bulk insert can log thousands.
 */
import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Dialect } from '../../engine/scenario';
import type { NumberedEntry } from '../../results/log-groups';
import { StatementItem } from './StatementItem';

export const VIRTUAL_FROM = 300;

interface PhaseStatementsProps {
  entries: readonly NumberedEntry[];
  dialect: Dialect;
  pretty: boolean;
}

function VirtualStatements({ entries, dialect, pretty }: PhaseStatementsProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => (pretty ? 64 : 30),
    overscan: 12,
  });
  return (
    <div ref={scroller} className="qlog-scroller" tabIndex={0} aria-label={`${entries.length} statements, scrollable`}>
      <ol className="qlog-list qlog-list--virtual" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const numbered = entries[item.index];
          if (!numbered) return null;
          return (
            <StatementItem
              key={numbered.index}
              ref={virtualizer.measureElement}
              virtualIndex={item.index}
              style={{ transform: `translateY(${item.start}px)` }}
              entry={numbered.entry}
              index={numbered.index}
              dialect={dialect}
              pretty={pretty}
            />
          );
        })}
      </ol>
    </div>
  );
}

export function PhaseStatements(props: PhaseStatementsProps) {
  if (props.entries.length > VIRTUAL_FROM) return <VirtualStatements {...props} />;
  return (
    <ol className="qlog-list">
      {props.entries.map(({ entry, index }) => (
        <StatementItem key={index} entry={entry} index={index} dialect={props.dialect} pretty={props.pretty} />
      ))}
    </ol>
  );
}
