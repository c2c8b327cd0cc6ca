// npm run bench:slack — 200 concurrent signed `/docker` slash commands in HTTP mode against the
// local Slack stand-in, through the real Bolt and the real bot, run as its own process
// (`coach start` from the compiled dist/, as the image runs it: bench/bot-process.ts). Reports ack latency (what
// Slack's 3 s rule is about) and how long the answers took to reach the response_url. The load
// generators (worker threads) and the stand-in run in this process and share the 2 CPUs.
// Then the hostile mixes (issue 11): 60 unsigned 4 MB POSTs beside the signed traffic, and 500
// signed 4,000-character questions 50 at a time: answered / busy / rejected / lost, and the peak
// RSS of the bot's process alone against the compose limit (256 MB).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { SIGNING_SECRET, slashBody } from '../test/adapters/slack/requests.ts';
import { startStandIn, waitFor, type Posted, type StandIn } from '../test/adapters/slack/stand-in.ts';
import { freePort } from '../test/helpers/process.ts';
import { postgresMissing, startPostgres } from '../test/helpers/postgres.ts';
import { cleanEnv } from '../test/helpers/spawn.ts';
import { startBot, waitReady, type BotProcess } from './bot-process.ts';
import { fire, flood } from './slack-load.ts';

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

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN;
};
const f = (ms: number) => (Number.isFinite(ms) ? `${ms.toFixed(1)} ms` : '—');

const RSS_LIMIT_MB = 256;
/**
 * The bot the image ships: the compiled dist/ (built first, so it is this checkout's code).
 * BENCH_BOT=src runs bin/coach.js through tsx instead, as `npm start` in a checkout does (tsx's
 * loader thread and transpile caches add about 30 MB to its RSS).
 */
const ENTRY = process.env.BENCH_BOT === 'src' ? 'src' : 'dist';
const MB = 1024 * 1024;
const FLOOD_N = Number(process.env.BENCH_FLOOD_N ?? 60);
const LONG_N = Number(process.env.BENCH_LONG_N ?? 500);

/** The lifecycle's notice (src/runtime/lifecycle.ts NOTICE_TEXT.busy), as Slack shows it. */
const isBusy = (p: Posted) => /busy right now/.test(p.text ?? '');

interface Tally {
  sent: number;
  answered: number;
  busy: number;
  rejected: number;
  lost: number;
}

interface MixResult extends Tally {
  name: string;
  flood?: { refused: number; other: number };
  peakRssMb: number;
}

/** The bot's peak RSS while `work` runs. */
async function withPeakRss<T>(bot: BotProcess, work: () => Promise<T>): Promise<{ value: T; peakRssMb: number }> {
  bot.resetPeak();
  const value = await work();
  return { value, peakRssMb: bot.peakMb() };
}

/** Signed slash commands with response_urls `${prefix}N`; counts what came back for each. */
async function signedMix(url: string, standIn: StandIn, prefix: string, texts: string[], concurrency?: number): Promise<Tally> {
  const bodies = texts.map((text, i) =>
    slashBody({ text, channel: 'CHOSTILE', user: `U${prefix}${i % 50}`, responseUrl: standIn.responseUrl(`${prefix}${i}`) }),
  );
  const acks = await fire(url, bodies, concurrency);
  const acked = new Set(acks.flatMap((a, i) => (a.status === 200 ? [`${prefix}${i}`] : [])));
  const replies = () => standIn.posted.filter((p) => p.urlId !== undefined && acked.has(p.urlId));
  await waitFor(() => new Set(replies().map((p) => p.urlId)).size >= acked.size, 60_000, 'answers').catch(() => undefined);
  const byId = new Map(replies().map((p) => [p.urlId, p]));
  const busy = [...byId.values()].filter(isBusy).length;
  return { sent: texts.length, answered: byId.size - busy, busy, rejected: texts.length - acked.size, lost: acked.size - byId.size };
}

async function hostileMixes(url: string, standIn: StandIn, bot: BotProcess): Promise<MixResult[]> {
  const out: MixResult[] = [];
  const signed = Array.from({ length: N }, (_, i) => QUESTIONS[i % QUESTIONS.length]!);
  const a = await withPeakRss(bot, () => Promise.all([flood(url, FLOOD_N, 4 * MB), signedMix(url, standIn, 'h', signed)]));
  const [statuses, tally] = a.value;
  const refused = statuses.filter((x) => x === 413).length;
  out.push({
    name: `${FLOOD_N} unsigned 4 MB POSTs beside ${N} signed questions`,
    ...tally,
    flood: { refused, other: statuses.length - refused },
    peakRssMb: a.peakRssMb,
  });
  const long = 'what is the difference between a docker image and a container and why did my container stop '.repeat(50).slice(0, 4000);
  const texts = Array.from({ length: LONG_N }, () => long);
  const b = await withPeakRss(bot, () => signedMix(url, standIn, 'q', texts, 50));
  out.push({ name: `${LONG_N} signed 4,000-character questions, 50 at a time`, ...b.value, peakRssMb: b.peakRssMb });
  return out;
}

