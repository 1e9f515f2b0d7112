/**
 * The examples menu's two halves agree: the first load lists titles and
 * notices (read at build time), the scenarios come in a chunk of their own.
 */
import { describe, expect, it } from 'vitest';
import { EXAMPLE_ENTRIES, FIRST_EXAMPLE, findExampleEntry, loadExample, loadExamples } from '../../src/examples/examples';

describe('examples', () => {
  it('lists every example with its scenario’s own title and notice, in menu order, the seed first', async () => {
    const loaded = await loadExamples();
    expect(EXAMPLE_ENTRIES.map(({ id, title, notice }) => ({ id, title, notice }))).toEqual(loaded.map(({ id, title, notice }) => ({ id, title, notice })));
    expect(EXAMPLE_ENTRIES.length).toBeGreaterThan(20);
    expect(EXAMPLE_ENTRIES[0]?.id).toBe(FIRST_EXAMPLE.id);
    expect(loaded[0]?.scenario).toEqual(FIRST_EXAMPLE.scenario);
    for (const entry of EXAMPLE_ENTRIES) expect(entry.notice, entry.id).not.toBe('');
  });

  it('finds an example by id, and nothing for an id that is not one', async () => {
    expect(findExampleEntry('cascade-parent-altered')?.title).toBe((await loadExample('cascade-parent-altered'))?.scenario.title);
    expect(findExampleEntry('no-such-example')).toBeUndefined();
    expect(await loadExample('no-such-example')).toBeUndefined();
  });
});
