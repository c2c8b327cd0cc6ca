// The gateway adapter end to end: the real discord.js Client against the local stand-in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordGatewayAdapter } from '../../../src/adapters/discord/gateway.ts';
import { messageText } from '../../../src/adapters/discord/render.ts';
import type { FeedbackRecord, HostPort, PlatformAdapter } from '../../../src/core/ports.ts';
import type { Question } from '../../../src/core/types.ts';
import { runContract } from '../../contract/suite.ts';
import { makeTestBot } from '../../helpers/bot.ts';
import { waitFor } from '../../helpers/wait.ts';
import { discordHost } from './fake-host.ts';
import {
  APP_ID,
  autocompletePayload,
  BOT_ID,
  buttonPayload,
  CHANNEL_ID,
  DiscordStandIn,
  HOST_ROLE,
  messagePayload,
  OTHER_CHANNEL_ID,
  slashPayload,
  THREAD_ID,
  type Recorded,
} from './stand-in.ts';

const EPHEMERAL = 64;

interface Harness {
  standIn: DiscordStandIn;
  adapter: PlatformAdapter;
  questions: Question[];
  votes: FeedbackRecord[];
  logs: { level: string; msg: string; o: unknown }[];
  /** Dispatches an interaction and returns its callback (and, when deferred, the @original edit). */
  interact(payload: { id: string; token: string }): Promise<{ callback: Recorded; edit?: Recorded }>;
  close(): Promise<void>;
}

async function harness(host: HostPort | undefined, extra: { deferAfterMs?: number; autocompleteMs?: number } = {}): Promise<Harness> {
  const standIn = await new DiscordStandIn().listen();
  const bot = makeTestBot(host ? { host } : {});
  const questions: Question[] = [];
  const votes: FeedbackRecord[] = [];
  const logs: Harness['logs'] = [];
  const adapter = createDiscordGatewayAdapter({
    token: 'test-token',
    applicationId: APP_ID,
    bot: {
      handle: (q) => (questions.push(q), bot.handle(q)),
      feedback: (r) => votes.push(r),
      suggest: (q, limit) => bot.suggest(q, limit),
    },
    ...(host ? { host } : {}),
    hostChannels: [CHANNEL_ID],
    hostRoles: [HOST_ROLE],
    apiUrl: standIn.apiUrl,
    restRetries: 0,
    log: { warn: (o, m) => logs.push({ level: 'warn', msg: m ?? '', o }), error: (o, m) => logs.push({ level: 'error', msg: m ?? '', o }) },
    ...extra,
  });
  await adapter.start();
  return {
    standIn,
    adapter,
    questions,
    votes,
    logs,
    async interact(p) {
      const from = standIn.requests.length;
      standIn.dispatch('INTERACTION_CREATE', p);
      const callback = await standIn.waitFor((r) => r.path === `/api/v10/interactions/${p.id}/${p.token}/callback`, 5000, from);
      if (callback.body?.type !== 5) return { callback };
      const edit = await standIn.waitFor(
        (r) => r.method === 'PATCH' && r.path === `/api/v10/webhooks/${APP_ID}/${p.token}/messages/@original`,
        5000,
        from,
      );
      return { callback, edit };
    },
    async close() {
      await adapter.stop();
      // Every send succeeded: a failed reply would have been logged as an error.
      expect(logs.filter((l) => l.level === 'error')).toEqual([]);
      await standIn.close();
    },
  };
}

const asHost = { roles: [HOST_ROLE] };

