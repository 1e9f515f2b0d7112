/**
 * Permalinks (shared/SCENARIO.md, "Permalink"): `#s=` + base64url, without
 * padding, of the raw-DEFLATE-compressed scenario JSON. The scenario's own
 * `format` field versions the link; decoding validates like any outside input.
 */
import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import { parseScenario, ScenarioError, type ScenarioInput } from '../engine/scenario';

export const PERMALINK_PREFIX = '#s=';

/** Raised for a link that does not hold a valid scenario; says what was wrong. */
export class PermalinkError extends Error {
  override name = 'PermalinkError';
}

/**
 * The largest scenario a link may carry, uncompressed: as large as the
 * largest scenario file (src/share/scenario-file.ts). DEFLATE shrinks up to
 * about 1000 to 1, so a link of a few hundred kilobytes could otherwise
 * unpack to gigabytes and freeze or crash the tab before anything is shown.
 */
export const MAX_PERMALINK_SCENARIO_BYTES = 5 * 1024 * 1024;
/** base64url of the largest compressed scenario (DEFLATE adds at most 5 bytes per 64 KB stored), with room to spare. */
const MAX_PERMALINK_CHARS = Math.ceil((MAX_PERMALINK_SCENARIO_BYTES * 1.001 * 4) / 3) + 1024;
/** Compressed bytes inflated per step: each step can unpack to at most about 1 MB before the size is checked. */
const INFLATE_STEP_BYTES = 1024;

const tooLarge = () =>
  new PermalinkError(`The link is too large: a scenario in a link may be at most ${MAX_PERMALINK_SCENARIO_BYTES / 1024 / 1024} MB uncompressed.`);

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (text.length > MAX_PERMALINK_CHARS) throw tooLarge();
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new PermalinkError('The link is damaged: it has characters base64url does not use.');
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  try {
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    // A plain loop: Uint8Array.from with a mapping function took 0.8 s for a 4 MB link.
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    throw new PermalinkError('The link is damaged: it is not valid base64url.');
  }
}

/** Raw DEFLATE, inflated step by step so that a decompression bomb stops at the size limit. */
function inflateLimited(bytes: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size > MAX_PERMALINK_SCENARIO_BYTES) throw tooLarge();
    chunks.push(chunk);
  });
  try {
    let at = 0;
    do {
      const end = at + INFLATE_STEP_BYTES;
      inflater.push(bytes.subarray(at, end), end >= bytes.length);
      at = end;
    } while (at < bytes.length);
  } catch (error) {
    if (error instanceof PermalinkError) throw error;
    throw new PermalinkError('The link is damaged: its data does not decompress.');
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** The hash for a scenario, `#s=…`. */
export function encodePermalink(scenario: ScenarioInput): string {
  return PERMALINK_PREFIX + toBase64Url(deflateSync(strToU8(JSON.stringify(scenario)), { level: 9 }));
}

/** True for a hash that carries a scenario (whether or not it is valid). */
export function isPermalinkHash(hash: string): boolean {
  return hash.startsWith(PERMALINK_PREFIX);
}

/** Decodes and validates `#s=…`; throws PermalinkError saying what was wrong. */
export function decodePermalink(hash: string): ScenarioInput {
  if (!isPermalinkHash(hash)) throw new PermalinkError('The link has no scenario (it should contain #s=).');
  const bytes = fromBase64Url(hash.slice(PERMALINK_PREFIX.length));
  const json = strFromU8(inflateLimited(bytes));
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new PermalinkError('The link is damaged: its data is not JSON.');
  }
  try {
    return parseScenario(value);
  } catch (error) {
    if (error instanceof ScenarioError) throw new PermalinkError(`The link's scenario is not valid. ${error.message}`);
    throw error;
  }
}