/** The baseline: N concurrent signed questions; ack latency and delivery. */
async function baseline(url: string, standIn: StandIn) {
  const bodies = Array.from({ length: N }, (_, i) =>
    slashBody({ text: QUESTIONS[i % QUESTIONS.length]!, channel: 'CBENCH', user: `U${i}`, responseUrl: standIn.responseUrl(`b${i}`) }),
  );
  const t0 = performance.now();
  const acks = await fire(url, bodies);
  const mine = () => standIn.posted.filter((p) => p.urlId?.startsWith('b'));
  await waitFor(() => mine().length >= N, 30_000, 'all answers').catch(() => undefined);
  const posted = mine();
  const answers = posted.filter((p) => !isBusy(p));
  const answerMs = answers.map((p) => p.at - t0);
  const ackMs = acks.map((a) => a.ms);
  return {
    ackMs,
    errors: acks.filter((a) => a.status !== 200).length,
    over3s: ackMs.filter((ms) => ms >= 3000).length,
    delivered: posted.length,
    busy: posted.length - answers.length,
    answerMs,
  };
}

function report(b: Awaited<ReturnType<typeof baseline>>, hostile: MixResult[], bot: BotProcess, load: string) {
  const hostileOk = hostile.every((m) => m.lost === 0 && m.peakRssMb < RSS_LIMIT_MB);
  const pass = b.over3s === 0 && b.errors === 0 && pct(b.ackMs, 99) < 200 && b.delivered === N && hostileOk;
  const rows: [string, string][] = [
    ['requests (concurrent)', String(N)],
    ['ack p50', f(pct(b.ackMs, 50))],
    ['ack p99', f(pct(b.ackMs, 99))],
    ['ack max', f(Math.max(...b.ackMs))],
    ['acks ≥ 3 s', String(b.over3s)],
    ['errors (non-200 ack)', String(b.errors)],
    ['delivered at the response_url (answer or busy notice)', `${b.delivered} / ${N}`],
    ['of which "busy, try again" (limits: 100 held, 5 per person)', String(b.busy)],
    ['answer p50 (from first send)', f(pct(b.answerMs, 50))],
    ['answer p99 (from first send)', f(pct(b.answerMs, 99))],
  ];
  return [
    `# bench: slack (HTTP mode, ${N} concurrent signed slash commands)`,
    '',
    `${new Date().toISOString()} · node ${process.version} · ${availableParallelism()} CPUs (${cpus()[0]?.model.trim() ?? '?'}) · load average before the run ${load} · goal: every ack < 3 s, p99 < 200 ms; hostile mixes lose nothing and the bot stays under ${RSS_LIMIT_MB} MB · **${pass ? 'PASS' : 'FAIL'}**`,
    '',
    '| metric | value |',
    '| --- | --- |',
    ...rows.map(([k, v]) => `| ${k} | ${v} |`),
    '',
    `## Hostile mixes (goal: lost 0, peak RSS of the bot's process under ${RSS_LIMIT_MB} MB, the compose limit)`,
    '',
    `The bot runs as its own process (${ENTRY === 'dist' ? 'the compiled dist/, as in the image' : '`bin/coach.js start` through tsx, as `npm start`'}, pid ${bot.pid}); its peak RSS is the kernel's VmHWM for that process alone (reset before each mix), not the stand-in's or the load generators'.`,
    '',
    '| mix | signed sent | answered | busy, try again | rejected (non-200 ack) | lost (acked, no reply) | unsigned flood: 413 / other | peak RSS (bot) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...hostile.map(
      (m) =>
        `| ${m.name} | ${m.sent} | ${m.answered} | ${m.busy} | ${m.rejected} | ${m.lost} | ${m.flood ? `${m.flood.refused} / ${m.flood.other}` : '—'} | ${m.peakRssMb.toFixed(0)} MB |`,
    ),
    '',
    `The bot's peak RSS over its whole life (start-up, training or loading the model, every run above): ${bot.peakMb().toFixed(0)} MB.`,
    '',
    `Warnings and errors the bot logged: ${
      Object.entries(bot.logCounts())
        .map(([msg, n]) => `${n} × "${msg}"`)
        .join(', ') || 'none'
    }.`,
    '',
  ].join('\n');
}

