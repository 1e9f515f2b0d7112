/**
 * The production build, made the way `npm run build` does and served as a
 * static host serves it, for the browser tests and the benchmarks. It goes
 * to its own directory so a test run never overwrites the developer's
 * `dist/`.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';

export const ROOT = join(import.meta.dirname, '..', '..');
export const TEST_BUILD_DIR = join(ROOT, 'dist-browser-test');

/**
 * Runs `vite build` in a child process: inside Vitest, the config would see
 * mode 'test' and NODE_ENV=test and leave out the browser polyfills.
 */
export function buildApp(outDir = TEST_BUILD_DIR): Promise<void> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')));
  env.NODE_ENV = 'production';
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`vite build failed (${code}):\n${output}`))));
  });
}

export interface ServedApp {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a build on 127.0.0.1 and a free port as a static host does: the
 * files as they are, or their gzip copies written by the build (vite.config.ts,
 * `precompressed`) to a browser that accepts gzip. Vite's preview server
 * compressed on every request instead, which no static host in production
 * does for long: on these two cores it spent half a second compressing
 * PGlite's 6 MB file bundle while the page waited for it.
 */
export async function serveBuild(outDir = TEST_BUILD_DIR): Promise<ServedApp> {
  const serve = sirv(outDir, {
    gzip: true,
    etag: true,
    // A file whose own name ends in .gz (PGlite's empty cluster) is sent as
    // the bytes it is, as static hosts send it; sirv would label it
    // `Content-Encoding: gzip`, and the browser would unpack it for the page.
    setHeaders: (response, pathname) => {
      if (pathname.endsWith('.gz')) response.setHeader('Content-Encoding', 'identity');
    },
  });
  const server = createServer((request, response) =>
    serve(request, response, () => {
      response.statusCode = 404;
      response.end('Not found');
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The URL of the build served by the global setup (test/support/global-setup.ts). */
export function servedAppUrl(injected: string | undefined): string {
  if (!injected) throw new Error('No app build: browser tests need the global setup (run them through `npm test` or `vitest run test/browser`).');
  return injected;
}
