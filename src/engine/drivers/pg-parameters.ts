/**
 * How node-postgres turns JavaScript values into query parameters, ported
 * from `pg/lib/utils.js` (`prepareValue`, pg 8.x) so that PGlite receives
 * exactly the text (or bytes) a server would receive from `pg`: `null` and
 * `undefined` as NULL, byte arrays as binary parameters, Dates as local time
 * with its offset, arrays as array literals, objects through `toPostgres` or
 * `JSON.stringify`, everything else through `toString()`.
 */
import { Buffer } from 'buffer';

export type PreparedValue = string | Uint8Array | null;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** pg's `dateToString`: local time with the zone offset (pg's default). */
function dateToString(date: Date): string {
  let offset = -date.getTimezoneOffset();
  let year = date.getFullYear();
  const isBCYear = year < 1;
  if (isBCYear) year = Math.abs(year) + 1;
  let text =
    `${pad(year, 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
  if (offset < 0) {
    text += '-';
    offset *= -1;
  } else {
    text += '+';
  }
  text += `${pad(Math.floor(offset / 60))}:${pad(offset % 60)}`;
  if (isBCYear) text += ' BC';
  return text;
}

function escapeElement(element: string): string {
  return `"${element.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function toBuffer(view: ArrayBufferView): Buffer {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}

/** pg's `arrayString`: a JavaScript array as a PostgreSQL array literal. */
function arrayString(values: unknown[]): string {
  let result = '{';
  values.forEach((item, i) => {
    if (i > 0) result += ',';
    if (item === null || item === undefined) result += 'NULL';
    else if (Array.isArray(item)) result += arrayString(item);
    else if (ArrayBuffer.isView(item)) result += `\\\\x${toBuffer(item).toString('hex')}`;
    else result += escapeElement(String(prepareValue(item)));
  });
  return `${result}}`;
}

interface ToPostgres {
  toPostgres(prepare: (value: unknown) => PreparedValue): unknown;
}

function prepareObject(value: object, seen: object[] = []): PreparedValue {
  if (typeof (value as Partial<ToPostgres>).toPostgres === 'function') {
    if (seen.includes(value)) throw new Error(`circular reference detected while preparing "${String(value)}" for query`);
    seen.push(value);
    return prepareValue((value as ToPostgres).toPostgres(prepareValue), seen);
  }
  return JSON.stringify(value);
}

export function prepareValue(value: unknown, seen?: object[]): PreparedValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') {
    if (ArrayBuffer.isView(value)) return toBuffer(value);
    if (value instanceof Date) return dateToString(value);
    if (Array.isArray(value)) return arrayString(value);
    return prepareObject(value, seen);
  }
  return (value as { toString(): string }).toString();
}
