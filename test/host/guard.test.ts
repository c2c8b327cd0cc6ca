// The read-only guard: every request is checked under dockerode before it leaves the process.
// A byte-counting socket stands in for the engine: refused calls must throw
// ForbiddenRequestError with ZERO bytes (and zero connections) reaching it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenRequestError } from '../../src/core/errors.ts';
import { allowedEndpointLines, checkRequest } from '../../src/host/allowlist.ts';
import { createGuardedDocker } from '../../src/host/guard.ts';
import { clientErrorKind, startRecorder } from '../helpers/recorder.ts';

interface Counter {
  socketPath: string;
  bytes: number;
  connections: number;
  requestLines: string[];
  server: Server;
}

const dir = mkdtempSync(join(tmpdir(), 'cc-guard-'));
let counter: Counter;
const reply = (): string => 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}';

beforeAll(async () => {
  const socketPath = join(dir, 'counting.sock');
  counter = { socketPath, bytes: 0, connections: 0, requestLines: [], server: undefined as unknown as Server };
  counter.server = createServer((sock) => {
    counter.connections++;
    let buf = '';
    sock.on('data', (d: Buffer) => {
      counter.bytes += d.length;
      buf += d.toString('latin1');
      const end = buf.indexOf('\r\n\r\n');
      if (end !== -1) {
        const line = buf.slice(0, buf.indexOf('\r\n'));
        counter.requestLines.push(line);
        buf = '';
        sock.end(reply());
      }
    });
  });
  await new Promise<void>((r) => counter.server.listen(socketPath, r));
});

afterEach(() => {
  counter.bytes = 0;
  counter.connections = 0;
  counter.requestLines = [];
});

afterAll(async () => {
  await new Promise<void>((r) =>
    counter.server.close(() => {
      r();
    }),
  );
  rmSync(dir, { recursive: true, force: true });
});

function guarded(opts: { logs?: boolean; version?: string } = {}): Docker {
  return createGuardedDocker(
    {
      socketPath: counter.socketPath,
      host: undefined,
      port: undefined,
      ...(opts.version ? { version: opts.version } : {}),
    },
    { logs: opts.logs ?? false },
  );
}

async function expectRefusedSilently(what: string, call: () => Promise<unknown>): Promise<void> {
  counter.bytes = 0;
  counter.connections = 0;
  counter.requestLines = [];
  await expect(call(), what).rejects.toBeInstanceOf(ForbiddenRequestError);
  expect(counter.bytes, `${what}: bytes written`).toBe(0);
  // A barrier, not a sleep: an allowed request sent afterwards. A stray connection the refused
  // call opened would be accepted before it, so exactly one connection and request must arrive.
  await guarded().ping();
  expect(counter.connections, `${what}: connections opened`).toBe(1);
  expect(counter.requestLines, `${what}: requests that reached the engine`).toEqual([expect.stringMatching(/^GET \/(v[\d.]+\/)?_ping /)]);
}

