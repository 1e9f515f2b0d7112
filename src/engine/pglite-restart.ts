/**
 * Starting PGlite again without starting it: the whole state of an idle
 * instance — its wasm memory (the Postgres process) and its data directory
 * files — is kept, and put back later. The host (pglite-host.ts) keeps an
 * instance's state just after it started on the empty cluster (for the next
 * run's baseline) and once a baseline is saved (for every mode), so each
 * gets a new, separate database for the cost of a few memory copies
 * instead of a start.
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
import type { DataDir, DataDirEntry, DataDirFs } from './pglite-datadir';
import type { SyncedFiles } from './memfs-changes';
import { keepMemory, restoreMemory, type KeptMemory } from './wasm-memory-pages';

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

/**
 * Puts a file's bytes back into the array it already has when they fit (a
 * new array per file per mode was most of a restore in the browser), with
 * zeros after them: MEMFS keeps spare capacity, and a write past the end
 * would otherwise expose old bytes in the gap.
 */
function restoreContents(node: EmNode, bytes: Uint8Array): void {
  const contents = node.contents;
  if (contents instanceof Uint8Array && contents.length >= bytes.length) {
    contents.set(bytes);
    contents.fill(0, bytes.length);
  } else {
    node.contents = bytes.slice();
  }
  node.usedBytes = bytes.length;
}

export interface Restartable {
  /** Puts the instance back as it was when taken; false if it cannot be (start a new one). */
  restore(): boolean;
  /**
   * Gives up this state (`restore` returns false from now on) and hands
   * over its memory's buffer, for the next keep to copy into (keepMemory's
   * `spare`); null after the first call.
   */
  release(): ArrayBuffer | null;
  /** The data directory as it was when taken, to start a new instance on when `restore` cannot. */
  readonly files: DataDir;
}

/** Keeps the instance's state; its memory goes into `spare` when large enough (see keepMemory). */
export function keepState(pglite: PGlite, fs: DataDirFs, spare: ArrayBuffer | null = null): Restartable {
  const mod = pglite.Module as unknown as { HEAPU8: Uint8Array; FS: EmFs };
  const emFs = mod.FS;
  const libraryLoads = fs.libraryLoads;
  const changes = fs.changes;

  let memory: KeptMemory | null = keepMemory(mod.HEAPU8, fs.heapTop(), spare);

  // A file unchanged since the files were last known shares those bytes (never written to: restores copy from them).
  const previous = fs.lastSynced;
  const bytesOf = (node: EmNode): Uint8Array => {
    const known = previous && changes.unchangedSince(node, previous.at) ? previous.bytes.get(node) : undefined;
    return known ?? (node.contents as Uint8Array | null)?.slice(0, node.usedBytes) ?? new Uint8Array(0);
  };
  const root = emFs.lookupPath(PGDATA).node;
  const nodes: SavedNode[] = [];
  const files: DataDirEntry[] = [];
  const synced: SyncedFiles = { bytes: new Map(), at: 0 };
  const walk = (dir: EmNode, path: string) => {
    for (const [name, node] of Object.entries(dir.contents as Record<string, EmNode>)) {
      const isDir = emFs.isDir(node.mode);
      const bytes = isDir ? null : bytesOf(node);
      if (bytes) synced.bytes.set(node, bytes);
      nodes.push({ node, parent: dir, name, mode: node.mode, mtime: node.mtime, bytes });
      files.push({ path: `${path}${name}`, data: bytes });
      if (isDir) walk(node, `${path}${name}/`);
    }
  };
  walk(root, '');
  const streams = emFs.streams.map((stream) => stream && { stream, own: { ...stream }, shared: { ...stream.shared } });
  synced.at = changes.now();
  fs.lastSynced = synced;

  return {
    files,
    release() {
      const buffer = memory?.buffer ?? null;
      memory = null;
      return buffer;
    },
    restore() {
      if (!memory || fs.libraryLoads !== libraryLoads || pglite.closed) return false;
      restoreMemory(mod.HEAPU8, memory, fs.heapTop());

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
        // Only files changed since this state was last kept or put back are written.
        if (bytes && !changes.unchangedSince(node, synced.at)) {
          restoreContents(node, bytes);
          changes.changed(node);
        }
        (parent.contents as Record<string, EmNode>)[name] = node;
        emFs.hashAddNode(node);
      }
      synced.at = changes.now();
      fs.lastSynced = synced;

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
