// The course wired into `coach start` (a real process, Slack in HTTP mode, the embedded store in
// COACH_DATA_DIR) against the local Slack stand-in: `/docker learn` is answered with a lesson and
// answer buttons, an answer is recorded, the admin setting gives the preview, a join in an
// onboarding channel is welcomed — the wiring, not only the adapter. And the one reminder: a person
// idle for days gets one DM (chat.postMessage to their user id) from the timer's first round; a
// restart on the same store (as another replica would) sends nothing more.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync, sign as edSign } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { courseProgressFor } from '../../src/store/course-store.ts';
import { openStore } from '../../src/store/open.ts';
import {
  actionBody,
  actionPayload,
  buttons,
  eventBody,
  plainText,
  postSigned,
  SIGNING_SECRET,
  slashBody,
} from '../adapters/slack/requests.ts';
import { APP_ID, buttonPayload, DiscordStandIn, slashPayload, USER_ID } from '../adapters/discord/stand-in.ts';
import { startStandIn, type Posted, type StandIn } from '../adapters/slack/stand-in.ts';
import { freePort, startCoach, type Running } from '../helpers/process.ts';
import { cleanEnv } from '../helpers/spawn.ts';
import { realCourse, rightChoice } from './helpers.ts';

// A fresh process per start: room for its start-up on a loaded machine (the wait, not a pass condition).
vi.setConfig({ testTimeout: 300_000 });

