/** What the Share button says after sharing: how long the link is, and a warning when it is long. */

/** Beyond this, some chat apps, mail clients and servers cut links. */
export const LONG_LINK_CHARS = 8000;

export function isLongLink(length: number): boolean {
  return length > LONG_LINK_CHARS;
}

/** `copied`: the clipboard has it; `manual`: it is shown to copy by hand. */
export function shareStatus(length: number, how: 'copied' | 'manual'): string {
  const count = `${length.toLocaleString('en-US')} characters`;
  const warning = isLongLink(length) ? ' (long links may be cut by some apps)' : '';
  return `${how === 'copied' ? 'Link copied' : 'Copy the link'} — ${count}${warning}`;
}