describe('discord gateway adapter (real discord.js against the stand-in)', () => {
  let h: Harness;
  const host = discordHost();
  beforeAll(async () => {
    h = await harness(host);
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined when beforeAll failed
  afterAll(async () => h?.close());

  it('connects: gateway discovered over REST, IDENTIFY, READY', () => {
    expect(h.adapter.isReady()).toBe(true);
    expect(h.standIn.requests.some((r) => r.path === '/api/v10/gateway/bot')).toBe(true);
    expect(h.standIn.gatewayOps).toContain(2);
  });

  it('/docker ask answers at once with an embed, buttons, and no pings', async () => {
    const { callback } = await h.interact(
      slashPayload('ask', { question: 'what is the difference between a docker image and a container' }),
    );
    expect(callback.body.type).toBe(4);
    const data = callback.body.data;
    expect(data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(data.embeds[0].title).toMatch(/difference between an image and a container/i); // the short answer
    expect(data.components.flatMap((r: any) => r.components.map((c: any) => c.label))).toContain(
      'More: Image vs container, the difference',
    );
    expect(data.flags & EPHEMERAL).toBe(0);
    const labels = data.components.flatMap((r: any) => r.components.map((c: any) => c.label));
    expect(labels).toContain('Helpful');
    expect(labels).toContain('What a Docker image is');
    expect(h.questions.at(-1)).toMatchObject({
      platform: 'discord',
      conversation: `discord:${CHANNEL_ID}:500000000000000001`,
      hostAllowed: false,
    });
  });

  it('/docker why looks at the host for a member with a host role, privately, escaping engine names', async () => {
    const { callback } = await h.interact(slashPayload('why', { name: '@everyone', port: 8080 }, asHost));
    expect(callback.body.type).toBe(4);
    const data = callback.body.data;
    expect(data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(data.allowed_mentions.parse).toEqual([]);
    expect(host.calls).toContain('diagnose @everyone 8080');
    const text = JSON.stringify(data.embeds);
    expect(text).not.toMatch(/@everyone|<@&123>/);
    expect(data.embeds[0].fields[0].name).toContain('exited');
    expect(h.questions.at(-1)?.command).toEqual({ kind: 'why', name: '@everyone', port: 8080 });
  });

  it('without a host role the knowledge base answers and says how to get access', async () => {
    const before = host.calls.length;
    const { callback } = await h.interact(slashPayload('why', { name: 'web' }));
    expect(host.calls.length).toBe(before);
    expect(messageText(callback.body.data)).toContain('DISCORD_HOST_ROLES');
    expect(callback.body.data.flags & EPHEMERAL).toBe(0);
  });

  it('a host role outside DISCORD_HOST_CHANNELS does not reach the host either', async () => {
    const before = host.calls.length;
    await h.interact(slashPayload('ps', {}, { ...asHost, channelId: OTHER_CHANNEL_ID }));
    expect(host.calls.length).toBe(before);
  });

  it('a thread under a host channel counts as that channel, and shares one conversation', async () => {
    await h.interact(slashPayload('ps', { all: true }, { ...asHost, channelId: THREAD_ID }));
    expect(h.questions.at(-1)).toMatchObject({ hostAllowed: true, conversation: `discord:${CHANNEL_ID}:${THREAD_ID}` });
  });

  it('/docker ps all:true lists containers as a table, hostile names inside a code block', async () => {
    const { callback } = await h.interact(slashPayload('ps', { all: true }, asHost));
    const data = callback.body.data;
    expect(data.embeds[0].title).toBe('All containers on the host');
    expect(data.embeds[0].description).toContain('```');
    expect(data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(host.calls).toContain('listContainers --all');
  });

  it('/docker images, /docker explain and /docker help answer', async () => {
    const images = await h.interact(slashPayload('images', {}, asHost));
    expect(images.callback.body.data.embeds[0].title).toBe('Images on the host');
    const explain = await h.interact(slashPayload('explain', { command: 'docker run -d -p 8080:80 --name web myapp:2.1.0' }));
    expect(messageText(explain.callback.body.data)).toContain('-p 8080:80');
    const help = await h.interact(slashPayload('help'));
    expect(messageText(help.callback.body.data)).toContain('Common mistakes');
  });

  it('autocomplete offers host names (never longer than 100), and nothing without host access', async () => {
    const { callback } = await h.interact(autocompletePayload('', asHost));
    expect(callback.body.type).toBe(8);
    const choices = callback.body.data.choices as { name: string; value: string }[];
    expect(choices.map((c) => c.value)).toEqual(expect.arrayContaining(['@everyone', '<@&123>', 'web']));
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) expect(c.value.length).toBeLessThanOrEqual(100);
    const denied = await h.interact(autocompletePayload('we'));
    expect(denied.callback.body.data.choices).toEqual([]);
  });

  it('a follow-up button answers that intent in the same conversation', async () => {
    const first = await h.interact(slashPayload('ask', { question: 'what is a docker image' }, { userId: '500000000000000077' }));
    const btn = first.callback.body.data.components[0].components[0];
    // Someone else clicks: the answer still continues the asker's conversation.
    const { callback } = await h.interact(buttonPayload(btn.custom_id, { userId: '500000000000000078' }));
    expect(callback.body.type).toBe(4);
    expect(callback.body.data.embeds[0].title).toBe(btn.label);
    expect(h.questions.at(-1)).toMatchObject({ conversation: `discord:${CHANNEL_ID}:500000000000000077`, command: { kind: 'followup' } });
  });

  it('👍/👎 buttons record feedback and thank the person privately', async () => {
    const first = await h.interact(slashPayload('ask', { question: 'what is a docker container' }));
    const rows = first.callback.body.data.components;
    const down = rows.at(-1).components.find((c: any) => c.label === 'Not helpful');
    const { callback } = await h.interact(buttonPayload(down.custom_id));
    expect(callback.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(callback.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(h.votes.at(-1)).toMatchObject({ platform: 'discord', vote: 'down', intent: 'concept.container' });
  });

  it('answers a mention in a channel with a reply that pings no one', async () => {
    const from = h.standIn.requests.length;
    h.standIn.dispatch('MESSAGE_CREATE', messagePayload(`<@${BOT_ID}> what is a docker image @everyone`, { mentionBot: true }));
    const sent = await h.standIn.waitFor((r) => r.method === 'POST' && r.path === `/api/v10/channels/${CHANNEL_ID}/messages`, 5000, from);
    expect(sent.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(sent.body.message_reference).toBeDefined();
    expect(sent.body.embeds[0].title).toBe('What a Docker image is');
  });

  it('answers a DM without a mention', async () => {
    const from = h.standIn.requests.length;
    h.standIn.dispatch('MESSAGE_CREATE', messagePayload('help', { dm: true, channelId: '300000000000000099' }));
    const sent = await h.standIn.waitFor(
      (r) => r.method === 'POST' && r.path === '/api/v10/channels/300000000000000099/messages',
      5000,
      from,
    );
    expect(sent.body.allowed_mentions.parse).toEqual([]);
    expect(h.questions.at(-1)).toMatchObject({ command: { kind: 'help' }, conversation: 'discord:300000000000000099:500000000000000001' });
  });

  it('ignores other bots, itself, and channel messages that do not mention it', async () => {
    const from = h.standIn.requests.length;
    const asked = h.questions.length;
    h.standIn.dispatch(
      'MESSAGE_CREATE',
      messagePayload(`<@${BOT_ID}> help`, { mentionBot: true, bot: true, userId: '500000000000000090' }),
    );
    h.standIn.dispatch('MESSAGE_CREATE', messagePayload(`<@${BOT_ID}> help`, { mentionBot: true, userId: BOT_ID }));
    h.standIn.dispatch('MESSAGE_CREATE', messagePayload('help'));
    // A later DM proves the three above were processed (the gateway is ordered) and ignored.
    h.standIn.dispatch('MESSAGE_CREATE', messagePayload('help', { dm: true, channelId: '300000000000000098' }));
    await h.standIn.waitFor((r) => r.path === '/api/v10/channels/300000000000000098/messages', 5000, from);
    expect(h.standIn.requests.slice(from).filter((r) => r.method === 'POST')).toHaveLength(1);
    // The other bot reached the core flagged fromBot (the core returns null); itself did not.
    expect(h.questions.slice(asked).map((q) => (q as { fromBot?: boolean }).fromBot)).toEqual([true, false]);
  });

  it('survives malformed interaction payloads and keeps answering', async () => {
    const good = slashPayload('help');
    h.standIn.dispatch('INTERACTION_CREATE', { id: '1', type: 2 });
    h.standIn.dispatch('INTERACTION_CREATE', { ...slashPayload('help'), data: undefined });
    h.standIn.dispatch('INTERACTION_CREATE', {
      ...slashPayload('help'),
      entitlements: undefined,
      authorizing_integration_owners: undefined,
    });
    h.standIn.dispatch('INTERACTION_CREATE', { ...buttonPayload('cc:f:concept.image:1:2'), message: undefined });
    h.standIn.dispatch('MESSAGE_CREATE', { id: '5', content: 'hi' });
    h.standIn.dispatch('INTERACTION_CREATE', null);
    const { callback } = await h.interact(good);
    expect(callback.body.type).toBe(4);
    expect(h.adapter.isReady()).toBe(true);
    expect(h.logs.filter((l) => l.msg.includes('malformed')).length).toBeGreaterThanOrEqual(5);
  });

  it('resumes after the connection drops and keeps answering', async () => {
    h.standIn.dropConnections();
    await waitFor('a RESUME (op 6)', () => h.standIn.gatewayOps.includes(6));
    const { callback } = await h.interact(slashPayload('help'));
    expect(callback.body.type).toBe(4);
  });
});

describe('discord gateway adapter with a slow engine', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(discordHost({ delayMs: 600, suggestDelayMs: 5000 }), { deferAfterMs: 150, autocompleteMs: 200 });
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined when beforeAll failed
  afterAll(async () => h?.close());

  it('defers privately when the engine is slow, then edits the original response', async () => {
    // The engine takes 600 ms, the defer is due after 150: a type-5 callback is the defer, before the answer.
    const { callback, edit } = await h.interact(slashPayload('ps', {}, asHost));
    expect(callback.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    expect(edit?.body.embeds[0].title).toBe('Running containers on the host');
    expect(edit?.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('autocomplete answers with no choices when the engine is too slow', async () => {
    // Names take the engine 5 s, autocomplete gives it 200 ms: no choices means it did not wait.
    const { callback } = await h.interact(autocompletePayload('we', asHost));
    expect(callback.body).toEqual({ type: 8, data: { choices: [] } });
  });
});

runContract('discord (gateway)', async () => {
  const h = await harness(undefined);
  const users = new Map<string, string>();
  const userFor = (conversation: string) => {
    if (!users.has(conversation)) users.set(conversation, String(510000000000000000n + BigInt(users.size)));
    return users.get(conversation)!;
  };
  const last = new Map<string, any>();
  const plain = (data: any) => messageText(data).replace(/\u200b/g, '');
  return {
    async ask(text, conversation) {
      const { callback, edit } = await h.interact(slashPayload('ask', { question: text }, { userId: userFor(conversation) }));
      const data = edit?.body ?? callback.body.data;
      last.set(conversation, data);
      return plain(data);
    },
    async clickFollowup(label, conversation) {
      const buttons = (last.get(conversation)?.components ?? []).flatMap((r: any) => r.components);
      const b = buttons.find((x: any) => x.label === label);
      if (!b) throw new Error(`no button "${label}" in ${buttons.map((x: any) => x.label).join(', ')}`);
      const { callback, edit } = await h.interact(buttonPayload(b.custom_id, { userId: userFor(conversation) }));
      return plain(edit?.body ?? callback.body.data);
    },
    close: () => h.close(),
  };
});
