/**
 * A WebAssembly memory kept and put back by pages, up to the top of the
 * instance's heap. A Postgres instance's memory is 134 MB or more, but
 * only what lies below its allocator's break was ever written (its data,
 * stack and heap; see DataDirFs.heapTop), and of that, pages never touched
 * are zeros: only the pages holding something are copied.
 *
 * Why the top matters: reading memory the instance never touched is what
 * made this slow. In Chromium, the first read of an untouched page costs a
 * fault (a whole scan of a new instance's 134 MB took 0.6 s), and each
 * later scan 40–100 ms; below the top it is a fraction of that.
 */
const PAGE = 65536;
const PAGE_WORDS = PAGE >> 2;

/** A memory as its non-zero runs of pages below `top`, the heap's top when kept. */
export interface KeptMemory {
  top: number;
  runs: Array<{ at: number; bytes: Uint8Array }>;
  /**
   * The one buffer every run's bytes are a view of: once this memory is no
   * longer needed, it can be the `spare` of the next keep.
   */
  buffer: ArrayBuffer;
}

function isZeroPage(words: Int32Array, page: number): boolean {
  const end = Math.min((page + 1) * PAGE_WORDS, words.length);
  let i = page * PAGE_WORDS;
  // Four words a step: a quarter of the branches (the page is whole words, a multiple of four).
  for (; i + 3 < end; i += 4) if ((words[i]! | words[i + 1]! | words[i + 2]! | words[i + 3]!) !== 0) return false;
  for (; i < end; i++) if (words[i] !== 0) return false;
  return true;
}

const pagesUpTo = (bytes: number) => Math.ceil(bytes / PAGE);

/**
 * Copies the runs of pages below `top` that are not all zeros, into
 * `spare` when it is large enough. Why a spare: a new buffer is memory the
 * process never touched, and in Chromium here each first write to it
 * faulted (12.7 MB, a Postgres baseline, took 40–140 ms to copy into a new
 * buffer; a re-run's whole keep, into a reused one, takes 13–19 ms).
 */
export function keepMemory(heap: Uint8Array, top: number, spare: ArrayBuffer | null = null): KeptMemory {
  const words = new Int32Array(heap.buffer, 0, heap.length >> 2);
  const pages = Math.min(pagesUpTo(top), pagesUpTo(heap.length));
  const ranges: Array<{ at: number; end: number }> = [];
  let total = 0;
  for (let page = 0; page < pages; ) {
    if (isZeroPage(words, page)) {
      page++;
      continue;
    }
    let end = page + 1;
    while (end < pages && !isZeroPage(words, end)) end++;
    const range = { at: page * PAGE, end: Math.min(end * PAGE, heap.length) };
    ranges.push(range);
    total += range.end - range.at;
    page = end;
  }
  const buffer = spare && spare.byteLength >= total ? spare : new ArrayBuffer(total);
  let offset = 0;
  const runs = ranges.map(({ at, end }) => {
    const bytes = new Uint8Array(buffer, offset, end - at);
    bytes.set(heap.subarray(at, end));
    offset += end - at;
    return { at, bytes };
  });
  return { top, runs, buffer };
}

/**
 * A buffer of `bytes` already written once, for a keep to copy into without
 * faulting (see keepMemory): made while the engine waits for something
 * else, such as PGlite's download.
 */
export function touchedBuffer(bytes: number): ArrayBuffer {
  const buffer = new ArrayBuffer(bytes);
  new Uint8Array(buffer).fill(0);
  return buffer;
}

/** The memory PGlite makes for an instance unless given one: 128 MB, growable to 2 GB (in 64 KB pages). */
export const PGLITE_MEMORY = { initial: 2048, maximum: 32768 } as const;

/**
 * A memory for a PGlite instance (as PGlite would make it) whose first
 * `bytes` are already written once, like touchedBuffer: Postgres's first
 * writes to its stack and heap, and the first keep's reads below the
 * heap's top, then find the pages there instead of faulting each in while
 * the person waits. Made while PGlite downloads.
 */
export function touchedWasmMemory(bytes: number): WebAssembly.Memory {
  const memory = new WebAssembly.Memory(PGLITE_MEMORY);
  new Uint8Array(memory.buffer, 0, Math.min(bytes, memory.buffer.byteLength)).fill(0);
  return memory;
}

/**
 * Puts the kept pages back and zeroes every other page that is not zero now
 * below the higher of the kept top and `top` (the heap's top now): what the
 * allocator handed out since, including memory grown since. Only those are
 * written, so untouched pages stay uncommitted, and nothing above both tops
 * is read: it was never written.
 */
export function restoreMemory(heap: Uint8Array, memory: KeptMemory, top: number): void {
  const words = new Int32Array(heap.buffer, 0, heap.length >> 2);
  const zeroDirtyPages = (from: number, to: number) => {
    for (let page = from / PAGE; page * PAGE < to; page++) if (!isZeroPage(words, page)) heap.fill(0, page * PAGE, (page + 1) * PAGE);
  };
  let next = 0;
  for (const { at, bytes } of memory.runs) {
    zeroDirtyPages(next, at);
    heap.set(bytes, at);
    next = at + bytes.length;
  }
  zeroDirtyPages(next, Math.min(pagesUpTo(Math.max(top, memory.top)) * PAGE, heap.length));
}
