// An engine that is missing, refuses, hangs or is not an engine at all gives a
// `daemon_unreachable` finding that says which, within the time limit — never a hang or a
// stack trace. Each case is made for real (sockets, servers, a non-root child process).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HostUnreachableError } from '../../src/core/errors.ts';
import type { Finding } from '../../src/core/types.ts';
import { createDockerHost } from '../../src/host/docker-host.ts';
import { createDockerInspector } from '../../src/host/docker-inspector.ts';
import { classifyError, toUnreachable } from '../../src/host/unreachable.ts';

const dir = mkdtempSync(join(tmpdir(), 'cc-unreach-'));
chmodSync(dir, 0o755); // the non-root child below must reach the socket's directory
const servers: Server[] = [];
const sockets = new Set<Socket>();
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await Promise.all(
    servers.map(
      (s) =>
        new Promise<void>((r) =>
          s.close(() => {
            r();
          }),
        ),
    ),
  );
  rmSync(dir, { recursive: true, force: true });
});

async function listen<T extends Server>(server: T, where: string | 0): Promise<T> {
  servers.push(server);
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => (where === 0 ? server.listen(0, '127.0.0.1', r) : server.listen(where, r)));
  return server;
}

async function findingOf(p: Promise<unknown>): Promise<Finding> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HostUnreachableError);
  const f = (err as HostUnreachableError).finding;
  expect(f.code).toBe('daemon_unreachable');
  expect(f.severity).toBe('error');
  expect(f.fix.length).toBeGreaterThan(0);
  expect(JSON.stringify(f)).not.toMatch(/\n\s+at /); // no stack trace in the finding
  return f;
}

