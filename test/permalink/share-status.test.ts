import { describe, expect, it } from 'vitest';
import { shareStatus } from '../../src/permalink/share-status';

describe('the Share status', () => {
  it('says how long the link is', () => {
    expect(shareStatus(812, 'copied')).toBe('Link copied — 812 characters');
    expect(shareStatus(8000, 'manual')).toBe('Copy the link — 8,000 characters');
  });

  it('warns past 8,000 characters', () => {
    expect(shareStatus(8001, 'copied')).toBe('Link copied — 8,001 characters (long links may be cut by some apps)');
  });
});
