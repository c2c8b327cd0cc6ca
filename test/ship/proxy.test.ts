// deploy/docker-proxy.conf, run for real: nginx (Debian's nginx-light, when installed) in front of
// the real engine socket. Every request on the bot's allow-list (src/host/allowlist.ts) gets
// through; everything else — other methods, other paths, unbounded events, encoded tricks — is
// refused by the proxy with 403 before the engine sees it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ENDPOINTS } from '../../src/host/allowlist.ts';
import { describeEngine } from '../helpers/engine.ts';
import { waitFor } from '../helpers/wait.ts';
import { freePort } from '../helpers/process.ts';

const CONF = fileURLToPath(new URL('../../deploy/docker-proxy.conf', import.meta.url));
const NGINX = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/bin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
const SOCKET = process.env.DOCKER_HOST?.startsWith('unix://') ? process.env.DOCKER_HOST.slice('unix://'.length) : '/var/run/docker.sock';

if (!NGINX) console.warn('[proxy] skipping the live docker-proxy.conf test: nginx is not installed (Debian: apt-get install nginx-light).');

interface Proxy {
  port: number;
  dir: string;
  child: ChildProcess;
}

/** The shipped config, made runnable here: a free local port, this machine's socket, a temp dir. */
async function startProxy(opts: { logs: boolean }): Promise<Proxy> {
  const dir = mkdtempSync(join(tmpdir(), 'cc-proxy-'));
  const port = await freePort();
  let conf = readFileSync(CONF, 'utf8')
    .replace('listen 2375;', `listen 127.0.0.1:${port};`)
    .replaceAll('/var/run/docker.sock', SOCKET)
    .replaceAll('/tmp/', `${dir}/`);
  if (opts.logs) {
    // What a user does for COACH_SHOW_LOGS=true: uncomment the logs location.
    conf = conf.replace(/^(\s*)# (location ~ .*\/logs\$ \{| {2}if \(\$arg_.*| {2}proxy_pass http:\/\/docker;|\})$/gm, '$1$2');
    expect(conf).toMatch(/^\s*location ~ .*\/logs\$ \{$/m);
  }
  // As root, nginx would hand the workers to `nobody`, who may not use the socket.
  if (process.getuid?.() === 0) conf = `user root;\n${conf}`;
  writeFileSync(join(dir, 'nginx.conf'), conf);
  const child = spawn(NGINX!, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  await waitFor(
    `nginx on port ${port}`,
    async () => {
      if (child.exitCode !== null) throw new Error(`nginx exited ${child.exitCode}: ${stderr}`);
      return (await send({ port } as Proxy, 'GET', '/_ping').catch(() => 0)) === 200;
    },
    { timeoutMs: 10_000, everyMs: 100 },
  );
  return { port, dir, child };
}

async function stopProxy(p: Proxy | undefined): Promise<void> {
  if (!p) return;
  if (p.child.exitCode === null) {
    const exited = new Promise((r) => p.child.once('exit', r));
    p.child.kill('SIGQUIT');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    if (p.child.exitCode === null) p.child.kill('SIGKILL');
  }
  rmSync(p.dir, { recursive: true, force: true });
}

/** Sends one raw request (path as is, never normalised); resolves with the status code. */
function send(p: Proxy, method: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: p.port, method, path, timeout: 10_000 }, (res) => {
      res.resume();
      res.on('end', () => {
        resolve(res.statusCode ?? 0);
      });
    });
    req.on('timeout', () => req.destroy(new Error(`timeout: ${method} ${path}`)));
    req.on('error', reject);
    req.end();
  });
}

const now = () => Math.floor(Date.now() / 1000);

/** A concrete, well-formed request for each allow-listed endpoint, as the bot would send it. */
function concrete(path: string): string {
  const p = `/v1.41${path.replace('{id}', 'cc-proxy-test-none').replace('{ref}', 'cc-proxy-test-none:1')}`;
  if (path === '/events') return `${p}?since=${now() - 60}&until=${now()}`;
  if (path.endsWith('/logs')) return `${p}?stdout=1&stderr=1&tail=10`;
  if (path === '/containers/json') return `${p}?all=1`;
  return p;
}