const DAY = 86_400_000;
const ONBOARD = 'C0ONBOARD';
const dataDir = mkdtempSync(join(tmpdir(), 'coach-start-course-'));
let running: Running | undefined;
let slack: StandIn | undefined;
let discord: DiscordStandIn | undefined;
afterEach(() => {
  running?.kill();
});
afterAll(async () => {
  await slack?.close();
  await discord?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(standIn: StandIn): Promise<{ base: string; proc: Running }> {
  const port = await freePort();
  const proc = startCoach(
    ['start'],
    cleanEnv({
      PORT: String(port),
      COACH_LOG_FORMAT: 'json',
      COACH_LOG_LEVEL: 'debug',
      COACH_DATA_DIR: dataDir,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: standIn.apiUrl,
      SLACK_ONBOARDING_CHANNELS: ONBOARD,
      SLACK_COURSE_ADMINS: 'U0LEAD',
    }),
  );
  running = proc;
  await proc.waitFor((_, err) => err.includes('http server listening') && err.includes('adapter started'));
  return { base: `http://127.0.0.1:${port}/slack/events`, proc };
}

let seq = 0;
async function slash(url: string, text: string, user: string): Promise<Posted> {
  const urlId = `s${++seq}`;
  await postSigned(url, slashBody({ text, channel: ONBOARD, user, responseUrl: slack!.responseUrl(urlId) }));
  return slack!.waitFor(() => slack!.posted.find((p) => p.urlId === urlId), undefined, `reply to /docker ${text}`);
}
async function click(url: string, b: { action_id: string; value?: string; text: string }, user: string): Promise<Posted> {
  const urlId = `c${++seq}`;
  const container = { type: 'message', message_ts: '1700000000.000100', channel_id: ONBOARD, is_ephemeral: true };
  await postSigned(
    url,
    actionBody(actionPayload({ button: b, channel: ONBOARD, user, responseUrl: slack!.responseUrl(urlId), container })),
  );
  return slack!.waitFor(() => slack!.posted.find((p) => p.urlId === urlId), undefined, `reply to ${b.text}`);
}
const dmsTo = (user: string) => slack!.posted.filter((p) => p.via === 'chat.postMessage' && p.channel === user);
const checkedRounds = (err: string) => err.split('\n').filter((l) => l.includes('course: reminders')).length;

describe('the course in coach start (Slack)', () => {
  it('answers /docker learn with a lesson and buttons, records an answer, welcomes a join, and sends a due reminder once', async () => {
    // Someone who started five days ago and stopped: the reminder is due.
    const seed = await openStore({ dataDir });
    await courseProgressFor(seed).enrol('slack:U0IDLE', 'slack', Date.now() - 5 * DAY);
    await seed.close();

    slack = await startStandIn();
    const { base, proc } = await start(slack);

    const l1 = realCourse().lessons[0]!;
    const q = l1.questions[0]!;
    const lesson = await slash(base, 'learn', 'U0NEW');
    expect(plainText(lesson)).toContain(`Lesson 1 of ${realCourse().lessons.length}: ${l1.title}`);
    expect(plainText(lesson)).toContain(q.prompt);
    const answers = buttons(lesson).filter((b) => b.action_id.startsWith('coach_learn_answer_'));
    expect(answers).toHaveLength(q.choices.length);
    expect(plainText(await click(base, answers[rightChoice(q) - 1]!, 'U0NEW'))).toContain('*Right!*');
    expect(plainText(await slash(base, 'learn progress', 'U0NEW'))).toContain('1 of 1 answers were right');

    // SLACK_COURSE_ADMINS: the lead may preview; anyone else is told it is for admins.
    expect(plainText(await slash(base, 'learn preview', 'U0LEAD'))).toContain(`Lesson 1 of ${realCourse().lessons.length}`);
    expect(plainText(await slash(base, 'learn preview', 'U0NEW'))).toContain('The preview is for admins.');

    // SLACK_ONBOARDING_CHANNELS: a join there is welcomed (ephemerally), elsewhere not.
    const join_ = (user: string, channel: string) =>
      postSigned(base, eventBody({ type: 'member_joined_channel', user, channel, channel_type: 'C', team: 'T0001' }), {
        contentType: 'application/json',
      });
    await join_('U0ELSE', 'C0RANDOM');
    await join_('U0JOIN', ONBOARD);
    const welcome = await slack.waitFor(() => slack!.posted.find((p) => p.via === 'chat.postEphemeral'), undefined, 'the welcome');
    expect(welcome.user).toBe('U0JOIN');
    expect(buttons(welcome).map((b) => b.text)).toEqual(['Start lesson 1']);

    // The timer's first round: one DM to the idle person, naming the lesson waiting.
    const dm = await slack.waitFor(() => dmsTo('U0IDLE')[0], undefined, 'the reminder');
    expect(dm.text).toContain(`Lesson 1, "${l1.title}", is waiting for you`);
    await proc.waitFor((_, err) => err.includes('course: reminders sent'));
    expect(dmsTo('U0NEW')).toEqual([]); // active today: no reminder

    proc.child.kill('SIGTERM');
    expect((await proc.exited).code).toBe(0);

    // A restart on the same store (or another replica): the round runs and sends nothing more.
    const again = await start(slack);
    await again.proc.waitFor((_, err) => checkedRounds(err) >= 1);
    expect(again.proc.stderr()).toContain('"sent":0');
    expect(dmsTo('U0IDLE')).toHaveLength(1);
    // Progress survived the restart.
    expect(plainText(await slash(again.base, 'learn progress', 'U0NEW'))).toContain('1 of 1 answers were right');
    again.proc.child.kill('SIGTERM');
    expect((await again.proc.exited).code).toBe(0);
  });
});

describe('the course in coach start (Discord, HTTP interactions)', () => {
  it('answers /docker learn with a lesson and buttons, records an answer, and sends a due reminder by DM once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coach-start-course-d-'));
    const seed = await openStore({ dataDir: dir });
    await courseProgressFor(seed).enrol('discord:500000000000000077', 'discord', Date.now() - 5 * DAY);
    await seed.close();
    discord = await new DiscordStandIn().listen();
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const port = await freePort();
    const proc = startCoach(
      ['start'],
      cleanEnv({
        PORT: String(port),
        COACH_LOG_FORMAT: 'json',
        COACH_DATA_DIR: dir,
        DISCORD_PUBLIC_KEY: Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex'),
        DISCORD_TOKEN: 'test-bot-token',
        DISCORD_APPLICATION_ID: APP_ID,
        DISCORD_API_URL: discord.apiUrl,
        DISCORD_COURSE_ADMINS: USER_ID,
      }),
    );
    running = proc;
    try {
      await proc.waitFor((_, err) => err.includes('http server listening') && err.includes('adapter started'));
      const post = async (body: unknown) => {
        const raw = JSON.stringify(body);
        const ts = String(Math.floor(Date.now() / 1000));
        const sig = edSign(null, Buffer.from(ts + raw), privateKey).toString('hex');
        const res = await fetch(`http://127.0.0.1:${port}/discord/interactions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-signature-ed25519': sig, 'x-signature-timestamp': ts },
          body: raw,
        });
        expect(res.status).toBe(200);
        return (await res.json()) as {
          type: number;
          data: { content: string; flags: number; components: { components: { custom_id: string }[] }[] };
        };
      };

      const l1 = realCourse().lessons[0]!;
      const q = l1.questions[0]!;
      const lesson = await post(slashPayload('learn'));
      expect(lesson.type).toBe(4);
      expect(lesson.data.flags).toBe(64);
      expect(lesson.data.content).toContain(`Lesson 1 of ${realCourse().lessons.length}: ${l1.title}`);
      const answers = lesson.data.components.flatMap((r) => r.components).filter((b) => b.custom_id.startsWith('learn:a:'));
      expect(answers).toHaveLength(q.choices.length);
      const reply = await post(buttonPayload(answers[rightChoice(q) - 1]!.custom_id));
      expect(reply.data.content).toContain('**Right!**');
      expect((await post(slashPayload('learn', { action: 'progress' }))).data.content).toContain('1 of 1 answers were right');
      expect((await post(slashPayload('learn', { action: 'preview' }))).data.content).toContain('Lesson 1 of'); // DISCORD_COURSE_ADMINS

      // The reminder: a DM channel opened for the idle person, one message posted into it.
      const msg = await discord.waitFor((r) => r.method === 'POST' && r.path === '/api/v10/channels/9500000000000000077/messages');
      expect(msg.body.content).toContain(`Lesson 1, "${l1.title}", is waiting for you`);
      expect(discord.requests.filter((r) => r.path === '/api/v10/users/@me/channels').map((r) => r.body.recipient_id)).toEqual([
        '500000000000000077',
      ]);
      proc.child.kill('SIGTERM');
      expect((await proc.exited).code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
