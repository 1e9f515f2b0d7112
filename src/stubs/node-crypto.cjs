// Stands in for Node's `crypto` in the browser build. Sequelize 6 never
// reaches it (only its db2 and mssql query generators require it, and those
// dialects are not bundled). Sequelize 7 calls two functions: `randomUUID()`
// (each query's and transaction's id, UUIDV4 and `sql.uuidV4` defaults,
// dollar-quote delimiters of PostgreSQL functions) and
// `randomBytes(8).toString('hex')` (the names of the temporary tables its
// SQLite alter rebuilds through). Both come from the Web Crypto API here;
// crypto-browserify would add hundreds of kilobytes for them. Both from
// `getRandomValues`: the browser's `randomUUID` exists only in secure
// contexts (a page on a plain-http host is not one).
'use strict';

/** A Buffer of `size` cryptographically random bytes (Node's synchronous form only). */
function randomBytes(size, callback) {
  if (callback !== undefined) throw new Error('crypto.randomBytes with a callback is not bundled: only the synchronous form is');
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`The "size" argument must be a non-negative integer. Received ${size}`);
  const bytes = new Uint8Array(size);
  // getRandomValues fills at most 65,536 bytes a call.
  for (let start = 0; start < size; start += 65536) globalThis.crypto.getRandomValues(bytes.subarray(start, start + 65536));
  // The worker's `Buffer` global (src/worker/node-globals.ts): requiring
  // 'buffer' here would bundle the polyfill's CommonJS build a second time.
  return globalThis.Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A version 4 UUID, lower case, as Node's `randomUUID()` gives. */
function randomUUID() {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

module.exports = { randomBytes, randomUUID };
