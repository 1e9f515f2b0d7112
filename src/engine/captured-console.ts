/**
 * The `console` user code receives: each call becomes one line of the
 * result's `console`, formatted as Node's console formats it.
 */
import { format } from 'util';

export type CapturedConsole = Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug' | 'trace' | 'dir' | 'table'>;

export function createCapturedConsole(lines: string[]): CapturedConsole {
  const write = (...args: unknown[]) => {
    lines.push(format(...args));
  };
  return { log: write, info: write, warn: write, error: write, debug: write, trace: write, dir: write, table: write };
}
