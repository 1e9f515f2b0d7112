/**
 * A long phase's statements (past VIRTUAL_FROM): only the ones in view are
 * in the DOM (@tanstack/react-virtual), inside a scroll box. Its own chunk,
 * loaded by PhaseStatements when a log is that long: the virtualiser is
 * about 8 kB gzip that the first result of a short scenario does not need.
 */
import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { PhaseStatementsProps } from './PhaseStatements';
import { StatementItem } from './StatementItem';

export default function VirtualStatements({ entries, dialect, pretty }: PhaseStatementsProps) {
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
