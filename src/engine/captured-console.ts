/**
 * The `console` user code receives: each call becomes one line of the
 * result's `console`, formatted as Node's console formats it. Node's own
 * `util.format` is not used even in Node: the browser's `util` polyfill
 * formats Dates, Maps, class instances and `%o` differently, and the same
 * scenario must print the same lines in the CLI and in the playground.
 */
import { format } from 'node-inspect-extracted';

export type CapturedConsole = Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug' | 'trace' | 'dir' | 'table'>;

export function createCapturedConsole(lines: string[]): CapturedConsole {
  const write = (...args: unknown[]) => {
    lines.push(format(...args));
  };
  return { log: write, info: write, warn: write, error: write, debug: write, trace: write, dir: write, table: write };
}
