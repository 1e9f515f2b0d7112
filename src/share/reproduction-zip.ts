/**
 * The reproduction as one download: a zip whose single folder holds
 * package.json, repro.js and README.md (fflate's zip, loaded on first use).
 */
import { strToU8, zipSync } from 'fflate';
import type { ReproductionFiles } from '../export/repro-export';

export function reproductionZip(files: ReproductionFiles, folder: string): Uint8Array<ArrayBuffer> {
  const entries: Record<string, Uint8Array> = {};
  for (const [name, text] of Object.entries(files)) entries[name] = strToU8(text);
  return zipSync({ [folder]: entries }, { level: 9 }) as Uint8Array<ArrayBuffer>;
}
