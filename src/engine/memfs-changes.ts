/**
 * Which files of a PGlite instance's MEMFS changed since a moment, so that
 * keeping and restoring its state (pglite-restart.ts) copies only those: a
 * data directory is about 18 MB, and between two kept states Postgres
 * writes a few of its files (the tables a scenario touched, the WAL, the
 * control file). Copying all of them was a third of a cold switch to
 * PostgreSQL in the browser.
 *
 * Every operation that changes a file's bytes or size stamps the file with
 * a counter: MEMFS's write and msync (stream operations) and setattr (node
 * operations: truncation). Emscripten shares one table of these among all
 * the files of an instance, so wrapping that table catches them all. Files'
 * `mtime` would not do: truncation leaves it as it was.
 */

type Operation = (...args: unknown[]) => unknown;

/** The bytes of files as of a moment (`at`, of FileChanges' clock), by node. */
export interface SyncedFiles {
  bytes: Map<object, Uint8Array>;
  at: number;
}

/** MEMFS's operations on files (`ops_table.file`): on the stream, and on the node. */
export interface FileOperations {
  stream: Record<string, Operation>;
  node: Record<string, Operation>;
}

/** The operations that change a file's bytes or size, by table. */
const CHANGING = { stream: ['write', 'msync'], node: ['setattr'] } as const;

export class FileChanges {
  private clock = 0;
  private readonly changedAt = new WeakMap<object, number>();
  private readonly borrowed = new WeakSet<Uint8Array>();

  /**
   * Notes that a file holds `bytes` without a copy of its own (a data
   * directory's, which every instance started on it shares): the file's
   * first write copies them first. Copying all 18 MB when an instance
   * started took about 0.1 s of a cold switch in the browser, most of it
   * touching new memory; Postgres writes only a few of the files.
   */
  borrow(bytes: Uint8Array): void {
    this.borrowed.add(bytes);
  }

  /** The moment now: a file stamped no later has not changed since. */
  now(): number {
    return this.clock;
  }

  /** Notes that `node`'s bytes changed (the restore calls this when it writes them). */
  changed(node: object): void {
    this.changedAt.set(node, ++this.clock);
  }

  /** True when `node` has not changed since the moment `since` (a file never stamped has never changed). */
  unchangedSince(node: object, since: number): boolean {
    return (this.changedAt.get(node) ?? 0) <= since;
  }

  /** Stamps every file of a MEMFS (whose file operations are `file`) when it changes. */
  watch(file: FileOperations): void {
    for (const table of ['stream', 'node'] as const) {
      const operations = file[table];
      for (const name of CHANGING[table]) {
        const original = operations[name];
        if (!original) continue;
        const changes = this;
        operations[name] = function (this: unknown, ...args: unknown[]) {
          // The first argument is the stream (write, msync) or the node (setattr).
          const node = (table === 'stream' ? (args[0] as { node: object }).node : args[0]) as { contents?: unknown };
          // A changed file owns its bytes (a restore writes into them).
          if (node.contents instanceof Uint8Array && changes.borrowed.has(node.contents)) node.contents = node.contents.slice();
          changes.changed(node);
          return original.apply(this, args);
        };
      }
    }
  }
}
