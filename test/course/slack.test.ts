// The course through the real Slack adapter (real Bolt, HTTP mode) against the local stand-in, on a
// real embedded store: join → one ephemeral welcome → "Start lesson 1" → lesson → answer button →
// progress, with a restart in the middle that keeps progress. Bots, guests and other channels get
// no welcome; `/docker learn` never reaches the question listener.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../src/adapters/slack/app.ts';
import type { BotHandle, PlatformAdapter } from '../../src/core/ports.ts';
import type { Question } from '../../src/core/types.ts';
import { createLearning, type Learning } from '../../src/course/learning.ts';
import { createHttpServer, type HttpServer } from '../../src/http/server.ts';
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
import { startStandIn, type Posted, type StandIn } from '../adapters/slack/stand-in.ts';
import { realCourse, rightChoice } from './helpers.ts';

const ONBOARD = 'C0ONBOARD';
const dir = mkdtempSync(join(tmpdir(), 'coach-slack-course-'));
const handled: Question[] = [];
const bot: BotHandle = {
  handle: (q) => {
    handled.push(q);
    return Promise.resolve(null);
  },
  feedback: () => undefined,
};

interface Running {
  adapter: PlatformAdapter;
  http: HttpServer;
  learning: Learning;
  url: string;
}

async function startBot(standIn: StandIn): Promise<Running> {
  const store = await openStore({ dataDir: dir });
  const learning = createLearning({
    course: realCourse(),
    progress: courseProgressFor(store),
    now: Date.now,
    nudgeDays: 3,
    close: () => store.close(),
  });
  const adapter = createSlackAdapter({
    config: {
      botToken: 'xoxb-test-token',
      mode: 'http',
      signingSecret: SIGNING_SECRET,
      apiUrl: standIn.apiUrl,
      hostChannels: [],
      hostUsers: [],
    },
    bot,
    hostConfigured: false,
    course: { learning, onboardingChannels: [ONBOARD], admins: ['U0LEAD'] },
    tuning: { apiRetries: 0, stopGraceMs: 1000 },
  });
  await adapter.start();
  const http = createHttpServer(adapter.routes);
  const port = await http.listen(0, '127.0.0.1');
  return { adapter, http, learning, url: `http://127.0.0.1:${port}/slack/events` };
}

async function stopBot(r: Running): Promise<void> {
  await r.adapter.stop();
  await r.http.close(1000);
  await r.learning.close();
}

let seq = 0;
let standIn: StandIn;
let bolt: Running;
afterAll(async () => {
  await stopBot(bolt);
  await standIn.close();
  rmSync(dir, { recursive: true, force: true });
});

const join_ = (user: string, channel = ONBOARD) =>
  postSigned(bolt.url, eventBody({ type: 'member_joined_channel', user, channel, channel_type: 'C', team: 'T0001' }), {
    contentType: 'application/json',
  });
async function slash(text: string, user = 'U0NEW'): Promise<Posted> {
  const urlId = `s${++seq}`;
  await postSigned(bolt.url, slashBody({ text, channel: ONBOARD, user, responseUrl: standIn.responseUrl(urlId) }));
  return standIn.waitFor(() => standIn.posted.find((p) => p.urlId === urlId), undefined, `reply to /docker ${text}`);
}
async function click(b: { action_id: string; value?: string; text: string }, user = 'U0NEW'): Promise<Posted> {
  const urlId = `c${++seq}`;
  const container = { type: 'message', message_ts: '1700000000.000100', channel_id: ONBOARD, is_ephemeral: true };
  await postSigned(
    bolt.url,
    actionBody(actionPayload({ button: b, channel: ONBOARD, user, responseUrl: standIn.responseUrl(urlId), container })),
  );
  return standIn.waitFor(() => standIn.posted.find((p) => p.urlId === urlId), undefined, `reply to ${b.text}`);
}
const welcomes = () => standIn.posted.filter((p) => p.via === 'chat.postEphemeral');

describe('the course on Slack', () => {
  it('welcomes a person who joins an onboarding channel once, ephemerally, with one button; bots, guests and other channels get none', async () => {
    standIn = await startStandIn();
    bolt = await startBot(standIn);
    await join_('U0NEW');
    const welcome = await standIn.waitFor(() => welcomes().find((p) => p.user === 'U0NEW'), undefined, 'the welcome');
    expect(welcome.channel).toBe(ONBOARD);
    expect(buttons(welcome)).toEqual([{ action_id: 'coach_learn_start', value: 'start', text: 'Start lesson 1' }]);
    await join_('U0NEW'); // left and joined again
    await join_('UBOT0002');
    await join_('UGUEST01');
    await join_('U0ELSE', 'C0RANDOM');
    await standIn.waitFor(() => standIn.calls.filter((c) => c === 'users.info').length === 4, undefined, 'the joins looked at');
    await join_('U0LAST'); // a sentinel: its welcome comes after the others were handled
    await standIn.waitFor(() => welcomes().find((p) => p.user === 'U0LAST'), undefined, 'the last welcome');
    expect(welcomes().map((p) => p.user)).toEqual(['U0NEW', 'U0LAST']);
  });

  it('starts lesson 1 from the button, and records and explains an answer button', async () => {
    const welcome = welcomes().find((p) => p.user === 'U0NEW')!;
    const lesson = await click(buttons(welcome)[0]!);
    const l1 = realCourse().lessons[0]!;
    const q = l1.questions[0]!;
    expect(plainText(lesson)).toContain(`Lesson 1 of ${realCourse().lessons.length}: ${l1.title}`);
    expect(plainText(lesson)).toContain(q.prompt);
    const answerButtons = buttons(lesson).filter((b) => b.action_id.startsWith('coach_learn_answer_'));
    expect(answerButtons).toHaveLength(q.choices.length);
    const reply = await click(answerButtons[rightChoice(q) - 1]!);
    expect(plainText(reply)).toContain(`*Right!* ${q.choices[rightChoice(q) - 1]!.why}`);
    expect(plainText(reply)).toContain(l1.questions[1]!.prompt);
  });

  it('keeps progress across a restart, and continues where the person was', async () => {
    await stopBot(bolt);
    bolt = await startBot(standIn);
    const progress = await slash('learn progress');
    expect(plainText(progress)).toContain(`You have done 0 of ${realCourse().lessons.length} lessons; 1 of 1 answers were right.`);
    const next = await slash('learn');
    expect(plainText(next)).toContain(realCourse().lessons[0]!.questions[1]!.prompt);
    expect(plainText(next)).not.toContain('Lesson 1 of');
    expect(handled).toEqual([]);
  });

  it('shows the preview and the per-person report to admins only', async () => {
    expect(plainText(await slash('learn preview'))).toContain('The preview is for admins.');
    expect(plainText(await slash('learn preview', 'U0LEAD'))).toContain('Lesson 1 of');
    expect(plainText(await slash('learn report'))).not.toContain('People');
    expect(plainText(await slash('learn report', 'U0LEAD'))).toContain('<@U0NEW> 0/9 lessons, 1/1 right');
    expect(plainText(await slash('learn stop'))).toContain('No more reminders.');
    expect(standIn.violations).toEqual([]);
  });
});
