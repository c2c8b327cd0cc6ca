// npm run bench:host — against the real engine, with 10, 100 and 1,000 containers (created,
// not started): the time of the `coach why NAME` work in-process (diagnosis + rendering) and of
// the raw `GET /containers/json?all=1` in the same run, and the engine requests per diagnosis
// (counted through the test harness's socket recorder). Goal at 1,000: diagnosis ≤ 1.5× the raw
// list + 20 ms, and the same number of requests at every size.
// Prints a markdown table and writes it to bench/results/host.md. Removes every container and
// the image it made, also on failure or Ctrl-C.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { runWhy } from '../src/adapters/cli/host-commands.ts';
import { createDockerHost } from '../src/host/docker-host.ts';
import { hostBot } from '../test/helpers/host-bot.ts';
import { endpointOf, startRecorder } from '../test/helpers/recorder.ts';
import { fuzzyRows } from './fuzzy-rows.ts';

const SOCKET = process.env.DOCKER_HOST?.startsWith('unix://') ? process.env.DOCKER_HOST.slice(7) : '/var/run/docker.sock';
const SIZES = [10, 100, 1000];
const RUNS = 21;
const CREATE_CONCURRENCY = 16;
const RUN_ID = `cc-bench-${Date.now().toString(36)}-${randomBytes(2).toString('hex')}`;
const IMAGE = `${RUN_ID}:1`;
const LABEL = 'container-coach.bench';
const TARGET = `${RUN_ID}-target`;
const OUT = fileURLToPath(new URL('./results/host.md', import.meta.url));

