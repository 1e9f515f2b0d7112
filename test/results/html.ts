/** Reading server-rendered HTML in tests, without a DOM. */
import { createElement, type FunctionComponent } from 'react';
import { renderToString } from 'react-dom/server';

export function render<P extends object>(component: FunctionComponent<P>, props: P): string {
  return renderToString(createElement(component, props));
}

/** Undoes React's escaping of text and attribute values. */
export function unescapeHtml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Every value of an attribute, in document order, unescaped. */
export function attributeValues(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) => unescapeHtml(m[1] ?? ''));
}

/** The text of the first element whose opening tag contains `marker`, tags stripped. */
export function textOf(html: string, marker: string): string | null {
  const at = html.indexOf(marker);
  if (at < 0) return null;
  const open = html.lastIndexOf('<', at);
  const tag = /^<([a-z0-9]+)/i.exec(html.slice(open))?.[1];
  if (!tag) return null;
  // Walk to the matching close tag, counting nested tags of the same name.
  const pattern = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
  pattern.lastIndex = open;
  let depth = 0;
  for (let m = pattern.exec(html); m; m = pattern.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return unescapeHtml(html.slice(open, m.index + m[0].length).replace(/<[^>]*>/g, ''));
  }
  return null;
}