describe('guard: refused before a byte is written', () => {
  const cases: Array<[string, (d: Docker) => Promise<unknown>]> = [
    ['POST create', (d) => d.createContainer({ Image: 'x' })],
    ['POST start', (d) => d.getContainer('web').start()],
    ['POST stop', (d) => d.getContainer('web').stop()],
    ['POST kill', (d) => d.getContainer('web').kill()],
    ['POST restart', (d) => d.getContainer('web').restart()],
    ['DELETE container', (d) => d.getContainer('web').remove({ force: true })],
    ['DELETE image', (d) => d.getImage('app:1').remove()],
    ['POST prune', (d) => d.pruneContainers()],
    ['POST exec', (d) => d.getContainer('web').exec({ Cmd: ['sh'] })],
    ['GET archive', (d) => d.getContainer('web').getArchive({ path: '/etc/passwd' })],
    ['GET export', (d) => d.getContainer('web').export()],
    ['GET image export (/images/{name}/get)', (d) => d.getImage('app:1').get()],
    ['POST attach (hijack)', (d) => d.getContainer('web').attach({ stream: true, stdout: true, hijack: true })],
    ['GET stats stream', (d) => d.getContainer('web').stats({ stream: true })],
    ['GET stats once', (d) => d.getContainer('web').stats({ stream: false })],
    ['GET events without since/until', (d) => d.getEvents()],
    ['GET events without until', (d) => d.getEvents({ since: 1 })],
    ['GET events with until far ahead', (d) => d.getEvents({ since: 1, until: Math.floor(Date.now() / 1000) + 3600 })],
    ['GET logs while logs are disabled', (d) => d.getContainer('web').logs({ stdout: true, tail: 10, follow: false })],
    ['GET /containers/json?size=1 (parameter not allowed)', (d) => d.listContainers({ size: true })],
    ['GET swarm', (d) => d.swarmInspect()],
  ];
  for (const [what, call] of cases) {
    it(what, async () => expectRefusedSilently(what, () => call(guarded())));
  }

  it('logs with follow, or with tail > 50, are refused even when logs are enabled', async () => {
    const d = guarded({ logs: true });
    await expectRefusedSilently('follow', () => d.getContainer('web').logs({ stdout: true, tail: 10, follow: true }));
    await expectRefusedSilently('tail 51', () => d.getContainer('web').logs({ stdout: true, tail: 51, follow: false }));
    await expectRefusedSilently('tail all', () => d.getContainer('web').logs({ stdout: true, follow: false }));
  });

  it('the version prefix does not open a way around it', async () => {
    const d = guarded({ version: 'v1.41' });
    await expectRefusedSilently('v1.41 export', () => d.getContainer('web').export());
    await expectRefusedSilently('v1.41 POST', () => d.getContainer('web').start());
  });
});

