import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordGatewayAdapter } from '../../../src/adapters/discord/gateway.ts';
import type { FeedbackRecord, PlatformAdapter } from '../../../src/core/ports.ts';
import { makeTestBot } from '../../helpers/bot.ts';
import { fakeHost } from './fake-host.ts';
import { APP_ID, CHANNEL_ID, DiscordStandIn, HOST_ROLE, slashPayload } from './stand-in.ts';

describe('discord gateway adapter (real discord.js against the stand-in)', () => {
  let standIn: DiscordStandIn;
  let adapter: PlatformAdapter;
  const votes: FeedbackRecord[] = [];
  const host = fakeHost();

  beforeAll(async () => {
    standIn = await new DiscordStandIn().listen();
    const bot = makeTestBot({ host });
    adapter = createDiscordGatewayAdapter({
      token: 'test-token',
      applicationId: APP_ID,
      bot: { handle: (q) => bot.handle(q), feedback: (r) => votes.push(r) },
      host,
      hostChannels: [CHANNEL_ID],
      hostRoles: [HOST_ROLE],
      apiUrl: standIn.apiUrl,
      restRetries: 0,
    });
    await adapter.start();
  });

  afterAll(async () => {
    await adapter?.stop();
    await standIn?.close();
  });

  it('connects: IDENTIFY then ready', () => {
    expect(adapter.isReady()).toBe(true);
    expect(standIn.gatewayOps).toContain(2);
  });

  it('answers /docker ask with an embed', async () => {
    const p = slashPayload('ask', { question: 'what is the difference between a docker image and a container' });
    standIn.dispatch('INTERACTION_CREATE', p);
    const cb = await standIn.waitFor((r) => r.path === `/api/v10/interactions/${p.id}/${p.token}/callback`);
    console.log(JSON.stringify(cb.body, null, 1).slice(0, 3000));
  });
});
