// Issue 11 item 10: "Share in channel" could post host data into a DM between two people. Host
// data may only be shared where host access is allowed for everyone who can read it: a channel
// in SLACK_HOST_CHANNELS. Through the real Bolt and the stand-in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestBot } from '../../helpers/bot.ts';
import { hostileHost } from './fake-host.ts';
import { startHarness, type Harness } from './harness.ts';
import { buttons, plainText, postSigned, slashBody } from './requests.ts';

const SHARE = 'Share in channel';
const OPS = 'C0OPS';
const ALICE = 'U0ALICE';
const shareButton = (p: Parameters<typeof buttons>[0]) => buttons(p).find((b) => b.text === SHARE);

describe('slack: Share in channel never spreads host data beyond who may see it', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ bot: makeTestBot({ host: hostileHost() }), hostChannels: [OPS], hostUsers: [ALICE] });
  });
  afterAll(async () => {
    await h.close();
  });

  it('a host answer in a DM between two people has no Share button; a knowledge answer there still does', async () => {
    const { reply } = await h.slash('ps -a', { channel: 'D0ALICEBOB', user: ALICE });
    expect(plainText(reply)).toMatch(/container/i);
    expect(h.handled.at(-1)?.hostAllowed).toBe(true); // private to Alice as she asked, so she sees it …
    expect(shareButton(reply)).toBeUndefined(); // … but it cannot be posted for Bob to read
    const knowledge = await h.slash('what is a docker image', { channel: 'D0ALICEBOB', user: ALICE });
    expect(shareButton(knowledge.reply)).toBeDefined();
  });

  it('a host answer in a host channel can be shared there', async () => {
    const { reply } = await h.slash('ps -a', { channel: OPS, user: ALICE });
    const share = shareButton(reply)!;
    expect(share).toBeDefined();
    const { urlId } = await h.click(reply, share, { channel: OPS, user: ALICE });
    const shared = await h.nextPost((p) => p.urlId === urlId && p.response_type === 'in_channel');
    expect(plainText(shared)).toMatch(/container/i);
  });

  it('a share action for a host answer sent from a DM is refused with a kind message, and nothing is posted', async () => {
    const { reply } = await h.slash('ps -a', { channel: OPS, user: ALICE });
    const share = shareButton(reply)!;
    const { ack, urlId } = await h.click(reply, share, { channel: 'D0ALICEBOB', user: ALICE });
    expect(ack.status).toBe(200);
    const answer = await h.nextPost((p) => p.urlId === urlId);
    expect(answer.response_type).toBe('ephemeral');
    expect(plainText(answer)).toContain('only shared in channels set up for them');
    // Nothing may be posted: a later slash command's answer arriving first is the barrier.
    const { reply: after } = await h.slash('help', { channel: OPS, user: ALICE });
    expect(after).toBeTruthy();
    expect(h.standIn.posted.filter((p) => p.urlId === urlId && p.response_type === 'in_channel')).toEqual([]);
  });
});

describe('slack: with SLACK_HOST_CHANNELS=*, private conversations still need their own listing to share host data', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ bot: makeTestBot({ host: hostileHost() }), hostChannels: ['*'], hostUsers: [ALICE] });
  });
  afterAll(async () => {
    await h.close();
  });

  async function slashIn(channel: string, channelName: string, urlId: string) {
    const body = new URLSearchParams(slashBody({ text: 'ps -a', channel, user: ALICE, responseUrl: h.standIn.responseUrl(urlId) }));
    body.set('channel_name', channelName);
    expect((await postSigned(h.eventsUrl, body.toString())).status).toBe(200);
    const reply = await h.nextPost((p) => p.urlId === urlId);
    expect(h.handled.at(-1)?.hostAllowed).toBe(true);
    return reply;
  }

  it('no Share button on a host answer in a group DM or a DM between two people', async () => {
    expect(shareButton(await slashIn('G0GROUP', 'mpdm-alice--bob--carol-1', 'star-group'))).toBeUndefined();
    expect(shareButton(await slashIn('C0LEGACYGRP', 'privategroup', 'star-private'))).toBeUndefined();
    expect(shareButton(await slashIn('D0ALICEBOB', 'directmessage', 'star-dm'))).toBeUndefined();
  });

  it('a Share button on the same answer in a channel', async () => {
    expect(shareButton(await slashIn('C0ANY', 'general', 'star-channel'))).toBeDefined();
  });
});
