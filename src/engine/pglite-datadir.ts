/**
 * A PostgreSQL data directory kept as a list of files in memory, and the
 * PGlite filesystem that starts from it.
 *
 * Why not `loadDataDir` (a tarball): PGlite reads the Blob, untars it and
 * writes every file through paths on each start; with a list of files a
 * mode only pays for the copy into its own MEMFS (each instance owns its
 * bytes, so modes stay separate databases). The list is taken from the
 * instance's filesystem after CHECKPOINT, which is what `dumpDataDir` reads.
 */
import type { MemoryFS, PGlite } from '@electric-sql/pglite';
import { FileChanges, type FileOperations, type SyncedFiles } from './memfs-changes';

/** A file (bytes) or a directory (null), by path inside the data directory. */
export interface DataDirEntry {
  readonly path: string;
  readonly data: Uint8Array | null;
}
/** Parents come before their children. */
export type DataDir = readonly DataDirEntry[];

const PGDATA = '/pglite/data';

/** PGlite's Emscripten FS, as far as this file uses it. */
interface EmFs {
  readdir(path: string): string[];
  stat(path: string): { mode: number };
  isDir(mode: number): boolean;
  readFile(path: string): Uint8Array;
  writeFile(path: string, data: Uint8Array, options?: { canOwn?: boolean }): void;
  mkdir(path: string): void;
  mkdirTree(path: string): void;
  lookupPath(path: string): { node: { mount: { type: { ops_table: { file: FileOperations } } } } };
}

const emFs = (pglite: PGlite): EmFs => pglite.Module.FS as unknown as EmFs;

/** The data directory of a running instance; CHECKPOINT first, so that every change is in the files. */
export function readDataDir(pglite: PGlite): DataDir {
  const fs = emFs(pglite);
  const entries: DataDirEntry[] = [];
  const walk = (dir: string) => {
    for (const name of fs.readdir(`${PGDATA}/${dir}`)) {
      if (name === '.' || name === '..') continue;
      const path = dir ? `${dir}/${name}` : name;
      if (fs.isDir(fs.stat(`${PGDATA}/${path}`).mode)) {
        entries.push({ path, data: null });
        walk(path);
      } else {
        entries.push({ path, data: fs.readFile(`${PGDATA}/${path}`) });
      }
    }
  };
  walk('');
  return entries;
}

/**
 * A MEMFS that also counts the libraries Postgres loads (`dlopen`; see
 * pglite-restart.ts), notes which files change, and reads the top of
 * Postgres's heap.
 */
export interface DataDirFs extends MemoryFS {
  readonly libraryLoads: number;
  readonly changes: FileChanges;
  /**
   * The files' bytes as of the latest moment they were all known: the data
   * directory the instance started on, then each state kept or put back
   * (pglite-restart.ts). A file unchanged since has these bytes.
   */
  lastSynced: SyncedFiles | null;
  /**
   * The end of the memory the instance's allocator has handed out (its
   * `sbrk` break). Every byte Postgres wrote is below it: its stack and data
   * lie below the heap, and the allocator only grows the heap. Above it the
   * memory is as the instance got it: zeros.
   */
  heapTop(): number;
}

type EmscriptenOptions = Parameters<MemoryFS['init']>[1];

/**
 * A `PGlite.create({ fs })` that starts on a copy of `dataDir` (PGlite then
 * finds the database and starts it), in `wasmMemory` when given (a fresh
 * one of PGlite's size; see touchedWasmMemory) instead of the one PGlite
 * makes.
 */
