// HTTP interactions mode: requests signed with a test Ed25519 key, served by the process's
// shared HTTP server; deferred answers PATCHed through discord.js's REST to the stand-in.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordHttpAdapter } from '../../../src/adapters/discord/interactions-http.ts';
import { messageText } from '../../../src/adapters/discord/render.ts';
import type { FeedbackRecord, HostPort, PlatformAdapter } from '../../../src/core/ports.ts';
import { createHttpServer, type HttpServer } from '../../../src/http/server.ts';
import { runContract } from '../../contract/suite.ts';
import { makeTestBot } from '../../helpers/bot.ts';
import { discordHost } from './fake-host.ts';
import { APP_ID, autocompletePayload, buttonPayload, CHANNEL_ID, DiscordStandIn, HOST_ROLE, slashPayload } from './stand-in.ts';

const EPHEMERAL = 64;

interface Harness {
  standIn: DiscordStandIn;
  adapter: PlatformAdapter;
  votes: FeedbackRecord[];
  post(body: unknown, opts?: { sign?: 'good' | 'bad' | 'none' | 'other-key'; raw?: string }): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

function keyPair(): { privateKey: KeyObject; hex: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x!;
  return { privateKey, hex: Buffer.from(x, 'base64url').toString('hex') };
}

async function harness(host?: HostPort, extra: { deferAfterMs?: number } = {}): Promise<Harness> {
  const standIn = await new DiscordStandIn().listen();
  const { privateKey, hex } = keyPair();
  const other = keyPair();
  const bot = makeTestBot(host ? { host } : {});
  const votes: FeedbackRecord[] = [];
  const errors: unknown[] = [];
  const adapter = createDiscordHttpAdapter({
    applicationId: APP_ID,
    publicKey: hex,
    bot: { handle: (q) => bot.handle(q), feedback: (r) => votes.push(r), suggest: (q, limit) => bot.suggest(q, limit) },
    ...(host ? { host } : {}),
    hostChannels: [CHANNEL_ID],
    hostRoles: [HOST_ROLE],
    apiUrl: standIn.apiUrl,
    restRetries: 0,
    log: { warn: () => {}, error: (o) => errors.push(o) },
    ...extra,
  });
  await adapter.start();
  const server: HttpServer = createHttpServer([...adapter.routes]);
  const port = await server.listen(0, '127.0.0.1');
  return {
    standIn,
    adapter,
    votes,
    async post(body, opts = {}) {
      const raw = opts.raw ?? JSON.stringify(body);
      const timestamp = String(Math.floor(Date.now() / 1000));
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      const mode = opts.sign ?? 'good';
      if (mode !== 'none') {
        const keyToUse = mode === 'other-key' ? other.privateKey : privateKey;
        const signed = mode === 'bad' ? `${timestamp}{"tampered":true}` : timestamp + raw;
        headers['x-signature-ed25519'] = sign(null, Buffer.from(signed), keyToUse).toString('hex');
        headers['x-signature-timestamp'] = timestamp;
      }
      const res = await fetch(`http://127.0.0.1:${port}/discord/interactions`, { method: 'POST', headers, body: raw });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
    async close() {
      await adapter.stop();
      await server.close(1000);
      await standIn.close();
      expect(errors).toEqual([]);
    },
  };
}

describe('discord HTTP interactions endpoint', () => {
  let h: Harness;
  const host = discordHost();
  beforeAll(async () => {
    h = await harness(host);
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined when beforeAll failed
  afterAll(async () => h?.close());

  it('answers PING with PONG', async () => {
    expect(await h.post({ id: '1', token: 't', type: 1, application_id: APP_ID, user: { id: '2' } })).toEqual({
      status: 200,
      body: { type: 1 },
    });
  });

  it('401s a bad, missing or foreign signature and runs nothing', async () => {
    const before = host.calls.length;
    const p = slashPayload('ps', {}, { roles: [HOST_ROLE] });
    for (const sign of ['bad', 'none', 'other-key'] as const) expect((await h.post(p, { sign })).status).toBe(401);
    expect(host.calls.length).toBe(before);
  });

  it('verifies before parsing: an unsigned non-JSON body is a 401, a signed one a 400', async () => {
    expect((await h.post(null, { raw: '{not json', sign: 'none' })).status).toBe(401);
    expect((await h.post(null, { raw: '{not json' })).status).toBe(400);
    expect((await h.post({ id: '1', type: 2 })).status).toBe(400);
  });

  it('answers /docker ask in the HTTP response, with no pings', async () => {
    const { status, body } = await h.post(
      slashPayload('ask', { question: 'what is the difference between a docker image and a container' }),
    );
    expect(status).toBe(200);
    expect(body.type).toBe(4);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    // A short answer under the topic, the article one tap away.
    expect(body.data.embeds[0].title).toMatch(/difference between an image and a container/i);
    const labels = body.data.components.flatMap((r: { components: { label?: string }[] }) => r.components.map((c) => c.label));
    expect(labels).toContain('More: Image vs container, the difference');
  });

  it('answers every subcommand; host output is private', async () => {
    const ps = await h.post(slashPayload('ps', { all: true }, { roles: [HOST_ROLE] }));
    expect(ps.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(ps.body.data.embeds[0].title).toBe('All containers on the host');
    const why = await h.post(slashPayload('why', { name: 'web', port: 8080 }, { roles: [HOST_ROLE] }));
    expect(host.calls).toContain('diagnose web 8080');
    expect(why.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    const images = await h.post(slashPayload('images', {}, { roles: [HOST_ROLE] }));
    expect(images.body.data.embeds[0].title).toBe('Images on the host');
    const explain = await h.post(slashPayload('explain', { command: 'docker run -d -p 8080:80 --name web myapp:2.1.0' }));
    expect(messageText(explain.body.data)).toContain('--name web');
    const help = await h.post(slashPayload('help'));
    expect(messageText(help.body.data)).toContain('Common mistakes');
    const denied = await h.post(slashPayload('ps', {}));
    expect(messageText(denied.body.data)).toContain('DISCORD_HOST_CHANNELS');
  });

  it('autocomplete offers host names', async () => {
    const { body } = await h.post(autocompletePayload('e', { roles: [HOST_ROLE] }));
    expect(body.type).toBe(8);
    expect(body.data.choices.map((c: any) => c.value)).toEqual(expect.arrayContaining(['@everyone', '@here-api']));
  });

  it('follow-up and feedback buttons', async () => {
    const first = await h.post(slashPayload('ask', { question: 'what is a docker image' }));
    const rows = first.body.data.components;
    const follow = rows[0].components[0];
    const next = await h.post(buttonPayload(follow.custom_id));
    // A short answer's first button is "More: <article title>".
    expect(next.body.data.embeds[0].title).toBe(follow.label.replace(/^More: /, ''));
    const up = rows.at(-1).components.find((c: any) => c.label === 'Helpful');
    const thanks = await h.post(buttonPayload(up.custom_id));
    expect(thanks.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(h.votes.at(-1)).toMatchObject({ vote: 'up', intent: 'concept.image', platform: 'discord' });
  });
});

describe('discord HTTP interactions endpoint with a slow engine', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(discordHost({ delayMs: 500 }), { deferAfterMs: 100 });
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined when beforeAll failed
  afterAll(async () => h?.close());

  it('defers in the HTTP response, then PATCHes @original through REST', async () => {
    const p = slashPayload('ps', {}, { roles: [HOST_ROLE] });
    // The engine takes 500 ms, the defer is due after 100: a type-5 response is the defer.
    const { body } = await h.post(p);
    expect(body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    const edit = await h.standIn.waitFor(
      (r) => r.method === 'PATCH' && r.path === `/api/v10/webhooks/${APP_ID}/${p.token}/messages/@original`,
    );
    expect(edit.body.embeds[0].title).toBe('Running containers on the host');
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    expect(edit.body.flags).toBeUndefined();
    // The interaction token is the credential: no bot token is sent (or configured).
    expect(edit.auth).toBeUndefined();
  });
});

runContract('discord (HTTP interactions)', async () => {
  const h = await harness();
  const users = new Map<string, string>();
  const userFor = (c: string) => {
    if (!users.has(c)) users.set(c, String(520000000000000000n + BigInt(users.size)));
    return users.get(c)!;
  };
  const last = new Map<string, any>();
  const plain = (data: any) => messageText(data).replace(/\u200b/g, '');
  return {
    async ask(text, conversation) {
      const { body } = await h.post(slashPayload('ask', { question: text }, { userId: userFor(conversation) }));
      last.set(conversation, body.data);
      return plain(body.data);
    },
    async clickFollowup(label, conversation) {
      const b = (last.get(conversation)?.components ?? []).flatMap((r: any) => r.components).find((x: any) => x.label === label);
      if (!b) throw new Error(`no button "${label}"`);
      const { body } = await h.post(buttonPayload(b.custom_id, { userId: userFor(conversation) }));
      return plain(body.data);
    },
    close: () => h.close(),
  };
});
