/**
 * PGlite's file bundle is read ahead (src/worker/engine-download.ts,
 * readAhead) while the WebAssembly downloads: PGlite's first start gets
 * those bytes, every later start its own copy, and the bundle stays a Blob
 * of the same bytes for anything else that reads it.
 */
import { describe, expect, it } from 'vitest';
import { readAhead } from '../../src/worker/engine-download';

describe('readAhead', () => {
  it('answers the first arrayBuffer() with the bytes read ahead, and later ones with new copies', async () => {
    const content = new Uint8Array(4096).map((_, i) => i % 251);
    const original = new Blob([content]);
    const blob = await readAhead(original);

    expect(blob).toBe(original);
    expect(blob).toBeInstanceOf(Blob);
    expect(blob.size).toBe(content.length);
    const first = await blob.arrayBuffer();
    expect(new Uint8Array(first)).toEqual(content);
    // The first caller owns its bytes: what it writes reaches no later caller.
    new Uint8Array(first).fill(7);
    const second = await blob.arrayBuffer();
    expect(second).not.toBe(first);
    expect(new Uint8Array(second)).toEqual(content);
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(content);
    expect(new Uint8Array(await new Response(blob.stream()).arrayBuffer())).toEqual(content);
    expect(Object.hasOwn(blob, 'arrayBuffer')).toBe(false);
  });
});
