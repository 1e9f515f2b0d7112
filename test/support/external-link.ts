/**
 * A permalink made outside the app, the way shared/SCENARIO.md describes it
 * (Node's zlib raw DEFLATE, base64url): proves the app reads links that other
 * tools write, not only its own.
 */
import { deflateRawSync } from 'node:zlib';

export function externalLink(json: string): string {
  return '#s=' + deflateRawSync(Buffer.from(json, 'utf8')).toString('base64url');
}
