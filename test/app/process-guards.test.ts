// Issue 11 item 8: no single request may end the process. (1) A real process with the guards
// survives a stray rejection and a stray exception, logs both and counts them in /metrics.
// (2) The specific crash: a signed Slack body of `null` (JSON, or a form `payload=null`) made
// Bolt throw outside any try; it gets 400 now, and the next question is answered.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { plainText, postSigned, SIGNING_SECRET, slashBody } from '../adapters/slack/requests.ts';
import { startStandIn, type StandIn } from '../adapters/slack/stand-in.ts';
import { ROOT } from '../helpers/spawn.ts';
import { startInProcess, type InProcess } from './service-harness.ts';

let svc: InProcess | undefined;
let slack: StandIn | undefined;
afterEach(async () => {
  if (svc) await svc.terminate();
  svc = undefined;
  await slack?.close();
  slack = undefined;
});

describe('process-level guards', () => {
  it('a process with the guards logs and counts stray errors and keeps running', () => {
    const script = fileURLToPath(new URL('./fixtures/stray-errors.ts', import.meta.url));
    const r = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^coach_process_errors_total\{kind="unhandledRejection"\} 1$/m);
    expect(r.stdout).toMatch(/^coach_process_errors_total\{kind="uncaughtException"\} 1$/m);
    expect(r.stderr).toContain('stray rejection');
    expect(r.stderr).toContain('stray exception');
  });
});

describe('a signed Slack body of null', () => {
  it('gets 400 (JSON and form payload), and the service keeps answering', async () => {
    slack = await startStandIn();
    svc = await startInProcess({ SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl });
    const events = `${svc.base}/slack/events`;
    expect((await postSigned(events, 'null', { contentType: 'application/json' })).status).toBe(400);
    expect((await postSigned(events, ' null\n', { contentType: 'application/json' })).status).toBe(400);
    expect((await postSigned(events, 'payload=null')).status).toBe(400);
    // Other odd but non-null bodies still go to Bolt, which answers them itself.
    expect((await postSigned(events, '{', { contentType: 'application/json' })).status).toBe(400);

    const ack = await postSigned(
      events,
      slashBody({ text: 'what is a docker image', channel: 'C1', user: 'U1', responseUrl: slack.responseUrl('after') }),
    );
    expect(ack.status).toBe(200);
    const reply = await slack.waitFor(() => slack!.posted.find((p) => p.urlId === 'after'), 20_000, 'the answer after the null bodies');
    expect(plainText(reply)).toMatch(/What a Docker image is/);
    const metrics = await (await fetch(`${svc.base}/metrics`)).text();
    expect(metrics).not.toMatch(/^coach_process_errors_total\{/m);
  });
});
