import { describe, expect, it } from 'vitest';
import { issueStatus } from '../../src/components/CopyIssueButton';

describe('Copy as issue status', () => {
  it('says how many characters were copied, or that only the short version fit', () => {
    expect(issueStatus({ text: 'x'.repeat(7569), tooLong: false }, 'copied')).toBe('Copied 7,569 characters');
    expect(issueStatus({ text: 'short', tooLong: true }, 'copied')).toBe('Too long for an issue: copied the link-only version');
    expect(issueStatus({ text: 'abc', tooLong: false }, 'manual')).toBe('Copy the 3 characters below');
  });
});
