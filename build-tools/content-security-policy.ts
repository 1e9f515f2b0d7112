/**
 * The production build's Content-Security-Policy, as a `<meta http-equiv>` in
 * every built page (README, "Security model", gives the same policy as a
 * header for hosts that can send one). Build only: the dev server's React
 * refresh needs an inline script, and its modules come from its own origin
 * through paths this policy was not written for.
 *
 * The engine worker inherits this policy because it starts from a blob: URL
 * (src/engine-client/engine-client.ts), so every exception below is one the
 * page OR the worker needs; each says which.
 */
import type { Plugin } from 'vite';

export const CONTENT_SECURITY_POLICY: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  // No inline scripts, no other origin. 'unsafe-eval': the worker compiles
  // user code with `new Function` (src/engine/user-code.ts); there is no way
  // to allow that in the worker only, since it inherits the page's policy.
  // 'wasm-unsafe-eval': sql.js and PGlite compile WebAssembly in the worker
  // ('unsafe-eval' covers it in Chromium today; named so the intent stays if
  // 'unsafe-eval' goes).
  'script-src': ["'self'", "'unsafe-eval'", "'wasm-unsafe-eval'"],
  // Monaco adds <style> elements for its themes and decorations. Styles
  // cannot run script; nothing user-controlled becomes a style.
  'style-src': ["'self'", "'unsafe-inline'"],
  // Only the app's own files: sql.js's and PGlite's WebAssembly, PGlite's
  // data and the empty cluster. Also what blocks the worker's WebSockets and
  // EventSources to anywhere else.
  'connect-src': ["'self'"],
  // Monaco's workers are files of the app; the engine worker starts from a blob: URL.
  'worker-src': ["'self'", 'blob:'],
  // The favicon is `data:,`.
  'img-src': ["'self'", 'data:'],
  // Monaco's codicon font is a file of the app; data: for fonts it inlines.
  'font-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  // Not here: `frame-ancestors`, which a <meta> policy cannot carry (Chromium
  // ignores it with a console error). Embeds (?embed=1) must stay embeddable.
};

/** The policy as one header or meta value. */
export function contentSecurityPolicy(): string {
  return Object.entries(CONTENT_SECURITY_POLICY)
    .map(([directive, sources]) => [directive, ...sources].join(' '))
    .join('; ');
}

const CHARSET_META = /<meta charset="[^"]*"\s*\/?>/i;

/**
 * Puts the policy in every built page's <head>, right after its charset and
 * before any script or stylesheet: a <meta> policy governs only what comes
 * after it. A page without a charset meta gets it first in <head>.
 */
export function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'sync-playground:content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        // The policy has no `"`, `<` or `&`: it goes into the attribute as it is.
        const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}" />`;
        if (CHARSET_META.test(html)) return html.replace(CHARSET_META, (charset) => `${charset}\n    ${meta}`);
        return html.replace(/<head>/i, `<head>\n    ${meta}`);
      },
    },
  };
}
