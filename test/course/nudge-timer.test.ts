// The reminder timer of `coach start` (startNudges) with the real platform senders — Slack's
// WebClient and discord.js's REST — against the local stand-ins, on a real embedded store: the
// first round sends each due reminder once, by DM (Slack: chat.postMessage to the user id;
// Discord: open the DM channel, post into it), and the later rounds send nothing. A person on a
// platform this process cannot reach is logged, never retried.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { discordNudgeSender } from '../../src/adapters/discord/course.ts';
import { slackNudgeSender } from '../../src/adapters/slack/course.ts';
import { startNudges } from '../../src/app/course.ts';
import { DiscordStandIn } from '../adapters/discord/stand-in.ts';
import { startStandIn, type StandIn } from '../adapters/slack/stand-in.ts';
import { waitFor } from '../helpers/wait.ts';
import { courseBed, DAY, realCourse, T0, type CourseBed } from './helpers.ts';

let bed: CourseBed;
let slack: StandIn;
let discord: DiscordStandIn;
beforeAll(async () => {
  bed = await courseBed();
  slack = await startStandIn();
  discord = await new DiscordStandIn().listen();
});
afterAll(async () => {
  await bed.close();
  await slack.close();
  await discord.close();
});

it('sends each due reminder once through its platform, and later rounds send nothing', async () => {
  await bed.flow.next('slack:U0IDLE', 'slack');
  await bed.flow.next('discord:123456789012', 'discord');
  await bed.flow.next('teams:someone', 'teams');
  bed.clock.now = T0 + 4 * DAY;

  const rounds: number[] = [];
  const warnings: object[] = [];
  const log = {
    info: (o: object) => rounds.push((o as { sent: number }).sent),
    debug: (o: object) => rounds.push((o as { sent: number }).sent),
    warn: (o: object) => warnings.push(o),
  };
  const stop = startNudges(
    bed.flow,
    {
      slack: slackNudgeSender({ botToken: 'xoxb-test-token', apiUrl: slack.apiUrl, retries: 0 }),
      discord: discordNudgeSender({ token: 'test-token', apiUrl: discord.apiUrl, retries: 0 }),
    },
    log,
    20,
  );
  try {
    await waitFor('four rounds of the timer', () => rounds.length >= 4);
  } finally {
    await stop();
  }
  expect(rounds[0]).toBe(2);
  expect(rounds.slice(1).every((n) => n === 0)).toBe(true);

  const title = realCourse().lessons[0]!.title;
  const slackDms = slack.posted.filter((p) => p.via === 'chat.postMessage');
  expect(slackDms.map((p) => p.channel)).toEqual(['U0IDLE']);
  expect(slackDms[0]!.text).toContain(`Lesson 1, "${title}", is waiting for you`);

  const opened = discord.requests.filter((r) => r.method === 'POST' && r.path === '/api/v10/users/@me/channels');
  expect(opened.map((r) => r.body.recipient_id)).toEqual(['123456789012']);
  const sent = discord.requests.filter((r) => r.method === 'POST' && r.path === '/api/v10/channels/9123456789012/messages');
  expect(sent).toHaveLength(1);
  expect(sent[0]!.body.content).toContain(`Lesson 1, "${title}", is waiting for you`);
  expect(sent[0]!.auth).toBe('Bot test-token');

  expect(warnings).toEqual([{ err: 'Error: no way to message teams users from this process', user: 'teams:someone' }]);
});
