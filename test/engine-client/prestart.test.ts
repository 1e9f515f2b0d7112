/**
 * The page starts the engine worker before its engine client exists
 * (src/app/prestart-engine.ts); the client then takes that worker over and
 * must hear everything it said meanwhile, in order. A stand-in `Worker`
 * records what the page created (Node has no Web Worker).
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { WorkerResponse } from '../../src/protocol/messages';

class RecordedWorker {
  static created: RecordedWorker[] = [];
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  constructor(readonly url: string) {
    RecordedWorker.created.push(this);
  }
  say(data: WorkerResponse) {
    this.onmessage?.({ data } as MessageEvent<WorkerResponse>);
  }
  postMessage() {}
  terminate() {}
}

beforeEach(() => {
  RecordedWorker.created = [];
  vi.stubGlobal('Worker', RecordedWorker);
  vi.resetModules();
});
afterEach(() => vi.unstubAllGlobals());

const entry = () => import('../../src/engine-client/engine-worker-entry');

it('hands the prestarted worker to the client with what it said before, then what it says after', async () => {
  const { prestartEngineWorker, createEngineWorker } = await entry();
  prestartEngineWorker();
  prestartEngineWorker(); // a second call starts no second worker
  expect(RecordedWorker.created).toHaveLength(1);
  const started = RecordedWorker.created[0]!;
  started.say({ type: 'ready' });
  started.say({ type: 'pong' });

  const worker = createEngineWorker();
  expect(worker).toBe(started);
  const heard: string[] = [];
  worker.onmessage = (event) => heard.push(event.data.type);
  await Promise.resolve();
  started.say({ type: 'pong' });
  expect(heard).toEqual(['ready', 'pong', 'pong']);
  // Only once: the next worker (after a runaway run) is a new one.
  expect(createEngineWorker()).not.toBe(started);
  expect(RecordedWorker.created).toHaveLength(2);
});

it('starts a worker from the same blob entry without a prestart', async () => {
  const { createEngineWorker } = await entry();
  createEngineWorker();
  createEngineWorker();
  expect(RecordedWorker.created.map((w) => w.url.startsWith('blob:'))).toEqual([true, true]);
  expect(RecordedWorker.created[0]!.url).toBe(RecordedWorker.created[1]!.url);
});
