/**
 * "⋯ More" beside Share: Copy as issue, Download reproduction, Download
 * .json, Open .json. A menu,
 * so the toolbar keeps one line at 1280 px; what an action did is said
 * under the menu button once it closes.
 */
import { useEffect, useRef, useState } from 'react';
import type { ScenarioInput } from '../engine/scenario';
import type { IssueMarkdown } from '../share/issue-markdown';
import type { ScenarioFileRead } from '../share/scenario-file';
import type { ReproductionFiles } from '../export/repro-export';
import { CopyIssueButton } from './CopyIssueButton';
import { ReproductionButton } from './ReproductionButton';
import { ScenarioFileButtons } from './ScenarioFileButtons';
import { useMenuDismiss } from './use-menu-dismiss';
import './MoreMenu.css';

interface MoreMenuProps {
  scenario: ScenarioInput;
  getIssue(): Promise<IssueMarkdown>;
  exportReproduction(scenario: ScenarioInput): Promise<ReproductionFiles>;
  onFileRead(read: ScenarioFileRead): void;
}

export function MoreMenu({ scenario, getIssue, exportReproduction, onFileRead }: MoreMenuProps) {
  const [status, setStatus] = useState<{ text: string; warn: boolean } | null>(null);
  const menuRef = useRef<HTMLDetailsElement>(null);
  const close = () => menuRef.current?.removeAttribute('open');
  useMenuDismiss(menuRef);
  // The note goes after a while, as Share's does.
  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(null), 8000);
    return () => clearTimeout(timer);
  }, [status]);
  return (
    <span className="more">
      <span className="more__status" data-testid="more-status" data-warn={status?.warn ?? false} aria-live="polite">
        {status?.text}
      </span>
      <details ref={menuRef} className="more__menu" data-testid="more-menu" onToggle={() => menuRef.current?.open && setStatus(null)}>
        <summary className="more__summary">⋯ More</summary>
        <div className="more__panel">
          <CopyIssueButton
            getIssue={getIssue}
            onStatus={(next, copied) => {
              setStatus(next);
              // Copied: done. By hand: the panel stays open on the selected text.
              if (copied) close();
            }}
          />
          <ReproductionButton
            scenario={scenario}
            exportReproduction={exportReproduction}
            onStatus={(next) => {
              close();
              setStatus(next);
            }}
          />
          <ScenarioFileButtons
            scenario={scenario}
            onRead={(read) => {
              close();
              onFileRead(read);
            }}
          />
        </div>
      </details>
    </span>
  );
}