const REFUSED: [string, string][] = [
  ['POST', '/v1.41/containers/create'],
  ['POST', '/v1.41/containers/x/start'],
  ['DELETE', '/v1.41/images/x'],
  ['PUT', '/v1.41/containers/x/archive?path=/'],
  ['HEAD', '/_ping'],
  ['GET', '/v1.41/containers/x/export'],
  ['GET', '/v1.41/containers/x/archive?path=/etc'],
  ['GET', '/v1.41/containers/x/stats'],
  ['GET', '/v1.41/containers/x/top'],
  ['GET', '/v1.41/images/x/get'],
  ['GET', '/v1.41/exec/x/json'],
  ['GET', '/v1.41/secrets'],
  ['GET', '/v1.41/volumes'],
  ['GET', '/v1.41/networks'],
  ['GET', '/v1.41/events'],
  ['GET', `/v1.41/events?since=${now() - 60}`],
  ['GET', '/v1.41/containers/a%2F..%2Fb/json'],
  ['GET', '/v1.41/images/a/../../containers/x/export'],
  ['GET', '/v1.41//containers/json'],
  ['GET', '/v1.41/containers/json/'],
];

describeEngine('deploy/docker-proxy.conf in front of the real engine', () => {
  if (!NGINX) {
    // CI installs nginx (.ci/install-system.sh): there a missing nginx is a failure, not a skip.
    it.skipIf(process.env.REQUIRE_DOCKER !== '1')('needs nginx (apt-get install nginx-light)', () => {
      expect.fail('nginx is not installed, so deploy/docker-proxy.conf was not tested');
    });
    return;
  }
  let proxy: Proxy | undefined;
  let withLogs: Proxy | undefined;

  beforeAll(async () => {
    proxy = await startProxy({ logs: false });
    withLogs = await startProxy({ logs: true });
  }, 30_000);

  afterAll(async () => {
    await stopProxy(proxy);
    await stopProxy(withLogs);
  });

  it('passes every request on the allow-list through to the engine', async () => {
    for (const e of ENDPOINTS) {
      const p = e.logsOnly ? withLogs! : proxy!;
      const status = await send(p, 'GET', concrete(e.path));
      // The engine answers (200, or 404 for the made-up container/image); the proxy never refuses.
      expect([200, 404], `${e.path} -> ${status}`).toContain(status);
    }
  });

  it('refuses container logs unless they are switched on, and then only bounded and never followed', async () => {
    expect(await send(proxy!, 'GET', concrete('/containers/{id}/logs'))).toBe(403);
    const logs = '/v1.41/containers/cc-proxy-test-none/logs?stdout=1';
    expect(await send(withLogs!, 'GET', `${logs}&tail=50`)).toBe(404);
    expect(await send(withLogs!, 'GET', `${logs}&tail=51`)).toBe(403);
    expect(await send(withLogs!, 'GET', logs)).toBe(403);
    expect(await send(withLogs!, 'GET', `${logs}&tail=10&follow=1`)).toBe(403);
    expect(await send(withLogs!, 'GET', `${logs}&tail=10&follow=y`)).toBe(403);
    expect(await send(withLogs!, 'GET', `${logs}&tail=10&follow=0`)).toBe(404);
  });

  it('refuses everything else with 403 before the engine sees it', async () => {
    for (const p of [proxy!, withLogs!]) {
      for (const [method, path] of REFUSED) {
        expect(await send(p, method, path), `${method} ${path}`).toBe(403);
      }
    }
  });

  it('keeps `docker run` out: the real CLI through the proxy can list but not create', () => {
    const env = { ...process.env, DOCKER_HOST: `tcp://127.0.0.1:${proxy!.port}`, DOCKER_CLI_HINTS: 'false' };
    const ps = spawnSync('docker', ['ps', '-a', '--format', '{{.ID}}'], { env, encoding: 'utf8', timeout: 20_000 });
    expect(ps.status, ps.stderr).toBe(0);
    const create = spawnSync('docker', ['create', 'node:20-bookworm-slim'], { env, encoding: 'utf8', timeout: 20_000 });
    expect(create.status).not.toBe(0);
    expect(create.stderr).toMatch(/403|Forbidden/i);
  });
});
