// `coach proxy` (src/proxy/server.ts, run.ts) against a stand-in engine on a unix socket that
// can misbehave on purpose: endless bodies, no answer at all, a slow answer. The live test
// against the real engine is test/ship/proxy.test.ts; this one covers what a healthy engine
// never does. The stand-in counts what reaches it.
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { DEFAULTS, type ProxyOptions } from '../../src/proxy/options.ts';
import { runProxy } from '../../src/proxy/run.ts';
import { startProxy, type ProxyServer } from '../../src/proxy/server.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

interface StandIn {
  socket: string;
  seen: { url: string; headers: IncomingHttpHeaders }[];
  /** Requests being answered right now, and the most at once. */
  open: number;
  maxOpen: number;
  /** Engine connections the proxy closed before the answer ended. */
  abandoned: number;
  handler: Handler;
  server: Server;
}

const dir = mkdtempSync(join(tmpdir(), 'cc-proxy-unit-'));
const silent = pino({ level: 'silent' });
let engine: StandIn;
const proxies: ProxyServer[] = [];

async function startStandIn(): Promise<StandIn> {
  const socket = join(dir, 'engine.sock');
  const s: StandIn = {
    socket,
    seen: [],
    open: 0,
    maxOpen: 0,
    abandoned: 0,
    handler: (_req, res) => res.end('{}'),
    server: createServer((req, res) => {
      s.seen.push({ url: req.url ?? '', headers: req.headers });
      s.open++;
      s.maxOpen = Math.max(s.maxOpen, s.open);
      res.once('close', () => {
        s.open--;
        if (!res.writableFinished) s.abandoned++;
      });
      s.handler(req, res);
    }),
  };
  await new Promise<void>((r) => s.server.listen(socket, r));
  return s;
}

async function proxy(o: Partial<ProxyOptions> = {}): Promise<ProxyServer> {
  const p = await startProxy(
    { ...DEFAULTS, listen: { kind: 'tcp', host: '127.0.0.1', port: 0 }, upstreamSocket: engine.socket, logs: false, ...o },
    silent,
  );
  proxies.push(p);
  return p;
}

interface Got {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  error?: string;
}

function get(p: ProxyServer, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Got> {
  const [host, port] = [p.address.slice(0, p.address.lastIndexOf(':')), Number(p.address.slice(p.address.lastIndexOf(':') + 1))];
  return new Promise((resolve) => {
    const req = request({ host, port, path, method, headers, timeout: 20_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
      res.on('error', (e) => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, error: e.message });
      });
    });
    req.on('timeout', () => req.destroy(new Error('client timeout')));
    req.on('error', (e) => {
      resolve({ status: 0, headers: {}, body: '', error: e.message });
    });
    req.end();
  });
}

const waitUntil = async (what: string, pred: () => boolean) => {
  for (let i = 0; i < 400 && !pred(); i++) await new Promise((r) => setTimeout(r, 25));
  if (!pred()) throw new Error(`timed out waiting for ${what}`);
};

beforeAll(async () => {
  engine = await startStandIn();
});

afterEach(async () => {
  await Promise.all(proxies.splice(0).map((p) => p.close(1000)));
  engine.seen.length = 0;
  engine.maxOpen = 0;
  engine.abandoned = 0;
  engine.handler = (_req, res) => res.end('{}');
});

afterAll(async () => {
  engine.server.closeAllConnections();
  await new Promise((r) => engine.server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('coach proxy: answers that are too big', () => {
  it('cuts an endless body at the cap: 502 to the client, the engine connection closed', async () => {
    const p = await proxy({ maxBodyBytes: 64 * 1024 });
    const chunk = Buffer.alloc(16 * 1024, 'a');
    engine.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      // Endless, until the proxy hangs up (bounded: stops after 100 MB if it never does).
      let sent = 0;
      const pump = () => {
        while (sent < 100e6 && res.write(chunk)) sent += chunk.length;
        if (sent < 100e6 && !res.destroyed) res.once('drain', pump);
      };
      pump();
    };
    const r = await get(p, '/v1.41/containers/json?all=1');
    expect(r.status).toBe(502);
    expect(JSON.parse(r.body).message).toMatch(/larger than 65536 bytes/);
    await waitUntil('the engine connection to close', () => engine.abandoned === 1);
  });

  it('refuses a declared oversized body without reading it', async () => {
    const p = await proxy({ maxBodyBytes: 4096 });
    engine.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': 1e6 });
      res.write('[');
    };
    expect((await get(p, '/containers/web/json')).status).toBe(502);
  });

  it('ends an events stream that grows past the cap mid-body: the client sees an error, not a short list', async () => {
    const p = await proxy({ maxBodyBytes: 8192 });
    const line = `${JSON.stringify({ Type: 'container', Action: 'start', Actor: { ID: 'c', Attributes: {} }, time: 1 })}\n`;
    engine.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(line.repeat(10));
      setTimeout(() => res.end(line.repeat(1000)), 50);
    };
    const r = await get(p, '/events?since=1700000000&until=1700000060');
    expect(r.status).toBe(200);
    expect(r.error).toBeDefined();
    expect(r.body.length).toBeLessThan(8192);
  });
});

