/**
 * "Copy as issue": copies the scenario and its result as Markdown for a
 * GitHub issue. Without a clipboard, the text is shown selected to copy by
 * hand, as Share does with its link.
 */
import { useEffect, useRef, useState } from 'react';
import type { IssueMarkdown } from '../share/issue-markdown';

interface CopyIssueButtonProps {
  /** Async: the Markdown writer is its own chunk, fetched on the first copy. */
  getIssue(): Promise<IssueMarkdown>;
  /** What happened, for the menu to show once it closes. */
  onStatus(status: { text: string; warn: boolean }, copied: boolean): void;
}

export function issueStatus(issue: IssueMarkdown, how: 'copied' | 'manual'): string {
  if (issue.tooLong) return how === 'copied' ? 'Too long for an issue: copied the link-only version' : 'Too long for an issue: copy the link-only version';
  const count = issue.text.length.toLocaleString('en-US');
  return how === 'copied' ? `Copied ${count} characters` : `Copy the ${count} characters below`;
}

export function CopyIssueButton({ getIssue, onStatus }: CopyIssueButtonProps) {
  const [manual, setManual] = useState<string | null>(null);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (manual !== null) fieldRef.current?.select();
  }, [manual]);

  const copy = async () => {
    const issue = await getIssue();
    const byHand = () => {
      setManual(issue.text);
      onStatus({ text: issueStatus(issue, 'manual'), warn: issue.tooLong }, false);
    };
    if (!navigator.clipboard?.writeText) return byHand();
    navigator.clipboard.writeText(issue.text).then(() => {
      setManual(null);
      onStatus({ text: issueStatus(issue, 'copied'), warn: issue.tooLong }, true);
    }, byHand);
  };

  return (
    <>
      <button type="button" className="more__item" data-testid="copy-issue" onClick={() => void copy()}>
        Copy as issue
      </button>
      {manual !== null && (
        <textarea ref={fieldRef} className="more__field" data-testid="issue-text" readOnly value={manual} aria-label="Issue text" rows={6} />
      )}
    </>
  );
}
