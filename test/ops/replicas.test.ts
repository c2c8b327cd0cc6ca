// Issue 15, "replicas for real": two `coach start` processes on one PostgreSQL server in Slack
// HTTP mode (and with Discord's interactions endpoint). The same Slack event or command delivered
// to both is answered once; the same Discord interaction is accepted once; 👍/👎 given through
// both replicas show in one `coach report --json`. (Follow-up context across replicas:
// replicas-context.test.ts.)
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buttonPayload, slashPayload } from '../adapters/discord/stand-in.ts';
import { actionBody, actionPayload, buttons, eventBody, slashBody } from '../adapters/slack/requests.ts';
import { BOT, type Posted } from '../adapters/slack/stand-in.ts';
import { postgresMissing } from '../helpers/postgres.ts';
import { waitFor } from '../helpers/wait.ts';
import { startReplicas, type Replica, type Replicas } from './replicas-harness.ts';

const missing = postgresMissing();
if (missing && process.env.REQUIRE_POSTGRES === '1') throw new Error(`REQUIRE_POSTGRES=1 but ${missing}`);

// Two fresh processes and a PostgreSQL cluster on a loaded machine: room to start (a wait, not a pass condition).
vi.setConfig({ testTimeout: 240_000, hookTimeout: 400_000 });

const REFUSED = 'already answered (a retry, or another replica took it)';
const refusals = (r: Replica) =>
  r.running
    .stderr()
    .split('\n')
    .filter((l) => l.includes(REFUSED)).length;

