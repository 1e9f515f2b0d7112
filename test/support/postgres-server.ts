/**
 * A throwaway PostgreSQL cluster for parity tests: initdb in a temporary
 * directory, listening on 127.0.0.1 only (a free port, its Unix socket in the
 * same directory), trust authentication, fsync off. Each test file starts its
 * own in `beforeAll` and stops it in `afterAll`, so files never share state.
 *
 * initdb and postgres refuse to run as root: when the tests run as root the
 * cluster belongs to Debian's `postgres` user and runs through `runuser`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export interface PostgresServer {
  host: '127.0.0.1';
  port: number;
  /** The cluster's superuser. */
  user: string;
  /** The server's version, e.g. `15.14`. */
  version: string;
  stop(): Promise<void>;
}

/** Where initdb and pg_ctl are: `pg_config --bindir`, else Debian's layout. */
export function findPostgresBinaries(): string | null {
  const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const bindir = fromConfig.status === 0 ? fromConfig.stdout.trim() : '';
  if (bindir && existsSync(join(bindir, 'initdb'))) return bindir;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const candidate = join(root, version, 'bin');
    if (existsSync(join(candidate, 'initdb'))) return candidate;
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The OS account the cluster runs as: ourselves, or `postgres` when we are root. */
function clusterAccount(): { name: string; uid: number; gid: number } | null {
  if (userInfo().uid !== 0) return null;
  const entry = spawnSync('getent', ['passwd', 'postgres'], { encoding: 'utf8' });
  const fields = entry.stdout.trim().split(':');
  if (entry.status !== 0 || fields.length < 4) {
    throw new Error('running as root, but there is no "postgres" user to own the test cluster (apt-get install postgresql)');
  }
  return { name: 'postgres', uid: Number(fields[2]), gid: Number(fields[3]) };
}

export async function startPostgresServer(): Promise<PostgresServer> {
  const bindir = findPostgresBinaries();
  if (!bindir) throw new Error('PostgreSQL binaries not found (apt-get install postgresql)');
  const account = clusterAccount();
  const dir = mkdtempSync(join(tmpdir(), 'sync-playground-pg-'));
  const data = join(dir, 'data');
  if (account) {
    chownSync(dir, account.uid, account.gid);
    chmodSync(dir, 0o700);
  }
  const run = (binary: string, args: string[], timeout: number) => {
    const command = account ? 'runuser' : join(bindir, binary);
    const fullArgs = account ? ['-u', account.name, '--', join(bindir, binary), ...args] : args;
    execFileSync(command, fullArgs, { cwd: dir, stdio: 'pipe', timeout });
  };

  const user = 'postgres';
  run('initdb', ['-D', data, '-U', user, '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'], 60_000);
  const port = await freePort();
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=${dir} -c fsync=off -c full_page_writes=off`;
  run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start'], 70_000);
  const version = /\d+(?:\.\d+)+/.exec(execFileSync(join(bindir, 'postgres'), ['--version'], { encoding: 'utf8' }))?.[0] ?? '';

  let stopped = false;
  return {
    host: '127.0.0.1',
    port,
    user,
    version,
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', '-t', '30', 'stop'], 40_000);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
