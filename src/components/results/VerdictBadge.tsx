/** A verdict's headline, coloured by its tone, with an icon that repeats the tone for those who cannot see colour. */
import type { Verdict, VerdictTone } from '../../results/verdict';
import './VerdictBadge.css';

const ICON: Record<VerdictTone, string> = {
  ok: 'M6.2 11.6 2.6 8l1.1-1.1 2.5 2.5 6.1-6.1 1.1 1.1z',
  warn: 'M7.25 3h1.5v6h-1.5zM7.25 10.75h1.5v1.5h-1.5z',
  danger: 'M8.9 1.6a1 1 0 0 0-1.8 0L.3 13.5A1 1 0 0 0 1.2 15h13.6a1 1 0 0 0 .9-1.5L8.9 1.6ZM7.25 5.5h1.5v4.25h-1.5V5.5Zm0 5.75h1.5v1.5h-1.5v-1.5Z',
  error: 'M4.3 3.2 8 6.9l3.7-3.7 1.1 1.1L9.1 8l3.7 3.7-1.1 1.1L8 9.1l-3.7 3.7-1.1-1.1L6.9 8 3.2 4.3z',
};

export function VerdictBadge({ verdict, testId, compact = false }: { verdict: Verdict; testId?: string; compact?: boolean }) {
  return (
    <div
      className={`verdict verdict--${verdict.tone}${compact ? ' verdict--compact' : ''}`}
      data-testid={testId}
      data-tone={verdict.tone}
      title={verdict.details.length > 0 ? verdict.details.join('\n') : undefined}
    >
      <svg className="verdict-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        <path fill="currentColor" d={ICON[verdict.tone]} />
      </svg>
      <span className="verdict-text">{verdict.text}</span>
    </div>
  );
}
