import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTO_RUN_DELAY_MS, startRunController } from '../../src/app/run-controller';
import { EngineRunError, type EngineClient } from '../../src/engine-client/engine-client';
import type { RunResult } from '../../src/engine/result';
import type { ScenarioInput } from '../../src/engine/scenario';
import { createPlaygroundStore } from '../../src/store/store';

const SCENARIO: ScenarioInput = { format: 'sync-playground/scenario@1', models: '' };
const result = (n: number) => ({ format: 'sync-playground/result@1', sequelizeVersion: String(n), baseline: { tables: {} }, modes: [] }) as unknown as RunResult;

describe('scenario slice', () => {
  it('keeps modes in column order and never empty', () => {
    const store = createPlaygroundStore({ ...SCENARIO, modes: ['alter'] });
    const { toggleMode } = store.getState().scenarioActions;
    toggleMode('sync');
    toggleMode('alter-safe');
    expect(store.getState().scenario.modes).toEqual(['sync', 'alter', 'alter-safe']);
    toggleMode('sync');
    toggleMode('alter');
    toggleMode('alter-safe');
    expect(store.getState().scenario.modes).toEqual(['alter-safe']);
  });

  it('forgets the example once the code is edited, and ignores no-op edits', () => {
    const store = createPlaygroundStore(SCENARIO);
    store.getState().scenarioActions.loadScenario({ ...SCENARIO, models: 'x' }, 'seed');
    const before = store.getState().scenario;
    store.getState().scenarioActions.setCode('models', 'x');
    expect(store.getState().scenario).toBe(before);
    expect(store.getState().exampleId).toBe('seed');
    store.getState().scenarioActions.setCode('models', 'y');
    expect(store.getState().exampleId).toBeNull();
  });
});

describe('run slice', () => {
  it('applies only the latest run', () => {
    const store = createPlaygroundStore(SCENARIO);
    const { runStarted, runFinished, runFailed } = store.getState().runActions;
    runStarted(1, ['sync']);
    runStarted(2, ['sync']);
    runFinished(1, result(1), 5);
    runFailed(1, { name: 'x', message: 'stale' });
    expect(store.getState()).toMatchObject({ status: 'running', result: null, failure: null });
    runFinished(2, result(2), 5);
    expect(store.getState()).toMatchObject({ status: 'done', result: result(2) });
  });

  it('a comparison’s second run shows as not run once the main run fails, not running for ever nor an older result', () => {
    const store = createPlaygroundStore(SCENARIO);
    const { runStarted, runFinished, runFailed, secondRunStarted, secondRunFinished } = store.getState().runActions;
    const failure = { name: 'SyntaxError', message: 'Unexpected token' };
    runStarted(1, ['sync']);
    runFinished(1, result(1), 5);
    secondRunStarted('otherVersion', 1);
    secondRunFinished('otherVersion', 1, result(10));
    // The code changes and no longer compiles: the older release's result is not of this code.
    runStarted(2, ['sync']);
    runFailed(2, failure);
    expect(store.getState().otherVersion).toMatchObject({ status: 'idle', result: null });
    // A second run going is replaced by a newer run, which then fails: the second never comes.
    runStarted(3, ['sync']);
    runFinished(3, result(3), 5);
    secondRunStarted('otherDialect', 3);
    runStarted(4, ['sync']);
    runFailed(4, failure);
    expect(store.getState().otherDialect).toMatchObject({ status: 'idle', result: null });
  });
});

