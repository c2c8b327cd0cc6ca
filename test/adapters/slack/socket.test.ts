// The Slack adapter in Socket Mode through the real Bolt: the stand-in answers
// apps.connections.open with a ws://127.0.0.1 URL, says hello, sends envelopes and checks the
// acks; a `disconnect` makes the client reconnect.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../../src/adapters/slack/app.ts';
import type { BotHandle, PlatformAdapter } from '../../../src/core/ports.ts';
import { makeTestBot, realParts } from '../../helpers/bot.ts';
import { actionPayload, buttons, plainText } from './requests.ts';
import { BOT, startStandIn, waitFor, type StandIn } from './stand-in.ts';

function socketAdapter(standIn: StandIn, bot: BotHandle, answerTimeoutMs?: number): PlatformAdapter {
  return createSlackAdapter({
    config: { botToken: 'xoxb-test', mode: 'socket', appToken: 'xapp-test', apiUrl: standIn.apiUrl, hostChannels: ['*'], hostUsers: ['*'] },
    bot,
    hostConfigured: false,
    tuning: { apiRetries: 0, socketPingTimeoutMs: 1000, stopGraceMs: 1000, ...(answerTimeoutMs ? { answerTimeoutMs } : {}) },
  });
}

const slash = (text: string, responseUrl: string) => ({
  token: 't',
  team_id: BOT.teamId,
  channel_id: 'C0SOCK',
  user_id: 'U0SOCK',
  command: '/docker',
  text,
  api_app_id: 'A0001',
  response_url: responseUrl,
  trigger_id: 'trig',
});

describe('slack adapter, Socket Mode', () => {
  let standIn: StandIn;
  let adapter: PlatformAdapter;
  const { kb } = realParts();

  beforeAll(async () => {
    standIn = await startStandIn();
    adapter = socketAdapter(standIn, makeTestBot());
    await adapter.start();
  });
  afterAll(async () => {
    /* eslint-disable @typescript-eslint/no-unnecessary-condition -- undefined when beforeAll failed */
    await adapter?.stop();
    await standIn?.close();
    /* eslint-enable @typescript-eslint/no-unnecessary-condition */
  });

  it('connects through apps.connections.open and is ready after hello', () => {
    expect(standIn.calls).toEqual(expect.arrayContaining(['auth.test', 'apps.connections.open']));
    expect(standIn.connections).toBe(1);
    expect(adapter.isReady()).toBe(true);
    expect(adapter.routes).toEqual([]);
  });

  it('acks a slash command envelope and answers through the response_url', async () => {
    const ack = await standIn.sendEnvelope('slash_commands', slash('what is a docker image', standIn.responseUrl('s1')));
    expect(ack.envelope_id).toMatch(/^env-/);
    const reply = await standIn.waitFor(() => standIn.posted.find((p) => p.urlId === 's1'));
    expect(reply.response_type).toBe('ephemeral');
    expect(plainText(reply)).toContain(kb.get('concept.image')!.title);
  });

  it('acks an app_mention envelope and answers in the thread', async () => {
    const ts = '1700001000.000100';
    const ack = await standIn.sendEnvelope('events_api', {
      type: 'event_callback',
      team_id: BOT.teamId,
      api_app_id: 'A0001',
      event_id: 'EvSOCK1',
      event: { type: 'app_mention', user: 'U0SOCK', text: `<@${BOT.userId}> what is a docker container`, ts, channel: 'C0SOCK' },
    });
    expect(ack.envelope_id).toBeTruthy();
    const reply = await standIn.waitFor(() => standIn.posted.find((p) => p.channel === 'C0SOCK' && p.thread_ts === ts));
    expect(plainText(reply)).toContain(kb.get('concept.container')!.title);
  });

  it('a retried envelope (retry_attempt) is not answered twice', async () => {
    const ts = '1700001001.000100';
    const body = {
      type: 'event_callback',
      team_id: BOT.teamId,
      api_app_id: 'A0001',
      event_id: 'EvSOCK2',
      event: { type: 'app_mention', user: 'U0SOCK', text: `<@${BOT.userId}> help`, ts, channel: 'C0SOCKR' },
    };
    await standIn.sendEnvelope('events_api', body);
    await standIn.sendEnvelope('events_api', body, { retry_attempt: 1, retry_reason: 'timeout' });
    await standIn.waitFor(() => standIn.posted.find((p) => p.channel === 'C0SOCKR'));
    // A later envelope's answer is the barrier (no fixed sleep): the retry was seen before it.
    await standIn.sendEnvelope('slash_commands', slash('help', standIn.responseUrl('barrier')));
    await standIn.waitFor(() => standIn.posted.find((p) => p.urlId === 'barrier'));
    expect(standIn.posted.filter((p) => p.channel === 'C0SOCKR')).toHaveLength(1);
  });

  it('acks a button click (interactive envelope) and runs the follow-up', async () => {
    await standIn.sendEnvelope('slash_commands', slash('what is a docker image', standIn.responseUrl('s2')));
    const reply = await standIn.waitFor(() => standIn.posted.find((p) => p.urlId === 's2'));
    const button = buttons(reply).find((b) => b.action_id === 'followup_0')!;
    const payload = actionPayload({
      button,
      channel: 'C0SOCK',
      user: 'U0SOCK',
      responseUrl: standIn.responseUrl('s3'),
      container: { type: 'message', is_ephemeral: true, channel_id: 'C0SOCK', message_ts: '1.2' },
    });
    await standIn.sendEnvelope('interactive', payload);
    const next = await standIn.waitFor(() => standIn.posted.find((p) => p.urlId === 's3'));
    // The button names what it opens: a related topic by its title, or "More: <title>" for the article.
    expect(plainText(next)).toContain(button.text.replace(/^More: /, ''));
  });

  it('reconnects after a disconnect message and keeps answering', async () => {
    const before = standIn.connects;
    standIn.disconnectAll();
    await waitFor(() => standIn.connects > before && standIn.connections === 1 && adapter.isReady(), 10_000, 'a reconnect');
    await standIn.sendEnvelope('slash_commands', slash('help', standIn.responseUrl('s4')));
    const reply = await standIn.waitFor(() => standIn.posted.find((p) => p.urlId === 's4'));
    expect(plainText(reply)).toContain('Common mistakes');
  });
});

describe('slack adapter, Socket Mode, engine that never answers', () => {
  it('acks, later says the engine did not answer; stop() closes the socket', async () => {
    const standIn = await startStandIn();
    const adapter = socketAdapter(standIn, { handle: () => new Promise(() => {}), feedback: () => {} }, 500);
    try {
      await adapter.start();
      // The core never answers, so this ack cannot have waited for it.
      const ack = await standIn.sendEnvelope('slash_commands', slash('why web', standIn.responseUrl('h1')));
      expect(ack.envelope_id).toMatch(/^env-/);
      const reply = await standIn.waitFor(() => standIn.posted.find((p) => p.urlId === 'h1'));
      expect(plainText(reply)).toContain('did not answer in time');
    } finally {
      await adapter.stop();
      expect(adapter.isReady()).toBe(false);
      // app.stop() returns before the socket has closed; it closes on its own shortly after.
      await waitFor(() => standIn.connections === 0, undefined, 'the socket to close');
      await standIn.close();
    }
  });
});
