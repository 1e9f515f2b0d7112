import { readFileSync } from 'node:fs';
import { externalLink } from '../support/external-link';
import { describe, expect, it } from 'vitest';
import { decodePermalink, encodePermalink, PermalinkError } from '../../src/permalink/permalink-codec';
import { loadFixture } from '../support/fixtures';
import storedLinks from './stored-links.json';

describe('permalinks', () => {
  // Links people pasted into issues years ago must still open: one stored
  // link per format ever written, decoded by today's code.
  it.each(storedLinks)('opens a stored link of format $format', ({ link, scenario }) => {
    expect(decodePermalink(link)).toStrictEqual(scenario);
  });

  it('round-trips a scenario, every field kept', () => {
    const { scenario } = loadFixture('seed-add-column');
    const full = { ...scenario, dialect: 'sqlite' as const, sequelize: '6.37.8', database: 'shop_test', modes: ['alter-safe' as const], extra: 1 };
    expect(decodePermalink(encodePermalink(full))).toEqual(full);
  });

  it('reads a link built outside the app with zlib and base64url', () => {
    const { file, scenario } = loadFixture('seed-add-column');
    expect(decodePermalink(externalLink(readFileSync(file, 'utf8')))).toEqual(scenario);
  });

  it('keeps the seed example under 1,000 characters', () => {
    expect(encodePermalink(loadFixture('seed-add-column').scenario).length).toBeLessThan(1000);
  });

  it.each([
    ['#x=abc', /no scenario/],
    ['#s=ab$c', /characters base64url does not use/],
    ['#s=AAAA', /does not decompress/],
    [externalLink('{ not json'), /not JSON/],
    [externalLink('{"format":"sync-playground/scenario@7","models":""}'), /not valid\. format: "sync-playground\/scenario@7" was written by a newer Sync Playground/],
    [externalLink('{"format":"other-tool/scenario@1","models":""}'), /not valid\. Invalid scenario: format: must be exactly/],
    [externalLink('{"format":"sync-playground/scenario@1"}'), /models: is required/],
  ])('rejects %s with a message saying what is wrong', (hash, message) => {
    expect(() => decodePermalink(hash)).toThrow(PermalinkError);
    expect(() => decodePermalink(hash)).toThrow(message);
  });
});
