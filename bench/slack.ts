// npm run bench:slack — 200 concurrent signed `/docker` slash commands in HTTP mode against the
// local Slack stand-in, through the real Bolt, the real bot (knowledge base + NLU) and the
// process's shared HTTP server. Reports ack latency (what Slack's 3 s rule is about) and how
// long the answers took to reach the response_url. Everything runs on 127.0.0.1 in one process,
// the load generator (a worker thread) and the stand-in share the 2 CPUs with the bot.
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createSlackAdapter } from '../src/adapters/slack/app.ts';
import { createBot } from '../src/core/bot.ts';
import { createHttpServer } from '../src/http/server.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { createNlu } from '../src/nlu/index.ts';
import { SIGNING_SECRET, slashBody } from '../test/adapters/slack/requests.ts';
import { startStandIn, waitFor } from '../test/adapters/slack/stand-in.ts';

const N = Number(process.env.BENCH_N ?? 200);
const QUESTIONS = [
  'what is the difference between a docker image and a container',
  'I built my image but docker ps shows nothing',
  'help',
  'explain docker run -d -p 8080:80 --name web myapp:2.1.0',
  'ps -a',
  'why did my changes not show up after rebuilding',
  'images',
  'what happens to my data when the container is removed',
];

/**
 * The load generator runs in a worker thread (its own event loop, plain JS so it needs no
 * loader): a client sharing the bot's event loop would add the bot's work to every latency it
 * measures. It signs each body just before sending, as Slack does.
 */
const CLIENT = `
const { workerData, parentPort } = require('node:worker_threads');
const { request } = require('node:http');
const { createHmac } = require('node:crypto');
const { url, secret, bodies } = workerData;
function post(body) {
  const ts = Math.floor(Date.now() / 1000);
  const sig = 'v0=' + createHmac('sha256', secret).update('v0:' + ts + ':' + body).digest('hex');
  return new Promise((resolve) => {
    const started = performance.now();
    const req = request(url, { method: 'POST', timeout: 10000, headers: {
      'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body),
      'x-slack-request-timestamp': String(ts), 'x-slack-signature': sig } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode || 0, ms: performance.now() - started }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ status: 0, ms: performance.now() - started }));
    req.end(body);
  });
}
Promise.all(bodies.map(post)).then((r) => parentPort.postMessage(r));
`;

function fire(url: string, bodies: string[]): Promise<{ status: number; ms: number }[]> {
  return new Promise((resolve, reject) => {
    const w = new Worker(CLIENT, { eval: true, workerData: { url, secret: SIGNING_SECRET, bodies } });
    w.once('message', (r: { status: number; ms: number }[]) => {
      resolve(r);
      void w.terminate();
    });
    w.once('error', reject);
  });
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN;
};
const f = (ms: number) => (Number.isFinite(ms) ? `${ms.toFixed(1)} ms` : '—');

async function main() {
  const kb = loadKnowledge(new URL('../intents', import.meta.url).pathname);
  const bot = createBot({ knowledge: kb, nlu: createNlu(kb) });
  const standIn = await startStandIn();
  const adapter = createSlackAdapter({
    config: {
      botToken: 'xoxb-bench',
      mode: 'http',
      signingSecret: SIGNING_SECRET,
      apiUrl: standIn.apiUrl,
      hostChannels: ['*'],
      hostUsers: ['*'],
    },
    bot: { handle: (q) => bot.handle(q), feedback: () => {} },
    hostConfigured: false,
    tuning: { apiRetries: 0 },
  });
  await adapter.start();
  const http = createHttpServer(adapter.routes);
  const port = await http.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/slack/events`;

  // Warm up (JIT, first NLU calls) so the run measures steady state.
  await fire(
    url,
    Array.from({ length: 5 }, (_, i) =>
      slashBody({ text: QUESTIONS[i % QUESTIONS.length]!, channel: 'CWARM', user: 'UWARM', responseUrl: standIn.responseUrl(`warm${i}`) }),
    ),
  );
  await waitFor(() => standIn.posted.filter((p) => p.urlId?.startsWith('warm')).length >= 5, 10_000, 'warm-up answers');

  const bodies = Array.from({ length: N }, (_, i) =>
    slashBody({ text: QUESTIONS[i % QUESTIONS.length]!, channel: 'CBENCH', user: `U${i}`, responseUrl: standIn.responseUrl(`b${i}`) }),
  );
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  const t0 = performance.now();
  const acks = await fire(url, bodies);
  let answered = 0;
  try {
    await waitFor(() => (answered = standIn.posted.filter((p) => p.urlId?.startsWith('b')).length) >= N, 30_000, 'all answers');
  } catch {
    /* reported below as missing answers */
  }
  const answerMs = standIn.posted.filter((p) => p.urlId?.startsWith('b')).map((p) => p.at - t0);
  const ackMs = acks.map((a) => a.ms);
  const errors = acks.filter((a) => a.status !== 200).length;
  const over3s = ackMs.filter((ms) => ms >= 3000).length;

  const rows: [string, string][] = [
    ['requests (concurrent)', String(N)],
    ['ack p50', f(pct(ackMs, 50))],
    ['ack p99', f(pct(ackMs, 99))],
    ['ack max', f(Math.max(...ackMs))],
    ['acks ≥ 3 s', String(over3s)],
    ['errors (non-200 ack)', String(errors)],
    ['answers delivered', `${answered} / ${N}`],
    ['answer p50 (from first send)', f(pct(answerMs, 50))],
    ['answer p99 (from first send)', f(pct(answerMs, 99))],
    ['Slack limit violations', String(standIn.violations.length)],
  ];
  const verdict = over3s === 0 && errors === 0 && pct(ackMs, 99) < 200 && answered === N ? 'PASS' : 'FAIL';
  const md = [
    `# bench: slack (HTTP mode, ${N} concurrent signed slash commands)`,
    '',
    `${new Date().toISOString()} · node ${process.version} · ${availableParallelism()} CPUs (${cpus()[0]?.model.trim() ?? '?'}) · load average before the run ${load} · goal: every ack < 3 s, p99 < 200 ms · **${verdict}**`,
    '',
    '| metric | value |',
    '| --- | --- |',
    ...rows.map(([k, v]) => `| ${k} | ${v} |`),
    '',
  ].join('\n');
  console.log(md);
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/slack.md', import.meta.url), md);

  await adapter.stop();
  await http.close(1000);
  await standIn.close();
  process.exitCode = verdict === 'PASS' ? 0 : 1;
}

await main();
