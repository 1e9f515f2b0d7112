/**
 * A WebAssembly memory kept and put back by pages: most of a Postgres
 * instance's memory (134 MB or more) is zeros it never touched, so only the
 * pages holding something are copied. Copying all of it took 0.5 s, most of
 * it faulting in fresh pages; the pages in use are about a tenth.
 */
const PAGE = 65536;
const PAGE_WORDS = PAGE >> 2;

/** A memory as its non-zero runs of pages: most of a Postgres instance's memory is zeros it never touched. */
export interface KeptMemory {
  runs: Array<{ at: number; bytes: Uint8Array }>;
}

function isZeroPage(words: Int32Array, page: number): boolean {
  const end = Math.min((page + 1) * PAGE_WORDS, words.length);
  for (let i = page * PAGE_WORDS; i < end; i++) if (words[i] !== 0) return false;
  return true;
}

/** Copies the runs of pages that are not all zeros. */
export function keepMemory(heap: Uint8Array): KeptMemory {
  const words = new Int32Array(heap.buffer, 0, heap.length >> 2);
  const pages = Math.ceil(heap.length / PAGE);
  const runs: KeptMemory['runs'] = [];
  for (let page = 0; page < pages; ) {
    if (isZeroPage(words, page)) {
      page++;
      continue;
    }
    let end = page + 1;
    while (end < pages && !isZeroPage(words, end)) end++;
    runs.push({ at: page * PAGE, bytes: heap.slice(page * PAGE, Math.min(end * PAGE, heap.length)) });
    page = end;
  }
  return { runs };
}

/**
 * Puts the kept pages back and zeroes every other page that is not zero now
 * (what the allocator handed out since, anywhere, including memory grown
 * since): only those are written, so untouched pages stay uncommitted.
 */
export function restoreMemory(heap: Uint8Array, memory: KeptMemory): void {
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
  zeroDirtyPages(next, heap.length);
}
