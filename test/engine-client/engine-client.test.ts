/**
 * The engine client's bookkeeping, with a fake worker: latest run wins, a
 * stale result is dropped, a runaway run terminates the worker and the next
 * run gets a fresh one.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEngineClient, EngineRunError, type WorkerLike } from '../../src/engine-client/engine-client';
import type { ModeResult, RunResult, RunSection } from '../../src/engine/result';
import type { RunResultHead } from '../../src/protocol/result-parts';
import type { ScenarioInput } from '../../src/engine/scenario';
import type { WorkerRequest, WorkerResponse } from '../../src/protocol/messages';

const SCENARIO: ScenarioInput = { format: 'sync-playground/scenario@1', models: '' };
const BASELINE: RunSection = { log: [], error: null, console: [], tables: {} };
const SYNC = { mode: 'sync', call: 'sequelize.sync()', log: [], error: null, console: [], tables: {} } as unknown as ModeResult;
const headFor = (id: number): RunResultHead => ({ format: 'sync-playground/result@1', sequelizeVersion: `run ${id}`, dialect: 'sqlite', modes: ['sync'] });
const resultFor = (id: number): RunResult => ({ format: 'sync-playground/result@1', sequelizeVersion: `run ${id}`, dialect: 'sqlite', baseline: BASELINE, modes: [SYNC] });

class FakeWorker implements WorkerLike {
  received: WorkerRequest[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(message: WorkerRequest) {
    this.received.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  send(message: WorkerResponse) {
    this.onmessage?.({ data: message } as MessageEvent<WorkerResponse>);
  }
  /** Run `id`'s sections, then its end, as the worker sends them. */
  finish(id: number) {
    this.send({ type: 'progress', id, progress: { stage: 'baseline', baseline: BASELINE } });
    this.send({ type: 'progress', id, progress: { stage: 'sync', mode: SYNC } });
    this.send({ type: 'result', id, head: headFor(id) });
  }
}

function setup(timeoutMs = 1_000) {
  const workers: FakeWorker[] = [];
  const client = createEngineClient({
    timeoutMs,
    createWorker: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
  });
  return { client, workers };
}

