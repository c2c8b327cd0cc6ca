// Issue 11 on the real image: (item 15) it ships no package manager and no setuid/setgid file;
// (item 1) under the compose limits (256 MB), a flood of 60 concurrent unsigned 4 MB POSTs to
// /slack/events — which OOM-killed the container in 1.3 s before — leaves the bot up, and a
// signed question right after is answered.
//
// The bot needs a Slack Web API for auth.test at start and a response_url to answer to: a tiny
// stand-in runs from the same image in its own container, and the bot joins that container's
// network namespace (`--network container:`), so the two talk over 127.0.0.1 and only the
// stand-in's published port (on 127.0.0.1) is reachable from the test.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bigPost } from '../adapters/slack/flood.ts';
import { postSigned, SIGNING_SECRET, slashBody } from '../adapters/slack/requests.ts';
import { botImage } from '../helpers/bot-image.ts';
import { cleanup, describeEngine, docker, testName } from '../helpers/engine.ts';
import { waitFor } from '../helpers/wait.ts';

/** This run's bot image (built once and shared: test/helpers/bot-image.ts). */
let TAG = '';
const MB = 1024 * 1024;
const FLOOD = 60;

/** The stand-in: auth.test, a generic ok for other Web API calls, and response_urls it logs. */
const STAND_IN = `
const http = require('node:http');
http.createServer((req, res) => {
  let n = 0;
  req.on('data', (c) => { n += c.length; });
  req.on('end', () => {
    const json = (o) => { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify(o)); };
    if (req.url.startsWith('/api/auth.test')) return json({ ok: true, user_id: 'UBOT0001', bot_id: 'BBOT0001', team_id: 'T0001', user: 'coach', team: 'test', url: 'https://test.slack.com/' });
    if (req.url.startsWith('/api/')) return json({ ok: true });
    if (req.url.startsWith('/response/')) { console.log('RESPONSE ' + req.url.slice(10) + ' ' + n); return res.end('ok'); }
    res.statusCode = 404; res.end();
  });
}).listen(9000, '127.0.0.1', () => console.log('stand-in listening'));
`;

