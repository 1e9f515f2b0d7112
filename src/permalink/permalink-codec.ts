/**
 * Permalinks (shared/SCENARIO.md, "Permalink"): `#s=` + base64url, without
 * padding, of the raw-DEFLATE-compressed scenario JSON. The scenario's own
 * `format` field versions the link; decoding validates like any outside input.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { parseScenario, ScenarioError, type ScenarioInput } from '../engine/scenario';

export const PERMALINK_PREFIX = '#s=';

/** Raised for a link that does not hold a valid scenario; says what was wrong. */
export class PermalinkError extends Error {
  override name = 'PermalinkError';
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new PermalinkError('The link is damaged: it has characters base64url does not use.');
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  try {
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    throw new PermalinkError('The link is damaged: it is not valid base64url.');
  }
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
  let json: string;
  try {
    json = strFromU8(inflateSync(bytes));
  } catch {
    throw new PermalinkError('The link is damaged: its data does not decompress.');
  }
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
