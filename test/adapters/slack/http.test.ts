// The Slack adapter in HTTP mode, end to end through the real Bolt: signed slash commands,
// mentions, DMs and button clicks posted to /slack/events; answers read back from the stand-in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestBot, realParts } from '../../helpers/bot.ts';
import { startHarness, type Harness } from './harness.ts';
import { buttons, plainText } from './requests.ts';
import { BOT } from './stand-in.ts';

describe('slack adapter, HTTP mode', () => {
  let h: Harness;
  const { kb } = realParts();
  beforeAll(async () => {
    h = await startHarness({ bot: makeTestBot() });
  });
  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined when beforeAll failed
    await h?.close();
  });

  it('answers /docker <question> ephemerally, with a fallback text and a Share button', async () => {
    const { ack, reply } = await h.slash('what is the difference between a docker image and a container');
    expect(ack.status).toBe(200);
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toBeTruthy();
    expect(plainText(reply)).toContain(kb.get('concept.difference')!.title);
    const labels = buttons(reply).map((b) => b.text);
    expect(labels).toEqual(expect.arrayContaining(['Share in channel', '👍 Helpful', '👎 Not helpful']));
    // A short answer: one section block (the unit), the full article one tap away ("More").
    expect(reply.blocks?.[0]?.type).toBe('section');
    expect(labels.some((l) => l.startsWith('More'))).toBe(true);
  });

  it('/docker help lists what the bot can do', async () => {
    const { reply } = await h.slash('help');
    expect(plainText(reply)).toContain('Common mistakes');
  });

  it('/docker explain takes a command line apart', async () => {
    const { reply } = await h.slash('explain docker run -d -p 8080:80 --name web myapp:2.1.0');
    const text = plainText(reply);
    expect(text).toContain('-p 8080:80');
    expect(text).toContain('--name web');
  });

  it('/docker ps without a connected host answers from the knowledge base', async () => {
    const { reply } = await h.slash('ps -a');
    expect(plainText(reply)).toContain('No Docker host is connected');
  });

  it('Share in channel posts the same answer in the channel and removes the ephemeral one', async () => {
    const { reply } = await h.slash('what is a docker image');
    const share = buttons(reply).find((b) => b.text === 'Share in channel')!;
    const { ack, urlId } = await h.click(reply, share, { user: 'U0ALICE' });
    expect(ack.status).toBe(200);
    const shared = await h.nextPost((p) => p.urlId === urlId && p.response_type === 'in_channel');
    expect(plainText(shared)).toContain(kb.get('concept.image')!.title);
    expect(plainText(shared)).toContain('Shared by <@U0ALICE>');
    expect(buttons(shared).map((b) => b.text)).not.toContain('Share in channel');
    await h.nextPost((p) => p.urlId === urlId && p.delete_original === true);
  });

  it('answers a mention in its thread', async () => {
    const ts = '1700000001.000100';
    const ack = await h.event({
      type: 'app_mention',
      user: 'U0BOB',
      text: `<@${BOT.userId}> what is a docker container?`,
      ts,
      channel: 'C0TEAM',
      event_ts: ts,
    });
    expect(ack.status).toBe(200);
    const reply = await h.nextPost((p) => p.channel === 'C0TEAM' && p.thread_ts === ts);
    expect(reply.via).toBe('chat.postMessage');
    expect(plainText(reply)).toContain(kb.get('concept.container')!.title);
  });

  it('keeps the context of a thread for a follow-up mention', async () => {
    const ts = '1700000002.000100';
    await h.event({
      type: 'app_mention',
      user: 'U0BOB',
      text: `<@${BOT.userId}> what does docker ps show?`,
      ts,
      channel: 'C0TEAM',
      event_ts: ts,
    });
    await h.nextPost((p) => p.thread_ts === ts);
    const ts2 = '1700000002.000200';
    await h.event({
      type: 'app_mention',
      user: 'U0BOB',
      text: `<@${BOT.userId}> and what about stopped ones?`,
      ts: ts2,
      thread_ts: ts,
      channel: 'C0TEAM',
      event_ts: ts2,
    });
    const replies = await h.standIn.waitFor(() => {
      const r = h.standIn.posted.filter((p) => p.thread_ts === ts);
      return r.length >= 2 && r;
    });
    // Both mentions are one conversation (the thread); whether the core reads the second one
    // with the first is the core's part, covered by the shared contract suite.
    expect(h.handled.slice(-2).map((q) => q.conversation)).toEqual([`slack:C0TEAM:${ts}`, `slack:C0TEAM:${ts}`]);
    expect(plainText(replies[0]!)).toContain(kb.get('command.ps')!.title);
  });

  it('answers a direct message in the DM', async () => {
    const ts = '1700000003.000100';
    await h.event({
      type: 'message',
      channel_type: 'im',
      user: 'U0BOB',
      text: 'what is a docker image',
      ts,
      channel: 'D0BOB',
      event_ts: ts,
    });
    const reply = await h.nextPost((p) => p.channel === 'D0BOB');
    expect(reply.thread_ts).toBeUndefined();
    expect(plainText(reply)).toContain(kb.get('concept.image')!.title);
  });

  it('ignores other bots and itself', async () => {
    const before = h.standIn.posted.length;
    const n = h.handled.length;
    await h.event({
      type: 'message',
      subtype: 'bot_message',
      channel_type: 'im',
      bot_id: 'B0OTHER',
      text: 'what is a docker image',
      ts: '1700000004.000100',
      channel: 'D0BOB',
    });
    await h.event({
      type: 'message',
      channel_type: 'im',
      user: BOT.userId,
      bot_id: BOT.botId,
      text: 'what is a docker image',
      ts: '1700000004.000200',
      channel: 'D0BOB',
    });
    // A later question's answer is the barrier (no fixed sleep): the two messages above came first.
    const { reply } = await h.slash('help', { channel: 'C0BARRIER1' });
    expect(h.standIn.posted.filter((p) => p !== reply).length).toBe(before);
    // The other bot reaches the core, flagged, and the core declines; our own messages never get that far.
    expect(h.handled.slice(n).map((q) => q.fromBot)).toEqual([true, undefined]);
  });

  it('does not answer a retried event twice', async () => {
    const ts = '1700000005.000100';
    const ev = {
      type: 'app_mention',
      user: 'U0BOB',
      text: `<@${BOT.userId}> what is a docker image`,
      ts,
      channel: 'C0RETRY',
      event_ts: ts,
    };
    await h.event(ev, { eventId: 'EvRETRY1' });
    await h.event(ev, { eventId: 'EvRETRY1', retryNum: 1 });
    await h.event(ev, { eventId: 'EvRETRY1', retryNum: 2 });
    await h.nextPost((p) => p.channel === 'C0RETRY');
    await h.slash('help', { channel: 'C0BARRIER2' }); // a later answer: the retries were seen before it
    expect(h.standIn.posted.filter((p) => p.channel === 'C0RETRY')).toHaveLength(1);
  });

  it('a follow-up button runs that follow-up in the same conversation', async () => {
    const { reply } = await h.slash('what is a docker image', { user: 'U0CAROL' });
    const label = kb.get(kb.get('concept.image')!.followups[0]!)!.title;
    const button = buttons(reply).find((b) => b.text === label)!;
    expect(button).toBeDefined();
    const { urlId } = await h.click(reply, button, { user: 'U0CAROL' });
    const next = await h.nextPost((p) => p.urlId === urlId);
    expect(plainText(next)).toContain(label);
    const q = h.handled.at(-1)!;
    expect(q.command).toEqual({ kind: 'followup', intent: kb.get('concept.image')!.followups[0] });
    expect(q.conversation).toBe('slack:C0GENERAL:U0CAROL');
  });

  it('a follow-up button on a thread answer replies in that thread', async () => {
    const ts = '1700000006.000100';
    await h.event({
      type: 'app_mention',
      user: 'U0BOB',
      text: `<@${BOT.userId}> what is a docker image`,
      ts,
      channel: 'C0BTN',
      event_ts: ts,
    });
    const reply = await h.nextPost((p) => p.channel === 'C0BTN');
    const button = buttons(reply).find((b) => b.action_id.startsWith('followup_'))!;
    await h.click(reply, button, { channel: 'C0BTN', user: 'U0BOB' });
    const next = await h.standIn.waitFor(() => h.standIn.posted.filter((p) => p.channel === 'C0BTN')[1]);
    expect(next.thread_ts).toBe(ts);
    expect(h.handled.at(-1)?.conversation).toBe(`slack:C0BTN:${ts}`);
  });

  it('a follow-up click where the bot may not post (a shared answer) is answered ephemerally', async () => {
    const { reply } = await h.slash('what is a docker image', { channel: 'C0NOTIN1', user: 'U0ERIN' });
    const share = buttons(reply).find((b) => b.text === 'Share in channel')!;
    const { urlId: shareUrl } = await h.click(reply, share, { channel: 'C0NOTIN1', user: 'U0ERIN' });
    const shared = await h.nextPost((p) => p.urlId === shareUrl && p.response_type === 'in_channel');
    const onShared = { ...shared, via: 'chat.postMessage' as const, channel: 'C0NOTIN1' };
    const button = buttons(shared).find((b) => b.action_id.startsWith('followup_'))!;
    const { urlId } = await h.click(onShared, button, { channel: 'C0NOTIN1', user: 'U0FRANK' });
    const next = await h.nextPost((p) => p.urlId === urlId);
    expect(next.response_type).toBe('ephemeral');
    expect(plainText(next)).toContain(button.text.replace(/^More: /, ''));
  });

  it('👍/👎 record feedback with the intent and confidence', async () => {
    const { reply } = await h.slash('what is a docker image', { user: 'U0DAVE' });
    const down = buttons(reply).find((b) => b.action_id === 'feedback_down')!;
    const { urlId } = await h.click(reply, down, { user: 'U0DAVE' });
    await h.nextPost((p) => p.urlId === urlId);
    expect(h.feedback.at(-1)).toMatchObject({
      platform: 'slack',
      intent: 'concept.image',
      vote: 'down',
      conversation: 'slack:C0GENERAL:U0DAVE',
      // The vote names its answer and the person who clicked: one vote per person per answer.
      answerId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      userId: 'U0DAVE',
    });
    expect(h.feedback.at(-1)!.confidence).toBeGreaterThan(0);
  });

  it('no reply broke Slack limits (the stand-in checks every post as Slack does)', () => {
    expect(h.standIn.violations).toEqual([]);
    expect(h.standIn.posted.length).toBeGreaterThan(10);
    for (const p of h.standIn.posted) if (!p.delete_original) expect(p.text, 'fallback text').toBeTruthy();
  });

  it('a forged or broken button value is ignored', async () => {
    const n = h.handled.length;
    const { ack } = await h.click({ via: 'response_url', at: 0 }, { action_id: 'followup_0', value: 'not json', text: 'x' });
    expect(ack.status).toBe(200);
    await h.slash('help', { channel: 'C0BARRIER3' }); // a later answer: the click was seen before it
    expect(h.handled.slice(n).map((q) => q.text)).toEqual(['help']);
  });
});
