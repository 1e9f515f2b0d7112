/**
 * One logged statement. `data-sql` holds the exact text Sequelize ran and
 * `data-phase` its phase (a stable contract for tests and tools); the text
 * shown may be pretty-printed, the copy button always copies the exact one.
 * In the version comparison it also carries `data-diff` (log-alignment.ts).
 */
import { memo, useState, type CSSProperties, type Ref } from 'react';
import type { LogEntry } from '../../engine/result';
import type { Dialect } from '../../engine/scenario';
import { STATEMENT_KINDS } from '../../engine/statement-classifier';
import { KIND_SHORT } from '../../results/log-groups';
import type { LogDiff } from '../../results/log-alignment';
import { prettySql } from '../../results/sql-text';
import { SqlText } from './SqlText';

interface StatementItemProps {
  entry: LogEntry;
  index: number;
  dialect: Dialect;
  pretty: boolean;
  /** Set by the virtualised list, which positions and measures items. */
  virtualIndex?: number;
  style?: CSSProperties;
  ref?: Ref<HTMLLIElement>;
  /** In the version comparison: whether both releases ran it, and which alone did ("only in 6.37.8"). */
  diff?: { kind: LogDiff; note?: string };
}

function DestructiveIcon() {
  return (
    <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M8.9 1.6a1 1 0 0 0-1.8 0L.3 13.5A1 1 0 0 0 1.2 15h13.6a1 1 0 0 0 .9-1.5L8.9 1.6ZM7.25 5.5h1.5v4.25h-1.5V5.5Zm0 5.75h1.5v1.5h-1.5v-1.5Z"
      />
    </svg>
  );
}

function CopyButton({ sql }: { sql: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="qlog-copy"
      aria-label={copied ? 'Copied' : 'Copy the exact SQL'}
      title={copied ? 'Copied' : 'Copy the exact SQL'}
      onClick={() => {
        void navigator.clipboard?.writeText(sql).then(() => {
          setCopied(true);
          setTimeout(() => setCopied(false), 1200);
        });
      }}
    >
      {copied ? '✓' : (
        <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M5 1.5A1.5 1.5 0 0 1 6.5 0h6A1.5 1.5 0 0 1 14 1.5v8a1.5 1.5 0 0 1-1.5 1.5h-6A1.5 1.5 0 0 1 5 9.5v-8Zm1.5 0v8h6v-8h-6ZM2 5.5A1.5 1.5 0 0 1 3.5 4H4v1.5h-.5v9h6V14H11v.5A1.5 1.5 0 0 1 9.5 16h-6A1.5 1.5 0 0 1 2 14.5v-9Z" />
        </svg>
      )}
    </button>
  );
}

export const StatementItem = memo(function StatementItem({ entry, index, dialect, pretty, virtualIndex, style, ref, diff }: StatementItemProps) {
    const kind = STATEMENT_KINDS[entry.kind];
    const shown = pretty ? prettySql(entry.sql, dialect) : entry.sql;
    const title = `${index + 1}. ${kind.label}${entry.destructive ? ' (destructive: can delete data)' : ''}: ${kind.explanation}${diff?.note ? ` (${diff.note})` : ''}`;
    return (
      <li
        ref={ref}
        style={style}
        data-index={virtualIndex}
        className={`qlog-item qlog-kind-${entry.kind}${entry.destructive ? ' qlog-item--destructive' : ''}`}
        data-sql={entry.sql}
        data-phase={entry.phase}
        data-kind={entry.kind}
        data-diff={diff?.kind}
        title={title}
      >
        <span className="qlog-num" aria-hidden="true">
          {index + 1}
        </span>
        <div className="qlog-body">
          <span className="qlog-kind">
            <span className="qlog-kind-label">{KIND_SHORT[entry.kind]}</span>
            <span className="visually-hidden"> ({kind.label})</span>
          </span>
          {diff?.note && <span className="visually-hidden">{`${diff.note}: `}</span>}
          {entry.destructive && (
            <span className="qlog-destructive" role="img" aria-label="Destructive: can delete data">
              <DestructiveIcon />
            </span>
          )}
          <code className={`qlog-sql${pretty ? ' qlog-sql--pretty' : ''}`}>
            <SqlText sql={shown} />
          </code>
        </div>
        <CopyButton sql={entry.sql} />
      </li>
    );
});
