/**
 * The browser build's stand-ins for what Sequelize 7 uses of Node's
 * `async_hooks` and `crypto` (src/stubs/), checked in Node: the
 * AsyncLocalStorage stand-in against Node's own on the patterns Sequelize's
 * `transaction()` uses, the random values for their form.
 */
import { AsyncLocalStorage as NodeAsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { AsyncLocalStorage: StandIn } = require('../../src/stubs/node-async-hooks.cjs') as { AsyncLocalStorage: typeof NodeAsyncLocalStorage };
const crypto = require('../../src/stubs/node-crypto.cjs') as { randomBytes(size: number): Buffer; randomUUID(): string };

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe.each([
  ['Node', NodeAsyncLocalStorage],
  ['the stand-in', StandIn],
])('AsyncLocalStorage (%s)', (_name, AsyncLocalStorage) => {
  it('keeps the store across awaits inside run, and forgets it once the callback settles', async () => {
    const storage = new AsyncLocalStorage<string>();
    const seen: unknown[] = [storage.getStore()];
    const callback = async () => {
      seen.push(storage.getStore());
      await tick();
      seen.push(storage.getStore());
      return 'done';
    };
    const result = storage.run('t1', callback);
    expect(await result).toBe('done');
    seen.push(storage.getStore());
    expect(seen).toEqual([undefined, 't1', 't1', undefined]);
  });

  it('stacks nested runs (savepoints) and restores the outer store', async () => {
    const storage = new AsyncLocalStorage<string>();
    const seen: unknown[] = [];
    await storage.run('outer', async () => {
      await tick();
      await storage.run('inner', async () => {
        await tick();
        seen.push(storage.getStore());
      });
      seen.push(storage.getStore());
    });
    seen.push(storage.getStore());
    expect(seen).toEqual(['inner', 'outer', undefined]);
  });

  it('restores the store when the callback throws or rejects', async () => {
    const storage = new AsyncLocalStorage<string>();
    expect(() =>
      storage.run('t', () => {
        throw new Error('sync');
      }),
    ).toThrow('sync');
    expect(storage.getStore()).toBeUndefined();
    await expect(
      storage.run('t', async () => {
        await tick();
        throw new Error('async');
      }),
    ).rejects.toThrow('async');
    expect(storage.getStore()).toBeUndefined();
  });

  it('returns what a synchronous callback returns, with its arguments', () => {
    const storage = new AsyncLocalStorage<string>();
    expect(storage.run('t', (a: number, b: number) => `${storage.getStore()} ${a + b}`, 1, 2)).toBe('t 3');
    expect(storage.getStore()).toBeUndefined();
  });
});

describe('crypto stand-in', () => {
  it('gives random bytes as a Buffer (the SQLite rebuild names its copy with 16 hex digits)', () => {
    const bytes = crypto.randomBytes(8);
    expect(Buffer.isBuffer(bytes)).toBe(true);
    expect(bytes.toString('hex')).toMatch(/^[0-9a-f]{16}$/);
    expect(crypto.randomBytes(8).equals(bytes)).toBe(false);
    expect(crypto.randomBytes(70_000)).toHaveLength(70_000);
  });

  it('gives version 4 UUIDs', () => {
    const uuid = crypto.randomUUID();
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(crypto.randomUUID()).not.toBe(uuid);
  });
});