/** Starts the bot (with `extraEnv`: the store it uses), waits until ready and warms it up. */
async function startWarm(standIn: StandIn, extraEnv: Record<string, string>, tag: string): Promise<{ bot: BotProcess; url: string }> {
  const port = await freePort();
  const bot = startBot(
    cleanEnv({
      NODE_ENV: 'production',
      PORT: String(port),
      COACH_LOG_FORMAT: 'json',
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: standIn.apiUrl,
      ...extraEnv,
    }),
    ENTRY,
  );
  try {
    await waitReady(`http://127.0.0.1:${port}/readyz`, bot);
    const url = `http://127.0.0.1:${port}/slack/events`;
    // Warm up (JIT, first NLU calls) so the run measures steady state.
    const warm = Array.from({ length: 5 }, (_, i) =>
      slashBody({ text: QUESTIONS[i]!, channel: 'CWARM', user: 'UWARM', responseUrl: standIn.responseUrl(`warm${tag}${i}`) }),
    );
    await fire(url, warm);
    await waitFor(() => standIn.posted.filter((p) => p.urlId?.startsWith(`warm${tag}`)).length >= 5, 120_000, 'warm-up answers');
    return { bot, url };
  } catch (err) {
    console.error(`bench:slack: the bot did not start; its last lines:\n${bot.tail()}`);
    await bot.stop();
    throw err;
  }
}

type Baseline = Awaited<ReturnType<typeof baseline>>;

/**
 * The same baseline on PostgreSQL (a throwaway cluster on 127.0.0.1), beside the default run on
 * the embedded store: every answer is claimed (answer-once across replicas) and recorded there.
 * Skipped when the server binaries are missing or BENCH_POSTGRES=0.
 */
async function postgresRun(standIn: StandIn): Promise<Baseline | string> {
  if (process.env.BENCH_POSTGRES === '0') return 'skipped (BENCH_POSTGRES=0)';
  const missing = postgresMissing();
  if (missing) return `skipped (${missing})`;
  const pg = await startPostgres();
  try {
    const { bot, url } = await startWarm(standIn, { DATABASE_URL: pg.createDatabase('bench_slack') }, 'pg');
    try {
      standIn.posted.length = 0; // the baseline counts response_url ids from b0
      return await baseline(url, standIn);
    } finally {
      await bot.stop();
    }
  } finally {
    pg.stop();
  }
}

function enginesTable(embedded: Baseline, pg: Baseline | string): string {
  const row = (name: string, b: Baseline) => `| ${name} | ${f(pct(b.ackMs, 99))} | ${f(pct(b.answerMs, 99))} | ${b.delivered} / ${N} |`;
  return [
    `## Store engines side by side (${N} concurrent commands; goal: PostgreSQL within 10% of the embedded run)`,
    '',
    '`coach start` always opens a store now, so the run above is the embedded store (SQLite in COACH_DATA_DIR); there is no in-memory mode left to compare with.',
    '',
    '| store | ack p99 | answer p99 | delivered |',
    '| --- | --- | --- | --- |',
    row('embedded (SQLite)', embedded),
    typeof pg === 'string' ? `| PostgreSQL | ${pg} | | |` : row('PostgreSQL', pg),
    '',
  ].join('\n');
}

async function main() {
  if (ENTRY === 'dist')
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: new URL('..', import.meta.url).pathname, stdio: 'inherit' });
  const standIn = await startStandIn();
  const { bot, url } = await startWarm(standIn, {}, 'sqlite');
  try {
    const load = loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
    const b = await baseline(url, standIn);
    const hostile = await hostileMixes(url, standIn, bot);
    let md = report(b, hostile, bot, load);
    for (const line of bot.firstLogs()) console.error(`first of its kind: ${line}`);
    const code = await bot.stop();
    if (code !== 0) console.error(`the bot exited with ${code}:\n${bot.tail()}`);
    md += `\n${enginesTable(b, await postgresRun(standIn))}`;
    console.log(md);
    mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
    writeFileSync(new URL('./results/slack.md', import.meta.url), md);
    process.exitCode = md.includes('**PASS**') ? 0 : 1;
  } catch (err) {
    console.error(`bench:slack failed; the bot's last lines:\n${bot.tail()}`);
    throw err;
  } finally {
    await bot.stop();
    await standIn.close();
  }
}

await main();