export function dataDirFs(MemoryFSClass: typeof MemoryFS, dataDir: DataDir, wasmMemory?: WebAssembly.Memory): DataDirFs {
  return new (class extends MemoryFSClass {
    libraryLoads = 0;
    readonly changes = new FileChanges();
    lastSynced: SyncedFiles | null = null;
    /** Where the allocator keeps its break: Emscripten's `emscripten_get_sbrk_ptr`, from the instance's exports. */
    private breakPointer: (() => number) | null = null;

    heapTop(): number {
      const heap = (this.pg!.Module as unknown as { HEAPU8: Uint8Array }).HEAPU8;
      return new DataView(heap.buffer).getUint32(this.breakPointer!(), true);
    }

    override async init(pg: PGlite, options: EmscriptenOptions) {
      const instantiate = options.instantiateWasm!;
      // PGlite's options to Emscripten pass through here: wrap the import wasm calls for dlopen.
      const instantiateWasm: typeof instantiate = (imports, done) => {
        const env = imports.env as Record<string, (...args: unknown[]) => unknown>;
        const dlopen = env._dlopen_js!;
        env._dlopen_js = Object.assign((...args: unknown[]) => {
          this.libraryLoads++;
          return dlopen(...args);
        }, dlopen); // its `sig`
        const started: typeof done = (instance, ...rest) => {
          // Exported by PGlite's wasm, though not put on `Module`.
          this.breakPointer = instance.exports.emscripten_get_sbrk_ptr as () => number;
          return done(instance, ...rest);
        };
        return instantiate(imports, started);
      };
      // PGlite hands Emscripten the options this returns: its memory is the one Emscripten takes.
      return super.init(pg, { ...options, instantiateWasm, ...(wasmMemory ? { wasmMemory } : {}) });
    }

    override async initialSyncFs(): Promise<void> {
      const fs = emFs(this.pg!);
      fs.mkdirTree(PGDATA);
      // The files borrow the data directory's bytes (`canOwn`, no copy);
      // the first write to one copies it first (FileChanges.borrow), so
      // the bytes stay as they are for every other instance and restore.
      const bytes = new Map<object, Uint8Array>();
      for (const { path, data } of dataDir) {
        if (!data) {
          fs.mkdir(`${PGDATA}/${path}`);
          continue;
        }
        fs.writeFile(`${PGDATA}/${path}`, data, { canOwn: true });
        const node = fs.lookupPath(`${PGDATA}/${path}`).node as unknown as { contents: Uint8Array | null };
        if (node.contents) this.changes.borrow(node.contents);
        bytes.set(node, data);
      }
      // The root's filesystem (MEMFS) and its table of file operations, made when it made PGDATA's directories.
      const memfs = fs.lookupPath(PGDATA).node.mount.type;
      this.changes.watch(memfs.ops_table.file);
      this.lastSynced = { bytes, at: this.changes.now() };
    }
  })();
}

/** The files of a tarball (ustar, as `dumpDataDir` writes it; gzip is undone first). */
export async function untar(tarball: Blob | Uint8Array): Promise<DataDir> {
  const blob = tarball instanceof Blob ? tarball : new Blob([tarball as Uint8Array<ArrayBuffer>]);
  const head = new Uint8Array(await blob.slice(0, 2).arrayBuffer());
  const gzipped = head[0] === 0x1f && head[1] === 0x8b;
  const bytes = new Uint8Array(
    await (gzipped ? new Response(blob.stream().pipeThrough(new DecompressionStream('gzip'))) : blob).arrayBuffer(),
  );
  const decoder = new TextDecoder();
  const text = (at: number, length: number) => {
    const end = bytes.subarray(at, at + length).indexOf(0);
    return decoder.decode(bytes.subarray(at, end < 0 ? at + length : at + end));
  };
  const entries: DataDirEntry[] = [];
  for (let at = 0; at + 512 <= bytes.length && bytes[at] !== 0; ) {
    const prefix = text(at + 345, 155);
    const path = `${prefix ? `${prefix}/` : ''}${text(at, 100)}`.replace(/^\/+|\/+$/g, '');
    const size = parseInt(text(at + 124, 12).trim() || '0', 8);
    const isDir = bytes[at + 156] === 0x35; // '5'
    at += 512;
    // Views of the one buffer, not copies: nothing writes a data directory's bytes.
    if (path) entries.push({ path, data: isDir ? null : bytes.subarray(at, at + size) });
    at += Math.ceil(size / 512) * 512;
  }
  return entries;
}
