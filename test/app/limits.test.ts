// Issue 11 item 5: the answer queue is bounded. A flood of 4,000-character questions from a few
// people, beyond the per-person limit (the overall one: test/runtime/lifecycle.test.ts): the excess gets "I'm busy right now", every
// acknowledged question gets exactly one reply, the questions held at once never exceed the
// limit (counted), and /metrics counts the busy answers.
import { afterEach, describe, expect, it } from 'vitest';
import { plainText, postSigned, SIGNING_SECRET, slashBody } from '../adapters/slack/requests.ts';
import { startStandIn, type StandIn } from '../adapters/slack/stand-in.ts';
import { startInProcess, type InProcess } from './service-harness.ts';

let svc: InProcess | undefined;
let slack: StandIn | undefined;
afterEach(async () => {
  if (svc) await svc.terminate();
  svc = undefined;
  await slack?.close();
  slack = undefined;
});

const BUSY = "I'm busy right now — please try again in a moment.";

describe('limits on questions held', () => {
  it('a flood beyond the limits gets busy answers; nothing acknowledged is lost; what is held stays bounded', async () => {
    slack = await startStandIn();
    const slowly = (ms: number) => (bot: import('../../src/core/bot.ts').Bot) => ({
      hostConnected: bot.hostConnected,
      suggest: (q: Parameters<typeof bot.suggest>[0], limit: number) => bot.suggest(q, limit),
      feedback: (r: Parameters<typeof bot.feedback>[0]) => {
        bot.feedback(r);
      },
      handle: async (q: Parameters<typeof bot.handle>[0]) => {
        await new Promise((r) => setTimeout(r, ms));
        return bot.handle(q);
      },
    });
    svc = await startInProcess(
      {
        SLACK_BOT_TOKEN: 'xoxb-test-token',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        COACH_MAX_QUESTIONS_PER_USER: '2',
        COACH_MAX_QUESTIONS: '10',
        COACH_ANSWER_CONCURRENCY: '2',
      },
      { wrap: slowly(50) },
    );
    const N = 120;
    const long = `what is a docker image ${'and why '.repeat(500)}`.slice(0, 4000);
    const acks = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        postSigned(
          `${svc!.base}/slack/events`,
          slashBody({ text: long, channel: 'C0GENERAL', user: `U${i % 4}`, responseUrl: slack!.responseUrl(`f${i}`) }),
        ),
      ),
    );
    expect(acks.filter((a) => a.status === 200)).toHaveLength(N);
    await slack.waitFor(() => new Set(slack!.posted.map((p) => p.urlId)).size === N, 60_000, 'a reply to every question');

    const perUrl = Array.from({ length: N }, (_, i) => slack!.posted.filter((p) => p.urlId === `f${i}`));
    const busy = perUrl.filter((p) => p.length === 1 && plainText(p[0]!).includes(BUSY)).length;
    const answered = perUrl.filter((p) => p.length === 1 && !plainText(p[0]!).includes(BUSY)).length;
    expect(perUrl.filter((p) => p.length !== 1)).toEqual([]);
    expect(busy + answered).toBe(N);
    expect(busy).toBeGreaterThan(0);
    expect(answered).toBeGreaterThanOrEqual(8);
    const stats = svc.lifecycle.stats();
    // Four people, at most two questions each: the per-person limit holds first.
    expect(stats.peakHeld).toBeLessThanOrEqual(8);
    expect(stats.held).toBe(0);

    const metrics = await (await fetch(`${svc.base}/metrics`)).text();
    const counted = [...metrics.matchAll(/^coach_busy_answers_total\{[^}]*\} (\d+)$/gm)].reduce((n, m) => n + Number(m[1]), 0);
    expect(counted).toBe(busy);
    expect(metrics).toMatch(/^coach_busy_answers_total\{platform="slack",scope="user"\} \d+$/m);
    expect(metrics).toMatch(/^coach_questions_held 0$/m);
  });
});
