/**
 * A kept memory goes into a spare buffer when one is large enough
 * (wasm-memory-pages.ts): the pages must come back exactly as kept, and a
 * spare too small must not be written past or half used.
 */
import { describe, expect, it } from 'vitest';
import { keepMemory, restoreMemory } from '../../src/engine/wasm-memory-pages';

const PAGE = 65536;

/** Whether two memories hold the same bytes (a deep equal of half a megabyte takes seconds). */
const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));

/** A heap of `pages` pages with bytes in pages 1, 2 and 5 (3 and 4 zero). */
function heapWithPages(pages: number): Uint8Array {
  const heap = new Uint8Array(pages * PAGE);
  for (const page of [1, 2, 5]) for (let i = 0; i < PAGE; i += 997) heap[page * PAGE + i] = (page * 31 + i) % 251 || 1;
  return heap;
}

describe('kept WebAssembly memory', () => {
  it('copies the pages that hold something into the spare, and puts them back', () => {
    const heap = heapWithPages(8);
    const original = heap.slice();
    const spare = new ArrayBuffer(4 * PAGE);
    new Uint8Array(spare).fill(0xee);
    const kept = keepMemory(heap, 7 * PAGE, spare);
    expect(kept.buffer).toBe(spare);
    expect(kept.runs.map(({ at, bytes }) => [at / PAGE, bytes.length / PAGE])).toEqual([
      [1, 2],
      [5, 1],
    ]);
    // What the instance did since: pages kept changed, a zero page written, the top grown.
    heap.fill(7, PAGE, PAGE + 100);
    heap.fill(9, 3 * PAGE + 5, 3 * PAGE + 50);
    heap.fill(4, 5 * PAGE, 6 * PAGE);
    heap.fill(3, 7 * PAGE + 1, 7 * PAGE + 9);
    restoreMemory(heap, kept, 8 * PAGE);
    expect(sameBytes(heap, original)).toBe(true);
  });

  it('takes a new buffer when the spare is too small', () => {
    const heap = heapWithPages(8);
    const spare = new ArrayBuffer(2 * PAGE);
    const kept = keepMemory(heap, 8 * PAGE, spare);
    expect(kept.buffer).not.toBe(spare);
    expect(kept.buffer.byteLength).toBe(3 * PAGE);
    expect(sameBytes(new Uint8Array(spare), new Uint8Array(2 * PAGE))).toBe(true);
    heap.fill(1, 0, heap.length);
    restoreMemory(heap, kept, 8 * PAGE);
    expect(sameBytes(heap, heapWithPages(8))).toBe(true);
  });
});
