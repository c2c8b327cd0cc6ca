// npm run bench:proxy — what `coach proxy` costs. Three tables:
//  1. the real engine (this machine's socket), direct and through the proxy: median time of the
//     requests the bot makes, and the bytes the proxy passes on;
//  2. the filters alone on made-up bodies: a large container list, and the hostile values that
//     make the shared redaction slow (a 40 KB label, a 4 MB body of long runs);
//  3. peak RSS while 16 clients at a time fetch a 3.9 MB list through the proxy (4 engine requests
//     at a time): the compose file gives the proxy 256 MB.
// Prints markdown and writes it to bench/results/proxy.md.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { filterJsonBody } from '../src/proxy/filter-json.ts';
import { DEFAULTS, type ProxyOptions } from '../src/proxy/options.ts';
import { startProxy, type ProxyServer } from '../src/proxy/server.ts';

const SOCKET = process.env.DOCKER_HOST?.startsWith('unix://') ? process.env.DOCKER_HOST.slice(7) : '/var/run/docker.sock';
const RUNS = 15;
const OUT = fileURLToPath(new URL('./results/proxy.md', import.meta.url));
const silent = pino({ level: 'silent' });

function get(where: { socketPath: string } | { host: string; port: number }, path: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = request({ ...where, path }, (res) => {
      let bytes = 0;
      res.on('data', (d: Buffer) => (bytes += d.length));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, bytes });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const at = (p: ProxyServer) => ({ host: '127.0.0.1', port: Number(p.address.split(':').pop()) });

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function proxy(o: Partial<ProxyOptions>): Promise<ProxyServer> {
  return startProxy(
    { ...DEFAULTS, listen: { kind: 'tcp', host: '127.0.0.1', port: 0 }, upstreamSocket: SOCKET, logs: false, ...o },
    silent,
  );
}

async function realEngine(): Promise<string[]> {
  const p = await proxy({});
  const now = Math.floor(Date.now() / 1000);
  const list = await new Promise<string>((resolve) => {
    const req = request({ socketPath: SOCKET, path: '/v1.41/containers/json?all=1' }, (res) => {
      let t = '';
      res.on('data', (d: Buffer) => (t += d.toString()));
      res.on('end', () => {
        resolve(t);
      });
    });
    req.end();
  });
  const first = (JSON.parse(list) as { Id: string }[])[0]?.Id;
  const paths = [
    '/v1.41/_ping',
    '/v1.41/containers/json?all=1',
    '/v1.41/images/json',
    ...(first ? [`/v1.41/containers/${first}/json`] : []),
    `/v1.41/events?since=${now - 3600}&until=${now}`,
  ];
  const rows = ['| request | direct (ms) | through coach proxy (ms) | bytes direct | bytes passed on |', '|---|---:|---:|---:|---:|'];
  for (const path of paths) {
    const direct: number[] = [];
    const proxied: number[] = [];
    let bytes = [0, 0];
    for (let i = 0; i < RUNS; i++) {
      let d = { bytes: 0 };
      let q = { bytes: 0 };
      direct.push(await timed(async () => (d = await get({ socketPath: SOCKET }, path))));
      proxied.push(await timed(async () => (q = await get(at(p), path))));
      bytes = [d.bytes, q.bytes];
    }
    rows.push(
      `| \`GET ${path.replace(/\?.*/, '')}\` | ${median(direct).toFixed(1)} | ${median(proxied).toFixed(1)} | ${bytes[0]} | ${bytes[1]} |`,
    );
  }
  await p.close(1000);
  return rows;
}

function container(i: number): unknown {
  return {
    Id: i.toString(16).padStart(64, 'a'),
    Names: [`/app-${i}`],
    Image: `registry.example.com/team/app:${i}`,
    Command: `node server.js --port 8080 --api-key key-${i} --password=pw-${i}`,
    Labels: {
      'com.docker.compose.service': `svc-${i}`,
      'com.docker.compose.project': 'shop',
      api_token: `tok-${i}`,
      maintainer: 'team@example.com',
    },
    State: 'running',
    Status: 'Up 2 hours',
    Ports: [{ PrivatePort: 8080, PublicPort: 8080 + i, Type: 'tcp' }],
  };
}

function filters(): string[] {
  const list = JSON.stringify(Array.from({ length: 2000 }, (_, i) => container(i)));
  const label = JSON.stringify({ Id: 'x', Config: { Labels: { padding: 'x'.repeat(40 * 1024) }, Env: ['A=b'] } });
  const runs = JSON.stringify(Array.from({ length: 4 * 1024 }, () => ({ Labels: { blob: `${'x'.repeat(1000)} y` } })));
  const rows = ['| body | size | filter time (ms) |', '|---|---:|---:|'];
  for (const [name, kind, body] of [
    ['container list, 2,000 containers', 'containerList', list],
    ['inspect with one 40 KB label of one letter', 'containerInspect', label],
    ['4 MB of 1,000-letter runs', 'other', runs],
  ] as const) {
    const ms = median(Array.from({ length: 5 }, () => timedSync(() => filterJsonBody(kind, body))));
    rows.push(`| ${name} | ${(body.length / 1024).toFixed(0)} KB | ${ms.toFixed(0)} |`);
  }
  return rows;
}

function timedSync(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

async function memory(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cc-bench-proxy-'));
  const socketPath = join(dir, 'engine.sock');
  const body = Buffer.from(JSON.stringify(Array.from({ length: 7500 }, (_, i) => container(i))));
  const engine = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    res.end(body);
  });
  await new Promise<void>((r) => engine.listen(socketPath, r));
  const p = await startProxy(
    { ...DEFAULTS, listen: { kind: 'tcp', host: '127.0.0.1', port: 0 }, upstreamSocket: socketPath, logs: false },
    silent,
  );
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const statuses = new Map<number, number>();
  for (let round = 0; round < 4; round++) {
    const rs = await Promise.all(Array.from({ length: 16 }, () => get(at(p), '/v1.41/containers/json?all=1')));
    for (const r of rs) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
  }
  clearInterval(sampler);
  await p.close(1000);
  engine.close();
  rmSync(dir, { recursive: true, force: true });
  const mb = (x: number) => (x / 1024 / 1024).toFixed(0);
  return [
    '| body | clients at once | answers | RSS before (MB) | peak RSS (MB) |',
    '|---|---:|---|---:|---:|',
    `| ${(body.length / 1024 / 1024).toFixed(1)} MB list | 16 | ${[...statuses].map(([s, n]) => `${n}× ${s}`).join(', ')} | ${mb(before)} | ${mb(peak)} |`,
  ];
}

const out = [
  `### \`npm run bench:proxy\` — ${new Date().toISOString().slice(0, 10)}, median of ${RUNS}`,
  '',
  ...(await realEngine()),
  '',
  ...filters(),
  '',
  ...(await memory()),
  '',
].join('\n');
console.log(out);
mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
writeFileSync(OUT, out);
