/** A database value as text for a table cell. */
import type { CellValue } from '../engine/result';

/** Blobs longer than this many hex digits are shortened in cells (the title has them all). */
const BLOB_SHOWN = 32;

export function cellText(value: CellValue | undefined, full = false): string {
  if (value === undefined) return '';
  if (value === null) return 'NULL';
  if (typeof value === 'object') {
    const hex = full || value.blob.length <= BLOB_SHOWN ? value.blob : `${value.blob.slice(0, BLOB_SHOWN)}…`;
    return `x'${hex}'`;
  }
  return String(value);
}

/** How a value is styled: NULL and blobs read differently from text. */
export function cellClass(value: CellValue | undefined): 'null' | 'blob' | 'number' | 'text' | 'none' {
  if (value === undefined) return 'none';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'blob';
  return typeof value === 'number' ? 'number' : 'text';
}
