// Issue 11 item 4: SIGTERM must not drop questions already acknowledged. N commands are acked,
// half of them waiting on answers that never come, then SIGTERM: every one gets exactly one
// message on its own channel — its answer, or "I'm restarting — please ask again in a minute"
// (Slack: the response_url; Discord: the interaction response or the deferred original).
import { generateKeyPairSync, sign as edSign, type KeyObject } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_ID, DiscordStandIn, slashPayload } from '../adapters/discord/stand-in.ts';
import { plainText, postSigned, SIGNING_SECRET, slashBody } from '../adapters/slack/requests.ts';
import { startStandIn, type StandIn } from '../adapters/slack/stand-in.ts';
import { holding, startInProcess, type InProcess } from './service-harness.ts';

let svc: InProcess | undefined;
let slack: StandIn | undefined;
let discord: DiscordStandIn | undefined;
afterEach(async () => {
  if (svc) await svc.terminate();
  svc = undefined;
  await slack?.close();
  await discord?.close();
  slack = discord = undefined;
});

const RESTARTING = "I'm restarting — please ask again in a minute.";
// Room for everyone: this test is about shutdown, not limits.
const ROOMY = { COACH_MAX_QUESTIONS: '1000', COACH_MAX_QUESTIONS_PER_USER: '1000', COACH_ANSWER_CONCURRENCY: '200' };

describe('SIGTERM with acknowledged questions', () => {
  it('Slack: every acked slash command is answered or told to ask again; none lost', async () => {
    slack = await startStandIn();
    svc = await startInProcess(
      { ...ROOMY, SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl },
      { wrap: holding(/^slow/), tuning: { stop: { graceMs: 1000, noticeMs: 8000 } } },
    );
    const N = 100;
    const acks = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        postSigned(
          `${svc!.base}/slack/events`,
          slashBody({
            text: i % 2 ? 'slow what is a docker image' : 'what is a docker image',
            channel: 'C0GENERAL',
            user: `U${i}`,
            responseUrl: slack!.responseUrl(`s${i}`),
          }),
        ),
      ),
    );
    expect(acks.filter((a) => a.status === 200)).toHaveLength(N);

    expect(await svc.terminate()).toBe(0);
    svc = undefined;

    const perUrl = Array.from({ length: N }, (_, i) => slack!.posted.filter((p) => p.urlId === `s${i}`));
    const lost = perUrl.filter((p) => p.length === 0).length;
    const twice = perUrl.filter((p) => p.length > 1).length;
    const told = perUrl.filter((p) => p.length === 1 && plainText(p[0]!).includes(RESTARTING)).length;
    const answered = perUrl.filter(
      (p) => p.length === 1 && /image/i.test(plainText(p[0]!)) && !plainText(p[0]!).includes(RESTARTING),
    ).length;
    expect({ lost, twice }).toEqual({ lost: 0, twice: 0 });
    expect(answered + told).toBe(N);
    expect(told).toBeGreaterThanOrEqual(N / 2); // the held half can only be told
    expect(slack.violations).toEqual([]);
  });

  it('Discord: every acked interaction is answered or told to ask again (reply, or deferred then edited); none lost', async () => {
    discord = await new DiscordStandIn().listen();
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const publicHex = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
    svc = await startInProcess(
      { ...ROOMY, DISCORD_PUBLIC_KEY: publicHex, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: discord.apiUrl },
      { wrap: holding(/^slow/), tuning: { stop: { graceMs: 1000, noticeMs: 8000 } } },
    );
    const N = 40;
    const payloads = Array.from({ length: N }, (_, i) =>
      slashPayload(
        'ask',
        { question: i % 2 ? 'slow what is a docker container' : 'what is a docker container' },
        { userId: `5${String(i).padStart(17, '0')}` },
      ),
    );
    const replies = await Promise.all(payloads.map((p) => postInteraction(svc!.base, privateKey, p)));
    expect(replies.map((r) => r.status).filter((s) => s === 200)).toHaveLength(N);

    expect(await svc.terminate()).toBe(0);
    svc = undefined;

    let lost = 0;
    let told = 0;
    let answered = 0;
    payloads.forEach((p, i) => {
      const first = replies[i]!.body;
      const edits = discord!.forToken(p.token).filter((r) => r.method === 'PATCH' && r.path.endsWith('/messages/@original'));
      const message = first.type === 4 ? first.data : first.type === 5 ? edits[0]?.body : undefined;
      if (!message || edits.length > 1) lost++;
      else if (JSON.stringify(message).includes(RESTARTING)) told++;
      else if (/container/i.test(JSON.stringify(message))) answered++;
    });
    expect(lost).toBe(0);
    expect(answered + told).toBe(N);
    expect(told).toBeGreaterThanOrEqual(N / 2);
  });
});

async function postInteraction(
  base: string,
  key: KeyObject,
  body: unknown,
): Promise<{ status: number; body: { type: number; data?: unknown } }> {
  const raw = JSON.stringify(body);
  const ts = String(Math.floor(Date.now() / 1000));
  const sig = edSign(null, Buffer.from(ts + raw), key).toString('hex');
  const res = await fetch(`${base}/discord/interactions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-signature-ed25519': sig, 'x-signature-timestamp': ts },
    body: raw,
    signal: AbortSignal.timeout(20_000),
  });
  return { status: res.status, body: (await res.json()) as { type: number; data?: unknown } };
}