describe('guard: allowed GETs do go out (the counter works)', () => {
  it('GET /_ping reaches the socket', async () => {
    await guarded().ping();
    expect(counter.bytes).toBeGreaterThan(0);
    expect(counter.requestLines).toEqual(['GET /_ping HTTP/1.1']);
  });

  it('GET with the version prefix, list and bounded events, logs when enabled', async () => {
    const d = guarded({ version: 'v1.41', logs: true });
    await d.listContainers({ all: true });
    const now = Math.floor(Date.now() / 1000);
    await d.getEvents({ since: now - 60, until: now });
    await d.getContainer('web').logs({ stdout: true, stderr: true, tail: 50, follow: false });
    expect(counter.requestLines.map((l) => l.split(' ')[1]!.split('?')[0])).toEqual([
      '/v1.41/containers/json',
      '/v1.41/events',
      '/v1.41/containers/web/logs',
    ]);
  });

  it('a redirect from the engine is not followed (docker-modem would send a second, unchecked GET)', async () => {
    // Over TCP, docker-modem's http wrapper follows a 3xx to the new path on its own; without
    // the guard's maxRedirects=0 this server would see `GET /containers/web/export` next.
    const lines: string[] = [];
    const server = createServer((sock) => {
      sock.on('data', (d: Buffer) => {
        lines.push(d.toString('latin1').split('\r\n')[0]!);
        sock.end('HTTP/1.1 301 Moved\r\nLocation: /containers/web/export\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as { port: number }).port;
      const d = createGuardedDocker(
        { host: '127.0.0.1', port, protocol: 'http', socketPath: undefined },
        {
          logs: false,
        },
      );
      await expect(d.ping()).rejects.toThrow();
      // A barrier, not a sleep: a later request of our own; a followed redirect would come before it.
      await fetch(`http://127.0.0.1:${port}/barrier`, { redirect: 'manual' });
      expect(lines).toEqual(['GET /_ping HTTP/1.1', 'GET /barrier HTTP/1.1']);
    } finally {
      await new Promise<void>((r) =>
        server.close(() => {
          r();
        }),
      );
    }
  });
});

describe('allow-list table', () => {
  const now = Date.now();
  const ok = (m: string, p: string, logs = false) => checkRequest(m, p, { logs, now: () => now }).ok;
  it('allows exactly the read endpoints', () => {
    const s = Math.floor(now / 1000);
    expect(ok('GET', '/_ping')).toBe(true);
    expect(ok('GET', '/v1.41/version')).toBe(true);
    expect(ok('GET', '/info')).toBe(true);
    expect(ok('GET', '/containers/json?all=1&filters=%7B%7D')).toBe(true);
    expect(ok('GET', '/containers/my-app_1/json')).toBe(true);
    expect(ok('GET', '/images/registry.example.com:5000/team/app:1.4.2/json')).toBe(true);
    expect(ok('GET', `/events?since=${s - 60}&until=${s}`)).toBe(true);
    expect(ok('GET', '/containers/web/logs?tail=50&stdout=1&follow=0', true)).toBe(true);
  });
  it('refuses everything else', () => {
    const s = Math.floor(now / 1000);
    for (const [m, p, logs] of [
      ['HEAD', '/_ping'],
      ['POST', '/containers/web/start'],
      ['PUT', '/containers/web/archive?path=/'],
      ['DELETE', '/images/app:1'],
      ['GET', '/containers/web/archive?path=/etc'],
      ['GET', '/containers/web/export'],
      ['GET', '/containers/web/stats'],
      ['GET', '/containers/web/top'],
      ['GET', '/containers/web/changes'],
      ['GET', '/exec/abc/json'],
      ['GET', '/images/app/get'],
      ['GET', '/images/../containers/web/export/json'],
      ['GET', '/images/app%2F..%2Fx/json'],
      ['GET', '/v2.0/_ping'],
      ['GET', `/events?since=${s}`],
      ['GET', `/events?until=${s}`],
      ['GET', `/events?since=${s}&until=${s + 3600}`],
      ['GET', '/containers/web/logs?tail=10', false],
      ['GET', '/containers/web/logs?tail=10&follow=1', true],
      ['GET', '/containers/web/logs?tail=10&follow=true', true],
      ['GET', '/containers/web/logs?tail=all', true],
      ['GET', '/containers/web/logs?tail=51', true],
      ['GET', '/containers/json?size=1'],
      ['GET', '/secrets'],
      ['GET', '/swarm'],
    ] as Array<[string, string, boolean?]>) {
      expect(ok(m, p, logs ?? false), `${m} ${p}`).toBe(false);
    }
  });
});

describe('docs/connecting.md', () => {
  it('lists exactly the allow-listed endpoints (the socket-proxy recommendation must match the code)', () => {
    const doc = readFileSync(new URL('../../docs/connecting.md', import.meta.url), 'utf8');
    const m = /<!-- allowlist:start -->\n([\s\S]*?)\n<!-- allowlist:end -->/.exec(doc);
    expect(m, 'allowlist markers in docs/connecting.md').not.toBeNull();
    expect(m![1]!.split('\n')).toEqual(allowedEndpointLines());
  });
});

describe('the socket recorder', () => {
  it('counts bytes that are not HTTP as a violation, and a connection dropped before a whole request as nothing sent', async () => {
    expect(clientErrorKind(Object.assign(new Error('Parse Error'), { code: 'HPE_INVALID_METHOD' }))).toBe('not HTTP');
    expect(clientErrorKind(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toBe('dropped');
    expect(clientErrorKind(Object.assign(new Error('timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' }))).toBe('dropped');
    const rec = await startRecorder({ target: counter.socketPath });
    try {
      const socket = connect(rec.socketPath);
      await new Promise<void>((resolve) => socket.on('connect', resolve));
      socket.write('NOT HTTP AT ALL\r\n\r\n');
      await new Promise<void>((resolve) =>
        socket.on('close', () => {
          resolve();
        }),
      );
      expect(rec.violations()).toEqual([{ method: '(unparseable)', url: '', allowed: false, reason: 'not HTTP' }]);
      expect(counter.requestLines).toEqual([]);
    } finally {
      await rec.close();
    }
  });

  it('records every request line, forwards nothing that is not allow-listed (answers 403)', async () => {
    const rec = await startRecorder({ target: counter.socketPath });
    try {
      const send = (method: string, path: string) =>
        new Promise<number>((resolve, reject) => {
          const r = request({ socketPath: rec.socketPath, method, path }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          });
          r.on('error', reject);
          r.end();
        });
      expect(await send('GET', '/_ping')).toBe(200);
      expect(await send('POST', '/containers/web/stop')).toBe(403);
      expect(await send('GET', '/containers/web/export')).toBe(403);
      expect(rec.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
        'GET /_ping',
        'POST /containers/web/stop',
        'GET /containers/web/export',
      ]);
      expect(rec.violations().map((r) => r.url)).toEqual(['/containers/web/stop', '/containers/web/export']);
      expect(counter.requestLines).toEqual(['GET /_ping HTTP/1.1']); // only the allowed one was forwarded
    } finally {
      await rec.close();
    }
  });
});