/** A raw engine call on the real socket (the bench's own set-up and the baseline; not the bot). */
function engine(method: string, path: string, body?: unknown): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      {
        socketPath: SOCKET,
        method,
        path,
        headers: data ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

async function parallel<T>(items: T[], n: number, fn: (t: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

function buildImage(): void {
  const dir = mkdtempSync(join(tmpdir(), 'cc-bench-img-'));
  try {
    copyFileSync('/bin/busybox', join(dir, 'busybox'));
    writeFileSync(
      join(dir, 'Dockerfile'),
      [
        'FROM scratch',
        'COPY busybox /bin/busybox',
        'RUN ["/bin/busybox","--install","-s","/bin"]',
        `LABEL ${LABEL}=${RUN_ID}`,
        'CMD ["sleep","3600"]',
        '',
      ].join('\n'),
    );
    execFileSync('docker', ['build', '-q', '-t', IMAGE, dir], { stdio: 'pipe' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let created = 0;
async function growTo(n: number): Promise<void> {
  const names = Array.from({ length: n - created }, (_, k) => (created + k === 0 ? TARGET : `${RUN_ID}-${created + k}`));
  await parallel(names, CREATE_CONCURRENCY, async (name) => {
    const r = await engine('POST', `/containers/create?name=${encodeURIComponent(name)}`, {
      Image: IMAGE,
      Cmd: ['sleep', '3600'],
      Labels: { [LABEL]: RUN_ID },
    });
    if (r.status !== 201) throw new Error(`create ${name}: ${r.status} ${r.text}`);
  });
  created = n;
}

let cleaned = false;
async function cleanupAll(): Promise<void> {
  if (cleaned) return;
  cleaned = true;
  try {
    const filters = encodeURIComponent(JSON.stringify({ label: [`${LABEL}=${RUN_ID}`] }));
    const list = JSON.parse((await engine('GET', `/containers/json?all=1&filters=${filters}`)).text) as Array<{ Id: string }>;
    await parallel(list, CREATE_CONCURRENCY, async (c) => {
      await engine('DELETE', `/containers/${c.Id}?force=1&v=1`);
    });
    await engine('DELETE', `/images/${encodeURIComponent(IMAGE)}?force=1`);
    console.error(`[bench] removed ${list.length} containers and ${IMAGE}`);
  } catch (err) {
    console.error(
      `[bench] cleanup failed — remove by hand: docker rm -f $(docker ps -aq --filter label=${LABEL}=${RUN_ID}): ${String(err)}`,
    );
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Medians of interleaved runs: raw, why NAME, why — one of each per round, so that load from
 * anything else on the machine falls on all three alike (the CI machine has 2 cores).
 */
async function timeInterleaved(fns: Array<() => Promise<unknown>>): Promise<number[]> {
  for (const f of fns) await f(); // warm-up
  const times: number[][] = fns.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    for (const [k, f] of fns.entries()) {
      const t0 = performance.now();
      await f();
      times[k]!.push(performance.now() - t0);
    }
  }
  return times.map(median);
}

const nullOut = (): Writable =>
  new Writable({
    write: (_c, _e, cb) => {
      cb();
    },
  });

interface Row {
  n: number;
  raw: number;
  why: number;
  whyAll: number;
  requests: number;
  requestsAll: number;
  endpoints: string;
}

async function measure(n: number, recorderSocket: string, recorder: Awaited<ReturnType<typeof startRecorder>>): Promise<Row> {
  // Timed against the real socket (no proxy hop); counted through the recorder.
  // Through the core, as `coach why` runs it (the deadline raised past the host's own limit).
  const host = hostBot(createDockerHost({ connect: { dockerHost: `unix://${SOCKET}` }, timeoutMs: 30_000 }), { hostDeadlineMs: 60_000 });
  const counted = hostBot(createDockerHost({ connect: { dockerHost: `unix://${recorderSocket}` }, timeoutMs: 30_000 }), {
    hostDeadlineMs: 60_000,
  });
  const [raw, why, whyAll] = (await timeInterleaved([
    async () => JSON.parse((await engine('GET', '/containers/json?all=1')).text),
    () => runWhy(host, { name: TARGET, json: false }, nullOut()),
    () => runWhy(host, { json: false }, nullOut()),
  ])) as [number, number, number];
  recorder.reset();
  await runWhy(counted, { name: TARGET, json: false }, nullOut());
  const endpoints = [...new Set(recorder.requests.map(endpointOf))].join(', ');
  const requests = recorder.requests.length;
  recorder.reset();
  await runWhy(counted, { json: false }, nullOut());
  const requestsAll = recorder.requests.length;
  if (recorder.violations().length) throw new Error(`not allow-listed: ${JSON.stringify(recorder.violations())}`);
  return { n, raw, why, whyAll, requests, requestsAll, endpoints };
}

async function main(): Promise<number> {
  try {
    execFileSync('docker', ['info'], { stdio: 'pipe', timeout: 10_000 });
  } catch {
    console.error('bench:host needs a Docker Engine (docker info did not answer). Start dockerd, see .ci/start-docker.sh.');
    return 1;
  }
  const existing = JSON.parse((await engine('GET', '/containers/json?all=1')).text) as unknown[];
  const recorder = await startRecorder({ target: SOCKET });
  const rows: Row[] = [];
  try {
    console.error(`[bench] building ${IMAGE}`);
    buildImage();
    for (const n of SIZES) {
      const t0 = performance.now();
      await growTo(n);
      console.error(`[bench] ${n} containers (${Math.round(performance.now() - t0)} ms to create); measuring`);
      rows.push(await measure(n, recorder.socketPath, recorder));
    }
  } finally {
    await recorder.close();
    await cleanupAll();
  }
  const table = `${report(rows, existing.length)}\n\n${fuzzyRows()}`;
  console.log(table);
  mkdirSync(join(OUT, '..'), { recursive: true });
  writeFileSync(OUT, `${table}\n`);
  const last = rows[rows.length - 1]!;
  const constant = rows.every((r) => r.requests === rows[0]!.requests);
  return last.why <= 1.5 * last.raw + 20 && constant ? 0 : 1;
}

function report(rows: Row[], others: number): string {
  const ms = (x: number) => x.toFixed(1);
  const last = rows[rows.length - 1]!;
  const budget = 1.5 * last.raw + 20;
  const constant = rows.every((r) => r.requests === rows[0]!.requests);
  return [
    `## bench:host — ${new Date().toISOString().slice(0, 10)}, Docker Engine on ${SOCKET}, median of ${RUNS} interleaved runs`,
    '',
    '| containers | raw `GET /containers/json?all=1` | `coach why NAME` | budget (1.5× raw + 20 ms) | requests / why NAME | `coach why` (no name) | requests / why |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.n}${others ? ` (+${others} others)` : ''} | ${ms(r.raw)} ms | ${ms(r.why)} ms | ${ms(1.5 * r.raw + 20)} ms | ${r.requests} | ${ms(r.whyAll)} ms | ${r.requestsAll} |`,
    ),
    '',
    `Requests for \`why NAME\`: ${rows[0]!.endpoints}.`,
    `Goal at ${last.n}: ${ms(last.why)} ms ≤ ${ms(budget)} ms — ${last.why <= budget ? 'met' : `MISSED by ${ms(last.why - budget)} ms`}; requests per diagnosis ${constant ? `constant (${rows[0]!.requests})` : 'NOT constant'}.`,
    'Containers are created, not started. Raw = the list request on the engine socket, body read and JSON-parsed. `coach why NAME` = the in-process work: diagnosis (engine reads + rules) and rendering the human output, on the engine socket directly; requests counted through the socket recorder in a separate run.',
  ].join('\n');
}

let exiting = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (exiting) return;
    exiting = true;
    console.error(`[bench] ${sig}: cleaning up`);
    void cleanupAll().finally(() => process.exit(130));
  });
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch(async (err: unknown) => {
    console.error(err);
    await cleanupAll();
    process.exitCode = 1;
  });
