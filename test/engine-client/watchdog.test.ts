/** The watchdog pings while armed and gives up on a worker once it has been silent too long. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWatchdog } from '../../src/engine-client/watchdog';

describe('watchdog', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('stays quiet while the worker answers, and reports it once it stops answering', () => {
    const stalls: number[] = [];
    let pings = 0;
    const watchdog = createWatchdog({ ping: () => pings++, onStalled: (ms) => stalls.push(ms), intervalMs: 500, stallMs: 3_500 });
    watchdog.arm();
    for (let i = 0; i < 20; i++) {
      vi.advanceTimersByTime(500);
      watchdog.answered();
    }
    expect(stalls).toEqual([]);
    expect(pings).toBeGreaterThanOrEqual(20);
    vi.advanceTimersByTime(3_000);
    expect(stalls).toEqual([]);
    vi.advanceTimersByTime(1_000);
    expect(stalls).toHaveLength(1);
    expect(stalls[0]).toBeGreaterThanOrEqual(3_500);
    expect(stalls[0]).toBeLessThanOrEqual(4_000);
    // Once reported, it stops: no second report.
    vi.advanceTimersByTime(10_000);
    expect(stalls).toHaveLength(1);
  });

  it('does not count time while disarmed, and counts afresh when armed again', () => {
    const stalls: number[] = [];
    const watchdog = createWatchdog({ ping: () => undefined, onStalled: (ms) => stalls.push(ms), stallMs: 3_500 });
    watchdog.arm();
    vi.advanceTimersByTime(3_000);
    watchdog.disarm();
    vi.advanceTimersByTime(60_000);
    watchdog.arm();
    vi.advanceTimersByTime(3_000);
    expect(stalls).toEqual([]);
    vi.advanceTimersByTime(1_000);
    expect(stalls).toHaveLength(1);
  });

  it('does not count a database call, and counts from its end', () => {
    const stalls: number[] = [];
    const watchdog = createWatchdog({ ping: () => undefined, onStalled: (ms) => stalls.push(ms), intervalMs: 250, stallMs: 2_750 });
    watchdog.arm();
    vi.advanceTimersByTime(2_000);
    watchdog.databaseCall(true);
    vi.advanceTimersByTime(30_000);
    expect(stalls).toEqual([]);
    watchdog.databaseCall(false);
    vi.advanceTimersByTime(2_500);
    expect(stalls).toEqual([]);
    vi.advanceTimersByTime(500);
    expect(stalls).toHaveLength(1);
    expect(stalls[0]).toBeLessThan(3_100);
  });
});
