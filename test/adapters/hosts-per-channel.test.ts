// Per-channel host access through the real Slack (Bolt, HTTP mode) and Discord (HTTP
// interactions) adapters against their stand-ins, with two engine addresses: a recorder of our
// own on each, in front of the suite's two recorders (test/global-setup.ts), both forwarding to
// the real engine. COACH_HOST_CHANNELS binds `alpha` to one channel and `beta` to another; the
// recorders prove that a channel bound to one host never reaches the other, whatever it asks.
import { generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildHosts } from '../../src/app/host.ts';
import { createDiscordHttpAdapter } from '../../src/adapters/discord/interactions-http.ts';
import { messageText } from '../../src/adapters/discord/render.ts';
import { loadConfig } from '../../src/config.ts';
import type { NamedHost, PlatformAdapter } from '../../src/core/ports.ts';
import { createLogger } from '../../src/ops/logger.ts';
import { createHttpServer, type HttpServer } from '../../src/http/server.ts';
import { makeTestBot } from '../helpers/bot.ts';
import { proxySocket, proxySocketB, TEST_TIMEOUT_MS } from '../helpers/engine-client.ts';
import { describeEngine } from '../helpers/engine.ts';
import { startRecorder, type Recorder } from '../helpers/recorder.ts';
import { APP_ID, autocompletePayload, DiscordStandIn, HOST_ROLE, slashPayload } from './discord/stand-in.ts';
import { startHarness, type Harness } from './slack/harness.ts';
import { plainText } from './slack/requests.ts';

const SLACK_ALPHA = 'C0ALPHA01';
const SLACK_BETA = 'C0BETA001';
const SLACK_OTHER = 'C0OTHER01';
const DISCORD_ALPHA = '300000000000000011';
const DISCORD_BETA = '300000000000000012';

let a: Recorder;
let b: Recorder;

/** The configuration a team would write: two hosts, each bound to a Slack and a Discord channel. */
function config() {
  return loadConfig({
    COACH_HOSTS: `alpha=unix://${a.socketPath},beta=unix://${b.socketPath}`,
    COACH_HOST_CHANNELS: `alpha=${SLACK_ALPHA},${DISCORD_ALPHA};beta=${SLACK_BETA},${DISCORD_BETA}`,
    COACH_ENGINE_TIMEOUT_MS: String(TEST_TIMEOUT_MS),
    SLACK_BOT_TOKEN: 'xoxb-1',
    SLACK_SIGNING_SECRET: 's',
  });
}

/** The bindings exactly as config.ts hands them to the adapters. */
function bindings() {
  return config().slack?.hostBindings ?? [];
}

/** The hosts as the composition root builds them (one inspector, guard and time limit each). */
function hosts(): NamedHost[] {
  const logger = createLogger({ level: 'silent', format: 'json', secrets: [] });
  return buildHosts(config(), { force: true, logger }).map((h) => ({ name: h.name, host: h.host }));
}