describeEngine('the bot image, hardened', () => {
  beforeAll(async () => {
    TAG = (await botImage()).tag;
  }, 25 * 60_000);

  afterAll(async () => {
    // The containers this file ran; the image itself goes in the global teardown.
    await cleanup();
  }, 120_000);

  it('ships no npm, npx, corepack or yarn, and no setuid/setgid file', async () => {
    for (const tool of ['npm', 'npx', 'corepack', 'yarn'])
      await expect(docker('run', '--rm', '--entrypoint', 'sh', TAG, '-c', `command -v ${tool}`), tool).rejects.toThrow();
    // As root, so find can read every directory.
    const privileged = await docker('run', '--rm', '--user', '0', '--entrypoint', 'sh', TAG, '-c', 'find / -xdev -perm /6000 -type f');
    expect(privileged.split('\n').filter(Boolean)).toEqual([]);
    // The bot itself still runs.
    expect(await docker('run', '--rm', TAG, 'coach', 'ask', 'what is a docker image')).toContain('image');
  }, 120_000);

  it(`stays up under ${FLOOD} concurrent unsigned 4 MB POSTs with --memory 256m, and answers a signed question right after`, async () => {
    const standIn = testName('slack-standin');
    const bot = testName('coach-slack');
    await docker('run', '-d', '--name', standIn, '-p', '127.0.0.1::3000', '--entrypoint', 'node', TAG, '-e', STAND_IN);
    const port = (await docker('port', standIn, '3000/tcp')).split('\n')[0]!.split(':').pop()!;
    const lockedDown = ['--read-only', '--tmpfs', '/tmp', '--cap-drop', 'ALL', '--security-opt', 'no-new-privileges'];
    const limits = ['--memory', '256m', '--memory-swap', '256m', '--pids-limit', '256'];
    const env = [
      ...['SLACK_BOT_TOKEN=xoxb-test', `SLACK_SIGNING_SECRET=${SIGNING_SECRET}`, 'SLACK_API_URL=http://127.0.0.1:9000/api/'],
      ...['PORT=3000', 'COACH_DOCKER=off'],
    ].flatMap((e) => ['-e', e]);
    await docker('run', '-d', '--name', bot, '--network', `container:${standIn}`, ...lockedDown, ...limits, ...env, TAG);
    const base = `http://127.0.0.1:${port}`;
    await waitFor(
      'the bot to be ready',
      async () => {
        const state = await docker('inspect', '--format', '{{.State.Status}}', bot);
        if (state === 'exited') throw new Error(`bot exited:\n${await docker('logs', bot).catch(() => '')}`);
        return fetch(`${base}/readyz`, { signal: AbortSignal.timeout(2000) }).then(
          (r) => r.ok,
          () => false,
        );
      },
      { timeoutMs: 90_000, everyMs: 500 },
    );

    const results = await Promise.all(
      Array.from({ length: FLOOD }, () => bigPost(`${base}/slack/events`, { bytes: 4 * MB, timeoutMs: 60_000 })),
    );
    const chunked = await Promise.all(
      Array.from({ length: 20 }, () => bigPost(`${base}/slack/events`, { bytes: 4 * MB, chunked: true, timeoutMs: 60_000 })),
    );
    const tally = (rs: { status: number }[]) =>
      rs.reduce<Record<number, number>>((m, r) => ({ ...m, [r.status]: (m[r.status] ?? 0) + 1 }), {});
    const counts = tally([...results, ...chunked]);
    const [running, oom, restarts] = (
      await docker('inspect', '--format', '{{.State.Running}} {{.State.OOMKilled}} {{.RestartCount}}', bot)
    ).split(' ');
    // cgroup v2 has memory.peak (kernel 5.19+); cgroup v1 has max_usage_in_bytes.
    const peak = await docker(
      'exec',
      bot,
      'sh',
      '-c',
      'cat /sys/fs/cgroup/memory.peak 2>/dev/null || cat /sys/fs/cgroup/memory/memory.max_usage_in_bytes 2>/dev/null || echo n/a',
    ).catch(() => 'n/a');
    console.log(
      `[hardening] ${FLOOD} × 4 MB with Content-Length: ${JSON.stringify(tally(results))}; 20 × 4 MB chunked: ${JSON.stringify(tally(chunked))}; running ${running}, OOM-killed ${oom}; cgroup memory.peak ${peak === 'n/a' ? peak : `${(Number(peak) / MB).toFixed(0)} MB`}`,
    );
    expect({ running, oom, restarts }).toEqual({ running: 'true', oom: 'false', restarts: '0' });
    // Every request is refused with 413 before its body is read. Through Docker's port forwarding
    // a few clients that were still sending may see the connection closed (0) before the 413
    // reached them: the forwarder closes both sides when ours is cut off after 1 MB.
    // How many see the 413 rather than the close depends on the forwarder's timing (from 59 of 60
    // to 41 of 60 here), so the test holds what matters: no request was taken in (no 2xx, no 401
    // after a buffered body), the cap answered, and the container's memory stayed far below its
    // limit. The exact 413 for every request is proven in-process (test/adapters/slack/body-limit.test.ts).
    expect(Object.keys(counts).filter((k) => k !== '413' && k !== '0')).toEqual([]);
    expect(counts[413] ?? 0).toBeGreaterThan(0);
    if (peak !== 'n/a') expect(Number(peak)).toBeLessThan(256 * MB);

    const ack = await postSigned(
      `${base}/slack/events`,
      slashBody({
        text: 'what is a docker image',
        channel: 'C0SHIP',
        user: 'U0SHIP',
        responseUrl: 'http://127.0.0.1:9000/response/after-flood',
      }),
    );
    expect(ack.status).toBe(200);
    await waitFor('the answer at the response_url', async () => (await docker('logs', standIn)).includes('RESPONSE after-flood'), {
      timeoutMs: 30_000,
      everyMs: 300,
    });
  }, 240_000);
});
