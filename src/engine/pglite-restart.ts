/**
 * Starting PGlite again without starting it: the whole state of an instance
 * just after it started — its wasm memory (the Postgres process) and its
 * data directory files — is kept, and put back for the next mode. The
 * restored instance is the same process image and the same files as a new
 * start from the same data directory, so the mode gets a new, separate
 * database, for the cost of a few memory copies instead of a start.
 *
 * PGlite's initdb does the same between its postgres runs (it restores
 * the wasm memory before each `callMain`). What lives outside the memory is
 * put back too: the files under the data directory (MEMFS nodes, kept by
 * identity because Postgres holds open descriptors to them) and the open
 * file descriptors. A library Postgres loads after the snapshot (dlopen of
 * plpgsql for a DO block, dict_snowball for to_tsvector, ...) is also
 * registered in JavaScript and cannot be taken back (a later load of it in
 * a restored instance fails): such an instance is not restored (`restore`
 * returns false, see DataDirFs.libraryLoads) and the caller starts anew.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { DataDirFs } from './pglite-datadir';

const PGDATA = '/pglite/data';

/** The parts of Emscripten's FS and MEMFS nodes used here. */
interface EmNode {
  parent: EmNode;
  name: string;
  mode: number;
  mtime: number;
  contents: Record<string, EmNode> | Uint8Array | null;
  usedBytes?: number;
}
interface EmStream {
  fd: number | null;
  shared: Record<string, unknown>;
  [key: string]: unknown;
}
interface EmFs {
  lookupPath(path: string): { node: EmNode };
  isDir(mode: number): boolean;
  hashAddNode(node: EmNode): void;
  hashRemoveNode(node: EmNode): void;
    streams: Array<EmStream | null>;
}

interface SavedNode {
  node: EmNode;
  parent: EmNode;
  name: string;
  mode: number;
  mtime: number;
  /** A file's bytes; null for a directory. */
  bytes: Uint8Array | null;
}

export interface Restartable {
  /** Puts the instance back as it was when taken; false if it cannot be (start a new one). */
  restore(): boolean;
}

export function keepStartedState(pglite: PGlite, fs: DataDirFs): Restartable {
  const mod = pglite.Module as unknown as { HEAPU8: Uint8Array; FS: EmFs };
  const emFs = mod.FS;
  const libraryLoads = fs.libraryLoads;

  // Memory above the last non-zero 64 KiB was never used: it is not kept, only zeroed on restore.
  const heap = mod.HEAPU8;
  const words = new Int32Array(heap.buffer, 0, heap.length >> 2);
  let used = words.length;
  while (used > 0 && words[used - 1] === 0) used--;
  const memory = heap.slice(0, Math.ceil((used * 4) / 65536) * 65536);

  const root = emFs.lookupPath(PGDATA).node;
  const nodes: SavedNode[] = [];
  const walk = (dir: EmNode) => {
    for (const [name, node] of Object.entries(dir.contents as Record<string, EmNode>)) {
      const isDir = emFs.isDir(node.mode);
      const bytes = isDir ? null : ((node.contents as Uint8Array | null)?.slice(0, node.usedBytes) ?? new Uint8Array(0));
      nodes.push({ node, parent: dir, name, mode: node.mode, mtime: node.mtime, bytes });
      if (isDir) walk(node);
    }
  };
  walk(root);
  const streams = emFs.streams.map((stream) => stream && { stream, own: { ...stream }, shared: { ...stream.shared } });

  return {
    restore() {
      if (fs.libraryLoads !== libraryLoads || pglite.closed) return false;
      const now = mod.HEAPU8;
      now.set(memory);
      // Above the kept memory only what the allocator took since can be
      // non-zero, and it takes memory upwards: zero until a megabyte of
      // zeros (anything past it would be memory the restored allocator
      // counts as free, and calloc clears what it hands out).
      const tail = new Int32Array(now.buffer, memory.length, (now.length - memory.length) >> 2);
      let dirty = 0;
      for (let zeroRun = 0; dirty < tail.length && zeroRun < 16; dirty += 16384) {
        const end = Math.min(dirty + 16384, tail.length);
        let zero = true;
        for (let i = dirty; i < end; i++) if (tail[i] !== 0) { zero = false; break; }
        zeroRun = zero ? zeroRun + 1 : 0;
      }
      tail.fill(0, 0, dirty);

      const unlinkAll = (dir: EmNode) => {
        for (const [name, node] of Object.entries(dir.contents as Record<string, EmNode>)) {
          if (emFs.isDir(node.mode)) unlinkAll(node);
          emFs.hashRemoveNode(node);
          delete (dir.contents as Record<string, EmNode>)[name];
        }
      };
      unlinkAll(root);
      for (const { node, parent, name, mode, mtime, bytes } of nodes) {
        Object.assign(node, { parent, name, mode, mtime });
        if (bytes) Object.assign(node, { contents: bytes.slice(), usedBytes: bytes.length });
        (parent.contents as Record<string, EmNode>)[name] = node;
        emFs.hashAddNode(node);
      }

      emFs.streams.length = 0;
      streams.forEach((saved, fd) => {
        if (!saved) return;
        Object.assign(saved.stream, saved.own);
        // Streams made by dup share one `shared`: restore it in place.
        Object.assign(saved.stream.shared, saved.shared);
        emFs.streams[fd] = saved.stream;
      });
      return true;
    },
  };
}