describeEngine('per-channel host access (Slack and Discord adapters, two engine addresses)', () => {
  beforeAll(async () => {
    a = await startRecorder({ target: proxySocket() });
    b = await startRecorder({ target: proxySocketB() });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });
  beforeEach(() => {
    a.reset();
    b.reset();
  });
  const touched = () => ({ alpha: a.requests.length, beta: b.requests.length });

  describe('slack', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness({ bot: makeTestBot({ hosts: hosts() }), hostChannels: [], hostUsers: ['*'], hostBindings: bindings() });
    });
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined when beforeAll failed
    afterAll(async () => h?.close());

    it('a channel bound to alpha lists alpha; beta is never asked', async () => {
      const { reply } = await h.slash('ps --all', { channel: SLACK_ALPHA });
      expect(plainText(reply)).toContain('alpha (unix://');
      expect(touched().alpha).toBeGreaterThan(0);
      expect(touched().beta).toBe(0);
    });

    it('naming the other team’s host, by flag or in words, reaches no engine and does not confirm it exists', async () => {
      for (const text of ['ps --host beta', 'why web --host beta', 'why web on beta', 'images --host=beta']) {
        const { reply } = await h.slash(text, { channel: SLACK_ALPHA });
        expect(plainText(reply), text).toContain('There is no host called `beta` that you can use here (hosts here: `alpha`)');
      }
      const unknown = await h.slash('ps --host nosuch', { channel: SLACK_ALPHA });
      expect(plainText(unknown.reply)).toContain('There is no host called `nosuch` that you can use here (hosts here: `alpha`)');
      expect(touched()).toEqual({ alpha: 0, beta: 0 });
    });

    it('the channel bound to beta reaches beta only, also for a name looked up without a host', async () => {
      await h.slash('images', { channel: SLACK_BETA });
      await h.slash('why some-container-that-is-not-there', { channel: SLACK_BETA });
      expect(touched().beta).toBeGreaterThan(0);
      expect(touched().alpha).toBe(0);
    });

    it('a channel bound to no host sees none (SLACK_HOST_CHANNELS is empty)', async () => {
      const { reply } = await h.slash('ps', { channel: SLACK_OTHER });
      expect(plainText(reply)).toContain('not enabled for you here');
      expect(touched()).toEqual({ alpha: 0, beta: 0 });
    });
  });

  describe('discord', () => {
    let standIn: DiscordStandIn;
    let adapter: PlatformAdapter;
    let server: HttpServer;
    let post: (body: unknown) => Promise<any>;
    beforeAll(async () => {
      standIn = await new DiscordStandIn().listen();
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      const hex = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
      const bot = makeTestBot({ hosts: hosts() });
      adapter = createDiscordHttpAdapter({
        applicationId: APP_ID,
        publicKey: hex,
        bot: { handle: (q) => bot.handle(q), feedback: () => {}, suggest: (q, limit) => bot.suggest(q, limit) },
        hostChannels: [],
        hostRoles: [HOST_ROLE],
        hostBindings: bindings(),
        apiUrl: standIn.apiUrl,
        restRetries: 0,
        deferAfterMs: 20_000,
      });
      await adapter.start();
      server = createHttpServer([...adapter.routes]);
      const port = await server.listen(0, '127.0.0.1');
      post = async (body) => {
        const raw = JSON.stringify(body);
        const ts = String(Math.floor(Date.now() / 1000));
        const res = await fetch(`http://127.0.0.1:${port}/discord/interactions`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-signature-ed25519': sign(null, Buffer.from(ts + raw), privateKey).toString('hex'),
            'x-signature-timestamp': ts,
          },
          body: raw,
        });
        return res.json();
      };
    });
    afterAll(async () => {
      await adapter.stop();
      await server.close(1000);
      await standIn.close();
    });
    const inAlpha = { channelId: DISCORD_ALPHA, roles: [HOST_ROLE] };

    it('/docker ps in the alpha channel reads alpha; host:beta there reaches no engine', async () => {
      const ps = await post(slashPayload('ps', { all: true }, inAlpha));
      expect(messageText(ps.data)).toContain('alpha (unix://');
      expect(touched()).toMatchObject({ beta: 0 });
      a.reset();
      const other = await post(slashPayload('ps', { host: 'beta' }, inAlpha));
      expect(messageText(other.data)).toContain('There is no host called `beta` that you can use here (hosts here: `alpha`)');
      expect(touched()).toEqual({ alpha: 0, beta: 0 });
    });

    /** Autocomplete with the `host:` option focused (the stand-in's helper focuses `name:`). */
    const hostAutocomplete = (partial: string, ctx: Parameters<typeof autocompletePayload>[1]) => {
      const payload = autocompletePayload(partial, ctx) as { data: { options: { options: unknown[] }[] } };
      payload.data.options[0]!.options = [{ name: 'host', type: 3, value: partial, focused: true }];
      return payload;
    };

    it('autocompletes only the hosts bound to the channel', async () => {
      expect((await post(hostAutocomplete('', inAlpha))).data.choices).toEqual([{ name: 'alpha', value: 'alpha' }]);
      expect((await post(hostAutocomplete('b', { channelId: DISCORD_BETA, roles: [HOST_ROLE] }))).data.choices).toEqual([
        { name: 'beta', value: 'beta' },
      ]);
      expect((await post(hostAutocomplete('', { channelId: DISCORD_ALPHA, roles: [] }))).data.choices).toEqual([]);
      expect(touched()).toEqual({ alpha: 0, beta: 0 });
    });

    it('name autocomplete in the beta channel asks beta only', async () => {
      await post(autocompletePayload('c', { channelId: DISCORD_BETA, roles: [HOST_ROLE] }));
      expect(touched().beta).toBeGreaterThan(0);
      expect(touched().alpha).toBe(0);
    });
  });
});
