// `coach start` as a real process with Slack (HTTP mode) and Discord (interactions endpoint)
// configured together: both adapters share one HTTP server on PORT with /healthz, /readyz and
// /metrics, driven through the local stand-ins of Slack and Discord on 127.0.0.1.
import { generateKeyPairSync, sign as edSign } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { APP_ID, DiscordStandIn, slashPayload } from '../adapters/discord/stand-in.ts';
import { postSigned, slashBody, SIGNING_SECRET } from '../adapters/slack/requests.ts';
import { startStandIn, type StandIn } from '../adapters/slack/stand-in.ts';
import { freePort, startCoach, type Running } from '../helpers/process.ts';
import { knowledgeBase } from '../helpers/bot.ts';
import { cleanEnv } from '../helpers/spawn.ts';

// A fresh process per test: room for its start-up on a loaded machine (the wait, not a pass condition).
vi.setConfig({ testTimeout: 180_000 });

let running: Running | undefined;
let slack: StandIn | undefined;
let discord: DiscordStandIn | undefined;
afterEach(async () => {
  running?.kill();
  await slack?.close();
  await discord?.close();
});

describe('coach start with Slack and Discord in one process', () => {
  it('serves both platforms and the operational endpoints on PORT, then stops cleanly', async () => {
    slack = await startStandIn();
    discord = await new DiscordStandIn().listen();
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const publicHex = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
    const port = await freePort();
    running = startCoach(
      ['start'],
      cleanEnv({
        PORT: String(port),
        COACH_LOG_FORMAT: 'json',
        SLACK_BOT_TOKEN: 'xoxb-test-token',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        DISCORD_PUBLIC_KEY: publicHex,
        DISCORD_APPLICATION_ID: APP_ID,
        DISCORD_API_URL: discord.apiUrl,
      }),
    );
    await running.waitFor(
      (_, err) => err.includes('http server listening') && err.includes('"adapter":"slack"') && err.includes('adapter started'),
    );
    const base = `http://127.0.0.1:${port}`;

    // Slack: a signed slash command is acknowledged, and the answer goes to the response_url.
    const ack = await postSigned(
      `${base}/slack/events`,
      slashBody({ text: 'what is a docker image', channel: 'C1', user: 'U1', responseUrl: slack.responseUrl('r1') }),
    );
    expect(ack.status).toBe(200);
    const posted = await slack.waitFor(() => slack!.posted.find((p) => p.urlId === 'r1'), undefined, 'slack answer');
    expect(JSON.stringify(posted.blocks)).toContain(knowledgeBase().get('concept.image')!.title);
    expect(
      (
        await postSigned(
          `${base}/slack/events`,
          slashBody({ text: 'x', channel: 'C1', user: 'U1', responseUrl: slack.responseUrl('r2') }),
          { secret: 'wrong' },
        )
      ).status,
    ).toBe(401);

    // Discord: PING → PONG, a command is answered, a bad signature is refused.
    const post = async (body: unknown, good = true) => {
      const raw = JSON.stringify(body);
      const ts = String(Math.floor(Date.now() / 1000));
      const sig = edSign(null, Buffer.from(ts + (good ? raw : `${raw} `)), privateKey).toString('hex');
      return fetch(`${base}/discord/interactions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-signature-ed25519': sig, 'x-signature-timestamp': ts },
        body: raw,
      });
    };
    const pong = await post({ type: 1, id: '1', application_id: APP_ID, token: 't', version: 1 });
    expect(pong.status).toBe(200);
    expect(await pong.json()).toEqual({ type: 1 });
    const cmd = await post(slashPayload('ask', { question: 'what is a docker container' }));
    expect(cmd.status).toBe(200);
    const reply = await cmd.json();
    const answered = reply.type === 4 ? reply : (await discord.waitFor((r) => r.method === 'PATCH')).body;
    expect(JSON.stringify(answered)).toContain(knowledgeBase().get('concept.container')!.title);
    expect((await post(slashPayload('help'), false)).status).toBe(401);

    // One server: health, readiness (both adapters ready) and metrics.
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await (await fetch(`${base}/readyz`)).json();
    expect(ready.status).toBe('ready');
    expect(Object.keys(ready.checks).sort()).toEqual(expect.arrayContaining(['intents']));
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/coach_questions_total\{intent="concept.image",platform="slack"\} 1/);
    expect(metrics).toMatch(/coach_questions_total\{intent="concept.container",platform="discord"\} 1/);

    // No token ever reaches the logs.
    expect(running.stderr()).not.toContain('xoxb-test-token');
    expect(running.stderr()).not.toContain(SIGNING_SECRET);

    running.child.kill('SIGTERM');
    const { code } = await running.exited;
    expect(code).toBe(0);
  });
});
