// Issue 15, "replicas for real": a question to replica A and its follow-up to replica B stay on
// topic. This needs the conversation context in the store (shared by the replicas), not in each
// process's memory: the follow-up on B must be read with A's question.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eventBody, plainText } from '../adapters/slack/requests.ts';
import { BOT } from '../adapters/slack/stand-in.ts';
import { knowledgeBase } from '../helpers/bot.ts';
import { postgresMissing } from '../helpers/postgres.ts';
import { startReplicas, type Replicas } from './replicas-harness.ts';

const missing = postgresMissing();
if (missing && process.env.REQUIRE_POSTGRES === '1') throw new Error(`REQUIRE_POSTGRES=1 but ${missing}`);

vi.setConfig({ testTimeout: 240_000, hookTimeout: 400_000 });

describe.skipIf(missing !== null)('conversation context across two replicas', () => {
  let rs: Replicas;
  let started: Replicas | undefined; // for the clean-up when start-up failed
  beforeAll(async () => {
    rs = await startReplicas('replicas_context');
    started = rs;
  });
  afterAll(async () => {
    await started?.close();
  });

  it('a question to replica A and its follow-up to replica B stay on topic', async () => {
    const ps = knowledgeBase().get('command.ps')!.title;
    const ts = '1700000200.000100';
    const first = eventBody({
      type: 'app_mention',
      user: 'U0ANN',
      text: `<@${BOT.userId}> what does docker ps show?`,
      ts,
      channel: 'C0TEAM',
      event_ts: ts,
    });
    expect((await rs.a.slack(first, 'application/json')).status).toBe(200);
    const answer = await rs.slack.waitFor(() => rs.slack.posted.find((p) => p.thread_ts === ts), 60_000, 'the answer on A');
    expect(plainText(answer)).toContain(ps);

    // The follow-up in the same thread lands on the other replica.
    const ts2 = '1700000200.000200';
    const follow = eventBody({
      type: 'app_mention',
      user: 'U0ANN',
      text: `<@${BOT.userId}> and what about stopped ones?`,
      ts: ts2,
      thread_ts: ts,
      channel: 'C0TEAM',
      event_ts: ts2,
    });
    expect((await rs.b.slack(follow, 'application/json')).status).toBe(200);
    const replies = await rs.slack.waitFor(
      () => {
        const r = rs.slack.posted.filter((p) => p.thread_ts === ts);
        return r.length >= 2 && r;
      },
      60_000,
      'the follow-up answer on B',
    );
    expect(plainText(replies[1]!)).toContain(ps);
  });

  it('the same follow-up in a thread with no earlier question is not read as that topic (the control)', async () => {
    const ts = '1700000300.000100';
    const alone = eventBody({
      type: 'app_mention',
      user: 'U0BEN',
      text: `<@${BOT.userId}> and what about stopped ones?`,
      ts,
      channel: 'C0TEAM',
      event_ts: ts,
    });
    expect((await rs.b.slack(alone, 'application/json')).status).toBe(200);
    const reply = await rs.slack.waitFor(() => rs.slack.posted.find((p) => p.thread_ts === ts), 60_000, 'the answer on B');
    // Its title line: the answer may still link to the docker ps topic among its related topics.
    expect(plainText(reply).split('\n')[0]).not.toContain(knowledgeBase().get('command.ps')!.title);
  });
});
