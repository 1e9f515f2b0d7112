// Stands in for Node's `url` in the browser build. Sequelize 6 uses one
// function of it: `url.parse(uri, true)` in its constructor, when user code
// passes a connection URI (`new Sequelize('sqlite::memory:')`), reading
// protocol, auth, hostname, port, pathname and query. The `url` polyfill
// would bring `qs`, `object-inspect`, `punycode` and the `get-intrinsic`
// family (about 12 kB gzip) into the worker before the first result for it.
//
// This follows Node's legacy parser for those fields, quirks included (the
// host is read with or without `//`; what cannot be a host name moves to the
// path, so `sqlite::memory:` has pathname `/:memory` as in Node), checked
// against Node's `url.parse` on the URIs Sequelize's docs show. Not done:
// punycode, and the auto-escaping of odd characters. Sequelize 7 uses only
// `pathToFileURL`, in importModels after its glob over files, which fails
// before it (src/stubs/sequelize-7-import-models.cjs).

/** Protocols whose empty path is `/` (Node's `slashedProtocol`). */
const SLASHED = new Set(['http:', 'https:', 'ftp:', 'gopher:', 'file:', 'ws:', 'wss:']);
const HOST_PART = /^[+a-z0-9A-Z_-]{0,63}$/;
const HOST_PART_START = /^([+a-z0-9A-Z_-]{0,63})(.*)$/;

function decode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Like Node's `querystring.parse`: repeated keys become arrays. */
function parseQuery(search) {
  const query = Object.create(null);
  for (const [key, value] of new URLSearchParams(search)) {
    const previous = query[key];
    if (previous === undefined) query[key] = value;
    else if (Array.isArray(previous)) previous.push(value);
    else query[key] = [previous, value];
  }
  return query;
}

/** Splits `user@host:port` off the front of `rest` (Node's `url.parse` host rules). */
function splitHost(rest) {
  const hostEnd = rest.search(/[/?#\\\s]/);
  const authority = hostEnd === -1 ? rest : rest.slice(0, hostEnd);
  let after = hostEnd === -1 ? '' : rest.slice(hostEnd);
  const at = authority.lastIndexOf('@');
  const auth = at === -1 ? null : decode(authority.slice(0, at));
  let host = authority.slice(at + 1);
  let port = null;
  const portMatch = /:([0-9]*)$/.exec(host);
  if (portMatch) {
    if (portMatch[1]) port = portMatch[1];
    host = host.slice(0, portMatch.index);
  }
  let hostname = host;
  if (host.startsWith('[') && host.endsWith(']')) {
    hostname = host.slice(1, -1);
  } else {
    const parts = host.split('.');
    const bad = parts.findIndex((part) => !HOST_PART.test(part));
    if (bad !== -1) {
      const [, start, moved] = HOST_PART_START.exec(parts[bad]);
      const notHost = [moved, ...parts.slice(bad + 1)].filter((part, i) => i > 0 || part !== '');
      hostname = [...parts.slice(0, bad), start].join('.');
      if (notHost.length) after = `/${notHost.join('.')}${after}`;
    }
  }
  hostname = hostname.toLowerCase();
  const bracketed = host.startsWith('[') ? `[${hostname}]` : hostname;
  return { auth, hostname, host: port ? `${bracketed}:${port}` : bracketed, port, after };
}

function parse(input, parseQueryString = false) {
  if (typeof input !== 'string') throw new TypeError('The "url" argument must be of type string');
  let rest = input.trim();
  const protocolMatch = /^[a-z0-9.+-]+:/i.exec(rest);
  const protocol = protocolMatch ? protocolMatch[0].toLowerCase() : null;
  if (protocolMatch) rest = rest.slice(protocolMatch[0].length);
  const slashes = rest.startsWith('//');
  if (slashes) rest = rest.slice(2);
  const hasHost = slashes || (protocol !== null && !SLASHED.has(protocol));
  const { auth = null, hostname = null, host = null, port = null, after = rest } = hasHost ? splitHost(rest) : {};
  const hashAt = after.indexOf('#');
  const beforeHash = hashAt === -1 ? after : after.slice(0, hashAt);
  const queryAt = beforeHash.indexOf('?');
  const search = queryAt === -1 ? null : beforeHash.slice(queryAt);
  let pathname = (queryAt === -1 ? beforeHash : beforeHash.slice(0, queryAt)) || null;
  if (pathname === null && hostname !== null && SLASHED.has(protocol)) pathname = '/';
  const rawQuery = search === null ? null : search.slice(1);
  return {
    protocol,
    slashes: slashes || null,
    auth,
    host,
    port,
    hostname,
    hash: hashAt === -1 ? null : after.slice(hashAt),
    search,
    query: parseQueryString ? parseQuery(rawQuery ?? '') : rawQuery,
    pathname,
    path: pathname === null && search === null ? null : `${pathname ?? ''}${search ?? ''}`,
    href: input,
  };
}

module.exports = { parse, URL: globalThis.URL, URLSearchParams: globalThis.URLSearchParams };
