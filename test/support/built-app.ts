/**
 * The production build, made and served the way `npm run build` and
 * `npm run preview` do, for the browser tests. It goes to its own directory
 * so a test run never overwrites the developer's `dist/`.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { preview } from 'vite';

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

/** Serves a build with Vite's preview server on 127.0.0.1 and a free port. */
export async function serveBuild(outDir = TEST_BUILD_DIR): Promise<ServedApp> {
  const server = await preview({
    root: ROOT,
    mode: 'production',
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report its address');
  return { url, close: () => server.close() };
}

/** The URL of the build served by the global setup (test/support/global-setup.ts). */
export function servedAppUrl(injected: string | undefined): string {
  if (!injected) throw new Error('No app build: browser tests need the global setup (run them through `npm test` or `vitest run test/browser`).');
  return injected;
}