describe('which problem it is', () => {
  it('no socket → ENOENT, "not running here"', async () => {
    const i = createDockerInspector({ connect: { dockerHost: `unix://${join(dir, 'missing', 'docker.sock')}` } });
    const f = await findingOf(i.listContainers({ all: true }));
    expect(f.evidence).toMatchObject({ reason: 'no_socket', error: 'ENOENT' });
    expect(f.summary).toMatch(/No Docker Engine socket/);
    expect(f.fix.join(' ')).toMatch(/systemctl start docker/);
  });

  it('permission denied → EACCES, from a real non-root process (or in-process when not root)', async () => {
    const sock = join(dir, 'private.sock');
    await listen(createServer(), sock);
    chmodSync(sock, 0o600);
    if (process.getuid?.() !== 0) {
      chmodSync(sock, 0o000);
      const f = await findingOf(createDockerInspector({ connect: { dockerHost: `unix://${sock}` } }).ping());
      expect(f.evidence).toMatchObject({ reason: 'permission_denied', error: 'EACCES' });
      return;
    }
    // Root ignores socket permissions, so the real EACCES comes from a child running as nobody.
    // The child only connects (node:net, code passed with -e, cwd /): it must not need to read
    // this checkout, which may sit in a directory nobody cannot enter (a mktemp -d clone).
    const probe = `const s = require('node:net').connect(${JSON.stringify(sock)});
s.on('connect', () => { console.log('{"ok":true}'); s.destroy(); });
s.on('error', (e) => console.log(JSON.stringify({ message: e.message, code: e.code, errno: e.errno, syscall: e.syscall, address: e.address })));`;
    const r = spawnSync(process.execPath, ['-e', probe], {
      uid: 65534,
      gid: 65534,
      cwd: '/',
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const raised = JSON.parse(r.stdout.trim().split('\n').pop()!) as { message: string };
    // The error node:net raised for that process, through the same mapping the inspector uses.
    const f = toUnreachable(Object.assign(new Error(raised.message), raised), { host: `unix://${sock}`, timeoutMs: 3000 }).finding;
    expect(f.code).toBe('daemon_unreachable');
    expect(f.evidence).toMatchObject({ reason: 'permission_denied', error: 'EACCES' });
    expect(f.summary).toMatch(/Permission denied/);
    expect(f.fix.join(' ')).toMatch(/read-only socket proxy/);
  });

  it('the mapping itself, for an EACCES-shaped error as node:net raises it', () => {
    const err = Object.assign(new Error('connect EACCES /var/run/docker.sock'), {
      code: 'EACCES',
      errno: -13,
      syscall: 'connect',
      address: '/var/run/docker.sock',
    });
    expect(classifyError(err)).toEqual({ reason: 'permission_denied', code: 'EACCES' });
    expect(toUnreachable(err, { host: 'unix:///var/run/docker.sock', timeoutMs: 3000 }).finding.summary).toMatch(
      /Permission denied on \/var\/run\/docker.sock/,
    );
  });

  it('nothing listening on the tcp port → refused', async () => {
    const probe = await listen(createServer(), 0);
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((r) =>
      probe.close(() => {
        r();
      }),
    );
    servers.splice(servers.indexOf(probe), 1);
    const f = await findingOf(createDockerInspector({ connect: { dockerHost: `tcp://127.0.0.1:${port}` } }).ping());
    expect(f.evidence).toMatchObject({ reason: 'refused', error: 'ECONNREFUSED' });
  });

  it('wrong DOCKER_HOST (a name that does not resolve) → DNS', async () => {
    const f = await findingOf(
      createDockerInspector({ connect: { dockerHost: 'tcp://no-such-engine.invalid:2375' }, timeoutMs: 5000 }).ping(),
    );
    expect(f.evidence.reason).toBe('dns');
    expect(['ENOTFOUND', 'EAI_AGAIN']).toContain(f.evidence.error);
  });

  it('a server that accepts and never answers → timeout, one connection per call (no retry)', async () => {
    const sock = join(dir, 'hang.sock');
    let connections = 0;
    await listen(
      createServer(() => {
        connections++;
      }),
      sock,
    );
    const i = createDockerInspector({ connect: { dockerHost: `unix://${sock}` }, timeoutMs: 400 });
    const now = 1_700_000_000;
    for (const call of [
      () => i.ping(),
      () => i.listContainers({ all: true }),
      () => i.inspectImage('app:1'),
      () => i.events({ since: now - 60, until: now }),
    ]) {
      // The limit itself is the inspector's timer (bench/host.ts times it); here: what it says and sends.
      const before = connections;
      const f = await findingOf(call());
      expect(f.evidence).toMatchObject({ reason: 'timeout', timeoutMs: 400 });
      expect(f.summary).toMatch(/did not answer within 400 ms/);
      expect(connections - before).toBe(1);
    }
  });

  it('a socket whose server is not an engine (not HTTP) → not_docker or closed, not a hang', async () => {
    const sock = join(dir, 'garbage.sock');
    await listen(
      createServer((s) => s.end('SSH-2.0-OpenSSH_9.2\r\n')),
      sock,
    );
    const f = await findingOf(createDockerInspector({ connect: { dockerHost: `unix://${sock}` }, timeoutMs: 2000 }).ping());
    expect(['not_docker', 'connection_closed']).toContain(f.evidence.reason);
  });

  it('an HTTP server that is not an engine (404) → not_docker; a socket proxy saying 403 → proxy_forbidden', async () => {
    const s404 = join(dir, 'web.sock');
    await listen(
      createHttpServer((_q, r) => r.writeHead(404).end('not found')),
      s404,
    );
    expect((await findingOf(createDockerInspector({ connect: { dockerHost: `unix://${s404}` } }).ping())).evidence.reason).toBe(
      'not_docker',
    );
    const s403 = join(dir, 'proxy.sock');
    await listen(
      createHttpServer((_q, r) => r.writeHead(403).end('<html>Forbidden</html>')),
      s403,
    );
    const f = await findingOf(createDockerInspector({ connect: { dockerHost: `unix://${s403}` } }).listContainers({ all: true }));
    expect(f.evidence).toMatchObject({ reason: 'proxy_forbidden', operation: 'list containers' });
  });
});

describe('the host port never throws raw errors where it promises not to', () => {
  it('diagnose() returns the daemon_unreachable finding; ping() is false; suggestNames() is []', async () => {
    const sock = join(dir, 'hang2.sock');
    await listen(
      createServer(() => undefined),
      sock,
    );
    const hung = createDockerHost({ connect: { dockerHost: `unix://${sock}` }, timeoutMs: 300 });
    // The engine never answers: each of these resolving at all is its time limit working.
    const d = await hung.diagnose({ subject: 'web' });
    expect(d.findings.map((f) => f.code)).toEqual(['daemon_unreachable']);
    expect(d.findings[0]!.evidence.reason).toBe('timeout');
    expect(await hung.ping()).toBe(false);
    expect(await hung.suggestNames('we', 5)).toEqual([]);

    const missing = createDockerHost({ connect: { dockerHost: `unix://${join(dir, 'none.sock')}` } });
    const d2 = await missing.diagnose({});
    expect(d2.findings[0]!.evidence.reason).toBe('no_socket');
    expect(d2.host).toBe(`unix://${join(dir, 'none.sock')}`);
    await expect(missing.listImages()).rejects.toBeInstanceOf(HostUnreachableError);
  });
});

describe('bounded event reads', () => {
  it('never ask the engine for events past now (the engine holds such a call open until then)', async () => {
    const sock = join(dir, 'events.sock');
    const urls: string[] = [];
    await listen(
      createHttpServer((q, r) => {
        urls.push(q.url ?? '');
        r.writeHead(200, { 'content-type': 'application/json' }).end('');
      }),
      sock,
    );
    // The inspector's clock is fixed: the `until` it sends is exactly its now, not the later end asked for.
    const nowMs = 1_700_000_000_250;
    const inspector = createDockerInspector({ connect: { dockerHost: `unix://${sock}` }, now: () => nowMs });
    const events = await inspector.events({ since: 1_700_000_000 - 600, until: 1_700_000_000 + 60 });
    expect(events).toEqual([]);
    const sent = urls.find((u) => u.includes('/events'));
    const query = new URL(sent!, 'http://engine').searchParams;
    expect(query.get('until')).toBe('1700000000.250');
    expect(query.get('since')).toBe(String(1_700_000_000 - 600));
  });
});
