/**
 * SQL with syntax colours: sql-highlight's segments rendered as React text
 * inside spans. Never its HTML output: the SQL comes from user code.
 */
import { memo } from 'react';
import { sqlSegments } from '../../results/sql-text';
import './SqlText.css';

/** Segments drawn as plain text: no colour, so no span to build. */
const PLAIN = new Set(['whitespace', 'plain']);

export const SqlText = memo(function SqlText({ sql }: { sql: string }) {
  return (
    <>
      {sqlSegments(sql).map((segment, i) =>
        PLAIN.has(segment.name) ? (
          segment.content
        ) : (
          <span key={i} className={`sqltext-${segment.name}`}>
            {segment.content}
          </span>
        ),
      )}
    </>
  );
});
