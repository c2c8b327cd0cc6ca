// A real PostgreSQL server for the tests that need one: Debian's `postgresql` package, a fresh
// cluster in a temporary folder, listening on 127.0.0.1 at a free port, with a password (so URL
// redaction is exercised for real). The server refuses to run as root, so when the tests run as
// root the cluster is created and started as the `postgres` user. `.ci/run` installs the package
// and sets REQUIRE_POSTGRES=1, so there a missing server fails the tests instead of skipping them.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PG_PASSWORD = 'pg-test-Secret-42';

export interface PostgresServer {
  /** postgres://coach:PASSWORD@127.0.0.1:PORT/postgres */
  url: string;
  /** A new, empty database on this server; its URL. */
  createDatabase(name: string): string;
  stop(): void;
}

/** Where Debian puts the server binaries (`/usr/lib/postgresql/15/bin`), or null. */
export function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (existsSync(join(root, v, 'bin', 'pg_ctl'))) return join(root, v, 'bin');
  return null;
}

/** Why PostgreSQL tests cannot run here, or null when they can. */
export function postgresMissing(): string | null {
  return postgresBinDir() === null ? 'PostgreSQL server binaries not found (apt-get install postgresql); .ci/run installs them' : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => {
        resolve(port);
      });
    });
  });
}

const asRoot = process.getuid?.() === 0;

/** Runs a server binary, as the `postgres` user when we are root. */
function runPg(bin: string, args: string[]): void {
  const cmd = asRoot ? 'runuser' : bin;
  const full = asRoot ? ['-u', 'postgres', '--', bin, ...args] : args;
  const r = spawnSync(cmd, full, { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed: ${r.stderr || r.stdout || String(r.error)}`);
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBinDir();
  if (!bin) throw new Error(postgresMissing() ?? 'no PostgreSQL');
  const dir = mkdtempSync(join(tmpdir(), 'coach-pg-'));
  const data = join(dir, 'data');
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, `${PG_PASSWORD}\n`);
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
    chownSync(pwfile, uid, gid);
  }
  chmodSync(dir, 0o700);
  runPg(join(bin, 'initdb'), ['-D', data, '-U', 'coach', '--pwfile', pwfile, '-A', 'scram-sha-256', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  const opts = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c fsync=off -c max_connections=60`;
  runPg(join(bin, 'pg_ctl'), ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
  const base = `postgres://coach:${PG_PASSWORD}@127.0.0.1:${port}`;
  let stopped = false;
  return {
    url: `${base}/postgres`,
    createDatabase(name: string): string {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
      const r = spawnSync(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'coach', name], {
        env: { ...process.env, PGPASSWORD: PG_PASSWORD },
        encoding: 'utf8',
      });
      if (r.status !== 0) throw new Error(`createdb ${name}: ${r.stderr}`);
      return `${base}/${name}`;
    },
    stop(): void {
      if (stopped) return;
      stopped = true;
      try {
        runPg(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