describe('run controller', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function fakeClient() {
    const calls: Array<{ scenario: ScenarioInput; resolve(r: RunResult): void; reject(e: Error): void }> = [];
    const warmUps: ScenarioInput[] = [];
    const client: EngineClient = {
      run: (scenario) => new Promise((resolve, reject) => calls.push({ scenario, resolve, reject })),
      warmUp: (scenario) => {
        warmUps.push(scenario);
        return Promise.resolve();
      },
      exportDatabase: () => Promise.reject(new Error('not used here')),
      exportReproduction: () => Promise.reject(new Error('not used here')),
      dispose: () => undefined,
    };
    return { client, calls, warmUps };
  }

  it('runs once, shortly after typing stops, with the latest code', async () => {
    const store = createPlaygroundStore(SCENARIO);
    const { client, calls } = fakeClient();
    startRunController(store, client);
    const { setCode } = store.getState().scenarioActions;
    setCode('models', 'a');
    vi.advanceTimersByTime(AUTO_RUN_DELAY_MS - 50);
    setCode('models', 'ab');
    vi.advanceTimersByTime(AUTO_RUN_DELAY_MS - 50);
    expect(calls).toHaveLength(0);
    vi.advanceTimersByTime(50);
    expect(calls.map((c) => c.scenario.models)).toEqual(['ab']);
  });

  it('runs at once on choosing the database or a mode, dropping a pending typed run', () => {
    const store = createPlaygroundStore(SCENARIO);
    const { client, calls } = fakeClient();
    startRunController(store, client);
    const { setCode, setDialect, toggleMode } = store.getState().scenarioActions;
    setCode('models', 'typed');
    setDialect('postgres');
    expect(calls.map((c) => [c.scenario.dialect, c.scenario.models])).toEqual([['postgres', 'typed']]);
    toggleMode('drop');
    expect(calls).toHaveLength(2);
    vi.advanceTimersByTime(AUTO_RUN_DELAY_MS * 2);
    expect(calls).toHaveLength(2);
  });

  it('does not auto-run when auto-run is off, and a superseded run is not a failure', async () => {
    const store = createPlaygroundStore(SCENARIO);
    const { client, calls } = fakeClient();
    const controller = startRunController(store, client);
    store.getState().uiActions.setAutoRun(false);
    store.getState().scenarioActions.setCode('models', 'a');
    vi.advanceTimersByTime(AUTO_RUN_DELAY_MS * 2);
    expect(calls).toHaveLength(0);
    controller.runNow();
    calls[0]?.reject(new EngineRunError('superseded', 'newer'));
    await vi.runAllTimersAsync();
    expect(store.getState().status).toBe('running');
    controller.runNow();
    calls[1]?.reject(new EngineRunError('timeout', 'took too long'));
    await vi.runAllTimersAsync();
    expect(store.getState()).toMatchObject({ status: 'failed', failure: { message: 'took too long' } });
  });

  // src/app/engine-warm-up.ts: the first edits re-run as fast as later ones.
  it('warms the engine twice after the first finished run on each dialect, once, and shows nothing of it', async () => {
    const store = createPlaygroundStore(SCENARIO);
    store.getState().uiActions.setAutoRun(false);
    const { client, calls, warmUps } = fakeClient();
    const controller = startRunController(store, client);
    controller.runNow();
    calls[0]?.resolve(result(1));
    await vi.runAllTimersAsync();
    expect(warmUps).toEqual([SCENARIO, SCENARIO]);
    expect(store.getState()).toMatchObject({ status: 'done', result: result(1) });
    controller.runNow();
    calls[1]?.resolve(result(2));
    await vi.runAllTimersAsync();
    expect(warmUps).toHaveLength(2);
    // PostgreSQL's code (its dialect, PGlite) is its own: its first finished
    // run warms it, once, though its modes were slow (compiling PGlite).
    store.getState().scenarioActions.loadScenario({ ...SCENARIO, dialect: 'postgres' }, null);
    for (const id of [3, 4]) {
      controller.runNow();
      calls[id - 1]?.resolve({ ...result(id), modes: [{ durationMs: 4000 }, { durationMs: 4000 }] } as unknown as RunResult);
      await vi.runAllTimersAsync();
    }
    expect(calls).toHaveLength(4);
    expect(warmUps.map((scenario) => scenario.dialect ?? 'sqlite')).toEqual(['sqlite', 'sqlite', 'postgres', 'postgres']);
  });

  it('does not warm the engine for a comparison, slow modes, or once a newer run is asked for', async () => {
    // Big data, or modes that took seconds together: not run again.
    for (const [dialect, slow] of [
      ['sqlite', { ...result(1), baseline: { tables: { t: { rows: Array.from({ length: 10_001 }, () => ({})) } } } }],
      ['sqlite', { ...result(1), modes: [{ durationMs: 3000 }, { durationMs: 3000 }] }],
      ['postgres', { ...result(1), modes: [{ durationMs: 8000 }, { durationMs: 8000 }] }],
    ] as const) {
      const store = createPlaygroundStore({ ...SCENARIO, dialect });
      const { client, calls, warmUps } = fakeClient();
      startRunController(store, client).runNow();
      calls[0]?.resolve(slow as unknown as RunResult);
      await vi.runAllTimersAsync();
      expect(warmUps).toEqual([]);
    }
    for (const setUp of [(store: ReturnType<typeof createPlaygroundStore>) => store.getState().uiActions.setCompareDialects(true)]) {
      const store = createPlaygroundStore(SCENARIO);
      store.getState().uiActions.setAutoRun(false);
      setUp(store);
      const { client, calls, warmUps } = fakeClient();
      const controller = startRunController(store, client);
      controller.runNow();
      calls[0]?.resolve(result(1));
      await vi.runAllTimersAsync();
      expect(warmUps).toEqual([]);
    }
    // A newer run asked for before the page is idle: the warm-up does not start.
    const store = createPlaygroundStore(SCENARIO);
    const { client, calls, warmUps } = fakeClient();
    const controller = startRunController(store, client);
    controller.runNow();
    calls[0]?.resolve(result(1));
    await Promise.resolve();
    await Promise.resolve();
    controller.runNow();
    await vi.runAllTimersAsync();
    expect(warmUps).toEqual([]);
  });
});
