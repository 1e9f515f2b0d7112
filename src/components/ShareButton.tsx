/**
 * Share: copies the link to the scenario and says how long it is. Where the
 * clipboard is not available (an insecure origin, a denied permission), the
 * link is shown in a read-only field, selected, to copy by hand.
 */
import { useEffect, useRef, useState } from 'react';
import { isLongLink, shareStatus } from '../permalink/share-status';
import './ShareButton.css';

interface ShareButtonProps {
  /** The full link to the current scenario. */
  getLink(): string;
}

type ShareState = { kind: 'idle' } | { kind: 'copied'; length: number } | { kind: 'manual'; link: string };

export function ShareButton({ getLink }: ShareButtonProps) {
  const [state, setState] = useState<ShareState>({ kind: 'idle' });
  const fieldRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (state.kind === 'manual') fieldRef.current?.select();
    if (state.kind !== 'copied') return;
    const timer = setTimeout(() => setState({ kind: 'idle' }), 8000);
    return () => clearTimeout(timer);
  }, [state]);

  const share = () => {
    const link = getLink();
    const manual = () => setState({ kind: 'manual', link });
    if (!navigator.clipboard?.writeText) return manual();
    navigator.clipboard.writeText(link).then(() => setState({ kind: 'copied', length: link.length }), manual);
  };

  const long = isLongLink(state.kind === 'copied' ? state.length : state.kind === 'manual' ? state.link.length : 0);
  return (
    <span className="share">
      <button type="button" className="share__button" data-testid="share-button" onClick={share}>
        Share
      </button>
      {state.kind === 'manual' && (
        <input
          ref={fieldRef}
          className="share__field"
          data-testid="share-link"
          readOnly
          value={state.link}
          aria-label="Link to this scenario"
          onFocus={(event) => event.target.select()}
        />
      )}
      <span className="share__status" data-testid="share-status" data-long={long} aria-live="polite">
        {state.kind === 'copied' && shareStatus(state.length, 'copied')}
        {state.kind === 'manual' && shareStatus(state.link.length, 'manual')}
      </span>
    </span>
  );
}