describe('coach proxy: time and concurrency limits', () => {
  it('answers 504 when the engine never answers, and closes the engine connection', async () => {
    const p = await proxy({ timeoutMs: 300 });
    engine.handler = () => undefined; // never answers
    const r = await get(p, '/_ping');
    expect(r.status).toBe(504);
    await waitUntil('the engine connection to close', () => engine.open === 0);
  });

  it('holds at most maxConcurrent engine requests at once, queues a few, and turns the rest away with 503', async () => {
    const p = await proxy({ maxConcurrent: 2, maxQueued: 3, timeoutMs: 10_000 });
    const held: ServerResponse[] = [];
    engine.handler = (_req, res) => held.push(res);
    const all = Array.from({ length: 8 }, () => get(p, '/_ping'));
    await waitUntil('two requests at the engine', () => engine.open === 2);
    // 2 at the engine, 3 queued, 3 refused at once.
    const busy = await Promise.all(all.slice(5));
    expect(busy.map((r) => r.status)).toEqual([503, 503, 503]);
    expect(busy[0]!.headers['retry-after']).toBe('1');
    for (let i = 0; i < 5; i++) {
      await waitUntil('a held request', () => held.length > 0);
      held.shift()!.end('OK');
    }
    expect((await Promise.all(all.slice(0, 5))).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(engine.maxOpen).toBe(2);
  });
});

describe('coach proxy: requests', () => {
  it('passes no client header to the engine and no engine header but the Docker ones back', async () => {
    const p = await proxy();
    engine.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'api-version': '1.47', 'set-cookie': 'a=b', location: 'http://elsewhere/' });
      res.end('OK');
    };
    const r = await get(p, '/_ping', { authorization: 'Basic c2VjcmV0', cookie: 'x=y', 'x-registry-auth': 'e30=' });
    expect(r).toMatchObject({ status: 200, body: 'OK' });
    expect(r.headers['api-version']).toBe('1.47');
    expect(r.headers['set-cookie']).toBeUndefined();
    expect(r.headers.location).toBeUndefined();
    expect(Object.keys(engine.seen[0]!.headers).sort()).toEqual(['connection', 'host', 'user-agent']);
  });

  it('refuses bodies, non-GETs, upgrades and oversized headers before the engine sees anything', async () => {
    const p = await proxy();
    expect((await get(p, '/_ping', { 'content-length': '2' })).status).toBe(403);
    expect((await get(p, '/containers/web/start', {}, 'POST')).status).toBe(403);
    expect((await get(p, '/containers/web/attach?stream=1', { connection: 'Upgrade', upgrade: 'tcp' }, 'POST')).status).toBe(403);
    expect((await get(p, '/_ping', { connection: 'Upgrade', upgrade: 'tcp' })).status).toBe(403);
    expect((await get(p, '/_ping', { 'x-big': 'x'.repeat(DEFAULTS.maxHeaderBytes) })).status).toBe(431);
    expect(engine.seen).toEqual([]);
  });

  it('listens on a unix socket too', async () => {
    const path = join(dir, 'proxy.sock');
    const p = await proxy({ listen: { kind: 'unix', path } });
    expect(p.address).toBe(`unix://${path}`);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ socketPath: path, path: '/_ping' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(200);
  });
});

describe('coach proxy: SIGTERM', () => {
  it('finishes the answer in flight, then stops listening and resolves 0', async () => {
    const signals = new EventEmitter();
    const listen = join(dir, 'term.sock');
    const config = loadConfig({ COACH_PROXY_LISTEN: `unix://${listen}`, COACH_PROXY_UPSTREAM: `unix://${engine.socket}` });
    const held: ServerResponse[] = [];
    engine.handler = (_req, res) => held.push(res);
    const running = runProxy(config, silent, signals);
    // It waits for signals only once it listens.
    await waitUntil('the proxy to listen', () => signals.listenerCount('SIGTERM') === 1);
    const inFlight = new Promise<number>((resolve) => {
      const req = request({ socketPath: listen, path: '/_ping' }, (res) => {
        res.resume();
        res.on('end', () => {
          resolve(res.statusCode ?? 0);
        });
      });
      req.on('error', () => {
        resolve(0);
      });
      req.end();
    });
    await waitUntil('the request at the engine', () => held.length === 1);
    signals.emit('SIGTERM');
    held[0]!.end('OK');
    expect(await inFlight).toBe(200);
    expect(await running).toBe(0);
    expect(signals.listenerCount('SIGTERM')).toBe(0);
    const refused = await new Promise<string>((resolve) => {
      const s = connect(listen);
      s.on('error', (e: NodeJS.ErrnoException) => {
        resolve(e.code ?? 'error');
      });
      s.on('connect', () => {
        resolve('connected');
      });
    });
    expect(refused).not.toBe('connected');
  });
});