describe('engine client', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('resolves a run with its result and reports progress', async () => {
    const { client, workers } = setup();
    const progress: string[] = [];
    const run = client.run(SCENARIO, { onProgress: (p) => progress.push(p.stage) });
    const [worker] = workers;
    expect(worker?.received).toEqual([{ type: 'run', id: 1, scenario: SCENARIO }]);
    worker?.send({ type: 'ready' });
    worker?.finish(1);
    const result = await run;
    expect(result).toEqual(resultFor(1));
    // Of the very objects the progress brought: the page draws nothing twice.
    expect(result.baseline).toBe(BASELINE);
    expect(result.modes[0]).toBe(SYNC);
    expect(progress).toEqual(['baseline', 'sync']);
  });

  it('warms up as a run, but downloads stay with the last run that was not a warm-up', async () => {
    const { client, workers } = setup();
    const run = client.run(SCENARIO);
    const [worker] = workers;
    worker?.send({ type: 'ready' });
    worker?.finish(1);
    await run;
    const warmUp = client.warmUp(SCENARIO);
    expect(worker?.received.at(-1)).toEqual({ type: 'run', id: 2, scenario: SCENARIO, warmUp: true });
    worker?.finish(2);
    await expect(warmUp).resolves.toBeUndefined();
    void client.exportDatabase('sync');
    expect(worker?.received.at(-1)).toMatchObject({ type: 'export-database', runId: 1, stage: 'sync' });
    // A run asked for meanwhile supersedes a warm-up, as any newer run.
    const second = client.warmUp(SCENARIO);
    void client.run(SCENARIO);
    await expect(second).rejects.toMatchObject({ reason: 'superseded' });
  });

  it('puts a big table back together from the parts that came ahead of its section', async () => {
    const { client, workers } = setup();
    const run = client.run(SCENARIO);
    const big = { columns: [], indexes: [], foreignKeys: [], rows: [] };
    workers[0]?.send({ type: 'ready' });
    workers[0]?.send({ type: 'rows', id: 1, part: { stage: 'baseline', table: 'Big', rows: [{ id: 1 }, { id: 2 }] } });
    workers[0]?.send({ type: 'rows', id: 1, part: { stage: 'baseline', table: 'Big', rows: [{ id: 3 }] } });
    workers[0]?.send({ type: 'progress', id: 1, progress: { stage: 'baseline', baseline: { ...BASELINE, tables: { Big: big } } } });
    workers[0]?.send({ type: 'progress', id: 1, progress: { stage: 'sync', mode: SYNC } });
    workers[0]?.send({ type: 'result', id: 1, head: headFor(1) });
    expect((await run).baseline.tables.Big?.rows).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
  });

  it('fails a run whose end comes before all of its sections', async () => {
    const { client, workers } = setup();
    const run = client.run(SCENARIO);
    workers[0]?.send({ type: 'ready' });
    workers[0]?.send({ type: 'progress', id: 1, progress: { stage: 'baseline', baseline: BASELINE } });
    workers[0]?.send({ type: 'result', id: 1, head: headFor(1) });
    await expect(run).rejects.toMatchObject({ reason: 'failed', message: expect.stringMatching(/without sending all of its results/) });
  });

  it('lets the latest run win and drops a stale result', async () => {
    const { client, workers } = setup();
    const first = client.run(SCENARIO);
    const second = client.run(SCENARIO);
    await expect(first).rejects.toMatchObject({ reason: 'superseded' });
    workers[0]?.finish(1);
    workers[0]?.finish(2);
    await expect(second).resolves.toEqual(resultFor(2));
    expect(workers).toHaveLength(1);
  });

  it('passes on an engine error with its name', async () => {
    const { client, workers } = setup();
    const run = client.run(SCENARIO);
    workers[0]?.send({ type: 'error', id: 1, error: { name: 'ScenarioError', message: 'models: is required' } });
    await expect(run).rejects.toMatchObject({ reason: 'failed', errorName: 'ScenarioError', message: 'models: is required' });
  });

  it('terminates a runaway worker, rejects clearly and starts a fresh one', async () => {
    const { client, workers } = setup(2_000);
    const run = client.run(SCENARIO);
    workers[0]?.send({ type: 'ready' });
    vi.advanceTimersByTime(2_000);
    await expect(run).rejects.toThrow(/took longer than 2 s and was stopped/);
    await expect(run).rejects.toBeInstanceOf(EngineRunError);
    expect(workers[0]?.terminated).toBe(true);

    const next = client.run(SCENARIO);
    expect(workers).toHaveLength(2);
    workers[1]?.finish(2);
    await expect(next).resolves.toEqual(resultFor(2));
  });

  it('limits each section, not the whole run, and names the section that ran away', async () => {
    const { client, workers } = setup(2_000);
    const run = client.run({ ...SCENARIO, modes: ['sync', 'alter'] });
    workers[0]?.send({ type: 'ready' });
    vi.advanceTimersByTime(1_500);
    workers[0]?.send({ type: 'progress', id: 1, progress: { stage: 'baseline', baseline: BASELINE } });
    vi.advanceTimersByTime(1_500);
    workers[0]?.send({ type: 'progress', id: 1, progress: { stage: 'sync', mode: SYNC } });
    vi.advanceTimersByTime(2_000);
    await expect(run).rejects.toThrow(/^Mode alter took longer than 2 s and was stopped/);
    expect(workers[0]?.terminated).toBe(true);
  });

  it('names the phase too once the worker has said it', async () => {
    const { client, workers } = setup(2_000);
    const run = client.run({ ...SCENARIO, modes: ['sync'] });
    workers[0]?.send({ type: 'ready' });
    workers[0]?.send({ type: 'phase', id: 1, stage: 'baseline', phase: 'setup' });
    // Answering pings: only the section's limit can stop it (an endless timer loop).
    for (let i = 0; i < 4; i++) {
      vi.advanceTimersByTime(500);
      workers[0]?.send({ type: 'pong' });
    }
    await expect(run).rejects.toThrow(/^The baseline, in phase setup, took longer than 2 s/);
    expect(workers[0]?.terminated).toBe(true);
  });

  it('stops a worker that stops answering during user code within seconds, naming the mode and phase', async () => {
    const { client, workers } = setup(60_000);
    const run = client.run({ ...SCENARIO, modes: ['sync'] });
    const worker = workers[0]!;
    worker.send({ type: 'ready' });
    worker.send({ type: 'phase', id: 1, stage: 'baseline', phase: 'setup' });
    // A worker that answers its pings is left alone, however long the phase.
    for (let i = 0; i < 20; i++) {
      vi.advanceTimersByTime(500);
      worker.send({ type: 'pong' });
    }
    // The engine's own work (a snapshot, starting PGlite) is not watched.
    worker.send({ type: 'phase', id: 1, stage: 'baseline', phase: null });
    vi.advanceTimersByTime(10_000);
    expect(worker.terminated).toBe(false);
    expect(worker.received.some((message) => message.type === 'ping')).toBe(true);

    worker.send({ type: 'progress', id: 1, progress: { stage: 'baseline', baseline: BASELINE } });
    worker.send({ type: 'phase', id: 1, stage: 'sync', phase: 'after' });
    vi.advanceTimersByTime(4_000);
    await expect(run).rejects.toThrow(/^Mode sync, in phase after, stopped answering for \d(\.\d)? s and was stopped \(an endless loop/);
    expect(worker.terminated).toBe(true);
  });

  it('lets a database statement be silent, and stops a worker silent after it', async () => {
    const { client, workers } = setup(60_000);
    const run = client.run({ ...SCENARIO, modes: ['sync'] });
    const worker = workers[0]!;
    worker.send({ type: 'ready' });
    worker.send({ type: 'phase', id: 1, stage: 'baseline', phase: 'setup' });
    // One long INSERT: no pongs while it runs, and no pings sent to queue behind it.
    worker.send({ type: 'database-call', id: 1, running: true });
    const pingsBefore = worker.received.filter((message) => message.type === 'ping').length;
    vi.advanceTimersByTime(8_000);
    expect(worker.terminated).toBe(false);
    expect(worker.received.filter((message) => message.type === 'ping').length).toBe(pingsBefore);
    worker.send({ type: 'database-call', id: 1, running: false });
    vi.advanceTimersByTime(2_000);
    expect(worker.terminated).toBe(false);
    // Then an endless loop in user code: counted from the statement's end.
    vi.advanceTimersByTime(1_500);
    await expect(run).rejects.toThrow(/^The baseline, in phase setup, stopped answering for \d(\.\d)? s/);
    expect(worker.terminated).toBe(true);
  });

  it('stops the clock while a database engine downloads, and starts it again once loaded', async () => {
    const { client, workers } = setup(2_000);
    const run = client.run(SCENARIO);
    workers[0]?.send({ type: 'ready' });
    workers[0]?.send({ type: 'loading', id: 1, note: 'Downloading PostgreSQL…', done: false });
    vi.advanceTimersByTime(30_000);
    workers[0]?.send({ type: 'loading', id: 1, note: 'Starting PostgreSQL…', done: true });
    vi.advanceTimersByTime(1_500);
    workers[0]?.finish(1);
    await expect(run).resolves.toEqual(resultFor(1));
  });

  it('does not count the engine loading against the timeout', async () => {
    const { client, workers } = setup(2_000);
    const run = client.run(SCENARIO);
    vi.advanceTimersByTime(1_500);
    workers[0]?.send({ type: 'ready' });
    vi.advanceTimersByTime(1_500);
    workers[0]?.finish(1);
    await expect(run).resolves.toEqual(resultFor(1));
  });

  it('rejects a pending run when the worker crashes or the client is disposed', async () => {
    const { client, workers } = setup();
    const crashed = client.run(SCENARIO);
    workers[0]?.onerror?.({ message: 'SyntaxError: boom' } as ErrorEvent);
    await expect(crashed).rejects.toMatchObject({ reason: 'worker-crashed' });
    const disposed = client.run(SCENARIO);
    client.dispose();
    await expect(disposed).rejects.toMatchObject({ reason: 'disposed' });
    expect(workers.map((worker) => worker.terminated)).toEqual([true, true]);
  });
});