describe.skipIf(missing !== null)('two replicas on one PostgreSQL', () => {
  let rs: Replicas;
  let started: Replicas | undefined; // for the clean-up when start-up failed
  beforeAll(async () => {
    rs = await startReplicas('replicas');
    started = rs;
  });
  afterAll(async () => {
    await started?.close();
  });

  it('answers the same Slack event delivered to both replicas once', async () => {
    const ts = '1700000100.000100';
    const body = eventBody(
      { type: 'app_mention', user: 'U0ANN', text: `<@${BOT.userId}> what is a docker image?`, ts, channel: 'C0TEAM', event_ts: ts },
      'EvSAME0001',
    );
    const before = refusals(rs.a) + refusals(rs.b);
    const acks = await Promise.all([rs.a.slack(body, 'application/json'), rs.b.slack(body, 'application/json')]);
    expect(acks.map((r) => r.status)).toEqual([200, 200]);
    await rs.slack.waitFor(() => rs.slack.posted.find((p) => p.thread_ts === ts), 60_000, 'the answer');
    // The other replica has seen it too, and refused it: only then is the count final.
    await waitFor('a replica refusing the copy', () => refusals(rs.a) + refusals(rs.b) > before, { timeoutMs: 60_000 });
    expect(rs.slack.posted.filter((p) => p.thread_ts === ts)).toHaveLength(1);
  });

  it('answers the same slash command delivered to both replicas once', async () => {
    const params = new URLSearchParams(
      slashBody({ text: 'what is a docker container', channel: 'C0TEAM', user: 'U0ANN', responseUrl: rs.slack.responseUrl('same-cmd') }),
    );
    params.set('trigger_id', 'trig-same-0001');
    const before = refusals(rs.a) + refusals(rs.b);
    const acks = await Promise.all([rs.a.slack(params.toString()), rs.b.slack(params.toString())]);
    expect(acks.map((r) => r.status)).toEqual([200, 200]);
    await rs.slack.waitFor(() => rs.slack.posted.find((p) => p.urlId === 'same-cmd'), 60_000, 'the answer');
    await waitFor('a replica refusing the copy', () => refusals(rs.a) + refusals(rs.b) > before, { timeoutMs: 60_000 });
    expect(rs.slack.posted.filter((p) => p.urlId === 'same-cmd')).toHaveLength(1);
  });

  it('shows 👍/👎 given through both replicas in one coach report, one vote per person per answer', async () => {
    const image = await slash(rs.a, 'what is a docker image', 'U0ANN', 'fb-image');
    const container = await slash(rs.b, 'what is a docker container', 'U0BEN', 'fb-container');
    // 👎 on A's answer through B, the same person again through A (still one vote), another person through A.
    await click(rs.b, image, 'feedback_down', 'U0ANN', 'v1');
    await click(rs.a, image, 'feedback_down', 'U0ANN', 'v2');
    await click(rs.a, image, 'feedback_down', 'U0BEN', 'v3');
    // B's answer: 👎 through A, 👍 through B.
    await click(rs.a, container, 'feedback_down', 'U0ANN', 'v4');
    await click(rs.b, container, 'feedback_up', 'U0BEN', 'v5');
    const report = await waitFor(
      'both replicas’ votes in the report',
      async () => {
        const r = await rs.report();
        if (r.code !== 0) throw new Error(`coach report failed: ${r.stderr}`);
        const json = JSON.parse(r.stdout) as Report;
        return down(json, 'concept.image') >= 2 && down(json, 'concept.container') >= 1 && json;
      },
      { timeoutMs: 120_000, everyMs: 500 },
    );
    expect(down(report, 'concept.image')).toBe(2);
    expect(down(report, 'concept.container')).toBe(1);
    const downVoted = report.unanswered.flatMap((g) => (g.reasons?.down ? g.examples : []));
    expect(downVoted).toEqual(expect.arrayContaining(['what is a docker image', 'what is a docker container']));
  });

  it('accepts the same Discord interaction on one replica only', async () => {
    const payload = slashPayload('ask', { question: 'what is a docker image' });
    const [ra, rb] = await Promise.all([rs.a.discord(payload), rs.b.discord(payload)]);
    expect([ra.status, rb.status].sort()).toEqual([200, 401]);
    const refused = ra.status === 401 ? ra : rb;
    expect(refused.body).toEqual({ error: 'interaction already received' });
  });

  it('records Discord 👎 given through both replicas in the same report', async () => {
    const reply = await discordAnswer(rs.a, 'what is a docker volume');
    const ids = customIds(reply);
    const downId = ids.find((id) => id.startsWith('cc:w:down:'));
    expect(downId, `vote buttons with an answer id in ${JSON.stringify(ids)}`).toBeDefined();
    const intent = downId!.split(':')[5]!;
    expect(['concept.image', 'concept.container']).not.toContain(intent);
    for (const [r, userId] of [
      [rs.b, '500000000000000011'],
      [rs.a, '500000000000000012'],
      [rs.b, '500000000000000011'], // the same person again, through the other replica: still one vote
    ] as const) {
      const res = await r.discord(buttonPayload(downId!, { userId }));
      expect(res.status).toBe(200);
    }
    const report = await waitFor(
      'the Discord votes in the report',
      async () => {
        const r = await rs.report();
        const json = JSON.parse(r.stdout) as Report;
        return down(json, intent) >= 2 && json;
      },
      { timeoutMs: 120_000, everyMs: 500 },
    );
    expect(down(report, intent)).toBe(2);
  });

  /** A slash command to `r`; the answer posted to its response_url. */
  async function slash(r: Replica, text: string, user: string, urlId: string): Promise<Posted> {
    const ack = await r.slack(slashBody({ text, channel: 'C0TEAM', user, responseUrl: rs.slack.responseUrl(urlId) }));
    expect(ack.status).toBe(200);
    return rs.slack.waitFor(() => rs.slack.posted.find((p) => p.urlId === urlId), 60_000, `the answer to ${text}`);
  }

  /** A click on `reply`'s button `actionId` through `r`; waits for the thanks. */
  async function click(r: Replica, reply: Posted, actionId: string, user: string, urlId: string): Promise<void> {
    const button = buttons(reply).find((b) => b.action_id === actionId);
    expect(button, actionId).toBeDefined();
    const payload = actionPayload({
      button: button!,
      channel: 'C0TEAM',
      user,
      responseUrl: rs.slack.responseUrl(urlId),
      container: { type: 'message', is_ephemeral: true, channel_id: 'C0TEAM', message_ts: '1700000000.000001' },
    });
    expect((await r.slack(actionBody(payload))).status).toBe(200);
    await rs.slack.waitFor(() => rs.slack.posted.find((p) => p.urlId === urlId), 60_000, 'the thanks for a vote');
  }

  /** The answer to `/docker ask` through `r`: the response itself, or the deferred PATCH. */
  async function discordAnswer(r: Replica, question: string): Promise<any> {
    const from = rs.discord.requests.length;
    const res = await r.discord(slashPayload('ask', { question }));
    expect(res.status).toBe(200);
    if (res.body.type === 4) return res.body.data;
    return (await rs.discord.waitFor((x) => x.method === 'PATCH', 60_000, from)).body;
  }
});

interface Report {
  byIntent: { intent: string; down: number }[];
  unanswered: { examples: string[]; reasons?: { down?: number } }[];
}

function down(r: Report, intent: string): number {
  return r.byIntent.find((x) => x.intent === intent)?.down ?? 0;
}

function customIds(message: any): string[] {
  return ((message?.components ?? []) as { components?: { custom_id?: string }[] }[]).flatMap((row) =>
    (row.components ?? []).flatMap((c) => (c.custom_id ? [c.custom_id] : [])),
  );
}
