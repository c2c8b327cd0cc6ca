// Issue 11 item 6: a captured, hour-old signed interaction was accepted three times, and a
// timestamp a year old was accepted. Through the real endpoint on the shared server: every
// request is correctly signed here, so only the replay rules can refuse them.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordHttpAdapter } from '../../../src/adapters/discord/interactions-http.ts';
import { freshTimestamp, REPLAY_WINDOW_MS, SeenIds } from '../../../src/adapters/discord/replay.ts';
import type { Question } from '../../../src/core/types.ts';
import { createHttpServer, type HttpServer } from '../../../src/http/server.ts';
import { makeTestBot } from '../../helpers/bot.ts';
import { APP_ID, DiscordStandIn, slashPayload } from './stand-in.ts';

const HOUR_S = 3600;

describe('discord HTTP interactions: replays are refused', () => {
  let server: HttpServer;
  let url = '';
  let privateKey: KeyObject;
  const handled: Question[] = [];
  let standIn: DiscordStandIn;
  let adapter: ReturnType<typeof createDiscordHttpAdapter>;
  const makeAdapter = (apiUrl: string) => {
    const pair = generateKeyPairSync('ed25519');
    privateKey = pair.privateKey;
    const hex = Buffer.from(pair.publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
    const bot = makeTestBot();
    return createDiscordHttpAdapter({
      applicationId: APP_ID,
      publicKey: hex,
      bot: {
        handle: (q) => {
          handled.push(q);
          return bot.handle(q);
        },
        feedback: () => {},
        suggest: () => Promise.resolve([]),
      },
      hostChannels: [],
      hostRoles: [],
      apiUrl,
      restRetries: 0,
      log: { warn: () => {}, error: () => {} },
    });
  };

  beforeAll(async () => {
    standIn = await new DiscordStandIn().listen();
    adapter = makeAdapter(standIn.apiUrl);
    await adapter.start();
    server = createHttpServer([...adapter.routes]);
    url = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}/discord/interactions`;
  });
  afterAll(async () => {
    await adapter.stop();
    await server.close(1000);
    await standIn.close();
  });

  /** A request exactly as Discord would have signed it at `timestamp` (Unix seconds). */
  function signed(body: unknown, timestamp: number) {
    const raw = JSON.stringify(body);
    const ts = String(timestamp);
    return {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-signature-timestamp': ts,
        'x-signature-ed25519': sign(null, Buffer.from(ts + raw), privateKey).toString('hex'),
      },
      body: raw,
    };
  }
  const send = async (req: ReturnType<typeof signed>) => (await fetch(url, req)).status;
  const nowS = () => Math.floor(Date.now() / 1000);
  const ask = () => slashPayload('ask', { question: 'what is a docker image' });

  it('accepts a fresh request once; the same request sent again is refused', async () => {
    const req = signed(ask(), nowS());
    const n = handled.length;
    expect([await send(req), await send(req), await send(req)]).toEqual([200, 401, 401]);
    expect(handled.length).toBe(n + 1);
  });

  it('refuses an hour-old and a year-old signed request, and one from the future, running nothing', async () => {
    const n = handled.length;
    expect(await send(signed(ask(), nowS() - HOUR_S))).toBe(401);
    expect(await send(signed(ask(), nowS() - 365 * 24 * HOUR_S))).toBe(401);
    expect(await send(signed(ask(), nowS() + 10 * 60))).toBe(401);
    expect(handled.length).toBe(n);
  });

  it('accepts a timestamp a little off (clock skew inside the window)', async () => {
    expect(await send(signed(ask(), nowS() - 120))).toBe(200);
    expect(await send(signed(ask(), nowS() + 60))).toBe(200);
  });

  it('a replayed PING is refused too (ids are remembered whatever the type)', async () => {
    const ping = { id: '900000000000000123', token: 't', type: 1, application_id: APP_ID };
    const req = signed(ping, nowS());
    expect([await send(req), await send(req)]).toEqual([200, 401]);
  });
});

describe('replay rules', () => {
  it('freshTimestamp: inside ±5 minutes only; nothing but digits', () => {
    const now = 1_700_000_000_000;
    const s = (off: number) => String(now / 1000 + off);
    expect([s(0), s(-299), s(299), s(-300)].map((t) => freshTimestamp(t, now))).toEqual([true, true, true, true]);
    expect([s(-301), s(301), s(-HOUR_S)].map((t) => freshTimestamp(t, now))).toEqual([false, false, false]);
    for (const bad of [undefined, '', '1e12', ' 1700000000', '-1700000000', '1700000000.5', '9'.repeat(40)])
      expect(freshTimestamp(bad, now), String(bad)).toBe(false);
  });

  it('SeenIds remembers an id while its timestamp could still be accepted, then forgets it', () => {
    let t = 0;
    const seen = new SeenIds(100, 2 * REPLAY_WINDOW_MS, () => t);
    expect(seen.firstSighting('a')).toBe(true);
    t += REPLAY_WINDOW_MS;
    expect(seen.firstSighting('a')).toBe(false);
    t += REPLAY_WINDOW_MS + 1;
    expect(seen.firstSighting('b')).toBe(true);
    expect(seen.size).toBe(1); // 'a' expired and was dropped
  });

  it('SeenIds stays within its cap however many ids arrive', () => {
    const seen = new SeenIds(1000, 2 * REPLAY_WINDOW_MS, () => 0);
    for (let i = 0; i < 50_000; i++) seen.firstSighting(`id${i}`);
    expect(seen.size).toBe(1000);
    expect(seen.firstSighting('id49999')).toBe(false);
  });
});
