// The bot's image running in Slack HTTP mode under the compose limits, for the ship tests.
//
// The bot needs a Slack Web API for auth.test at start and response_urls to answer to: a tiny
// stand-in runs from the same image in its own container, and the bot joins that container's
// network namespace (`--network container:`), so the two talk over 127.0.0.1 and only the
// stand-in's published port (on 127.0.0.1) is reachable from the test. The stand-in logs one
// line per response_url POST: `RESPONSE <id> <bytes> <answer|busy|restarting|other>`.
import { docker, testName } from '../helpers/engine.ts';
import { waitFor } from '../helpers/wait.ts';
import { SIGNING_SECRET } from '../adapters/slack/requests.ts';

const MB = 1024 * 1024;

/** The stand-in: auth.test, a generic ok for other Web API calls, and response_urls it logs. */
const STAND_IN = `
const http = require('node:http');
const kindOf = (b) => /busy right now/.test(b) ? 'busy' : /restarting/.test(b) ? 'restarting' : /"blocks"/.test(b) ? 'answer' : 'other';
http.createServer((req, res) => {
  let n = 0;
  let body = '';
  req.on('data', (c) => { n += c.length; if (body.length < 65536) body += c; });
  req.on('end', () => {
    const json = (o) => { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify(o)); };
    if (req.url.startsWith('/api/auth.test')) return json({ ok: true, user_id: 'UBOT0001', bot_id: 'BBOT0001', team_id: 'T0001', user: 'coach', team: 'test', url: 'https://test.slack.com/' });
    if (req.url.startsWith('/api/')) return json({ ok: true });
    if (req.url.startsWith('/response/')) { console.log('RESPONSE ' + req.url.slice(10) + ' ' + n + ' ' + kindOf(body)); return res.end('ok'); }
    res.statusCode = 404; res.end();
  });
}).listen(9000, '127.0.0.1', () => console.log('stand-in listening'));
`;

/** The compose file's limits for the bot (deploy/compose.yaml: mem_limit 256m, pids_limit 256). */
export const COMPOSE_LIMITS = ['--memory', '256m', '--memory-swap', '256m', '--pids-limit', '256'];
const LOCKED_DOWN = ['--read-only', '--tmpfs', '/tmp', '--cap-drop', 'ALL', '--security-opt', 'no-new-privileges'];

export interface SlackContainer {
  /** The bot's HTTP base on the host: http://127.0.0.1:<published port>. */
  base: string;
  bot: string;
  standIn: string;
  /** A response_url (as the bot, inside the shared namespace, reaches it). */
  responseUrl(id: string): string;
  /** Every response_url POST so far: [id, kind] in arrival order. */
  responses(): Promise<[string, string][]>;
  /** Running, OOM-killed, restart count, as `docker inspect` reports them. */
  state(): Promise<{ running: string; oom: string; restarts: string }>;
  /** The cgroup's peak memory in bytes (NaN when the kernel does not report it). */
  memoryPeak(): Promise<number>;
}

let started = 0;

/** Starts the stand-in and the bot from `tag` (names unique in this run), waits until the bot is ready. */
export async function startSlackContainer(tag: string, env: string[] = []): Promise<SlackContainer> {
  const n = ++started;
  const standIn = testName(`slack-standin-${n}`);
  const bot = testName(`coach-slack-${n}`);
  await docker('run', '-d', '--name', standIn, '-p', '127.0.0.1::3000', '--entrypoint', 'node', tag, '-e', STAND_IN);
  const port = (await docker('port', standIn, '3000/tcp')).split('\n')[0]!.split(':').pop()!;
  const vars = [
    ...['SLACK_BOT_TOKEN=xoxb-test', `SLACK_SIGNING_SECRET=${SIGNING_SECRET}`, 'SLACK_API_URL=http://127.0.0.1:9000/api/'],
    ...['PORT=3000', 'COACH_DOCKER=off', ...env],
  ].flatMap((e) => ['-e', e]);
  await docker('run', '-d', '--name', bot, '--network', `container:${standIn}`, ...LOCKED_DOWN, ...COMPOSE_LIMITS, ...vars, tag);
  const base = `http://127.0.0.1:${port}`;
  await waitFor(
    'the bot to be ready',
    async () => {
      const status = await docker('inspect', '--format', '{{.State.Status}}', bot);
      if (status === 'exited') throw new Error(`bot exited:\n${await docker('logs', bot).catch(() => '')}`);
      return fetch(`${base}/readyz`, { signal: AbortSignal.timeout(2000) }).then(
        (r) => r.ok,
        () => false,
      );
    },
    { timeoutMs: 90_000, everyMs: 500 },
  );
  return {
    base,
    bot,
    standIn,
    responseUrl: (id) => `http://127.0.0.1:9000/response/${id}`,
    async responses() {
      const lines = (await docker('logs', standIn)).split('\n');
      return lines.flatMap((l) => {
        const m = /^RESPONSE (\S+) \d+ (\w+)$/.exec(l.trim());
        return m ? [[m[1]!, m[2]!] as [string, string]] : [];
      });
    },
    async state() {
      const [running = '', oom = '', restarts = ''] = (
        await docker('inspect', '--format', '{{.State.Running}} {{.State.OOMKilled}} {{.RestartCount}}', bot)
      ).split(' ');
      return { running, oom, restarts };
    },
    async memoryPeak() {
      // cgroup v2 has memory.peak (kernel 5.19+); cgroup v1 has max_usage_in_bytes.
      const peak = await docker(
        'exec',
        bot,
        'sh',
        '-c',
        'cat /sys/fs/cgroup/memory.peak 2>/dev/null || cat /sys/fs/cgroup/memory/memory.max_usage_in_bytes 2>/dev/null || echo n/a',
      ).catch(() => 'n/a');
      return peak === 'n/a' ? NaN : Number(peak);
    },
  };
}

export const mb = (bytes: number) => (Number.isNaN(bytes) ? 'n/a' : `${(bytes / MB).toFixed(0)} MB`);
