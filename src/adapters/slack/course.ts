// The onboarding course on Slack: `/docker learn [progress|stop|preview|report]`, answer buttons,
// the "I did it" button for a lesson's task, and one ephemeral welcome with a single "Start
// lesson 1" button when someone joins an onboarding channel (bots and guests are skipped).
// Hooked into app.ts as a global middleware (so `/docker learn …` never reaches the question
// listener) plus its own actions and the member_joined_channel event.
import {
  webApi,
  type AnyMiddlewareArgs,
  type App,
  type BlockAction,
  type ButtonAction,
  type Middleware,
  type RespondFn,
  type SlashCommand,
  type types,
} from '@slack/bolt';
import type { HostPort } from '../../core/ports.ts';
import type { AnswerResult, Nudge, Step, TaskResult } from '../../course/flow.ts';
import type { Learning } from '../../course/learning.ts';
import type { LearningReport } from '../../course/report.ts';

export interface SlackCourseOptions {
  learning: Learning;
  /** Channel ids where a join gets the welcome. */
  onboardingChannels: readonly string[];
  /** User ids who may preview the course and see per-person rows of the report. */
  admins: readonly string[];
  /** The host a person may use in a channel for the read-only task checks, or null (then self-confirmed). */
  hostFor?: (userId: string, channelId: string | undefined) => HostPort | null;
}

interface Log {
  warn(obj: unknown, msg?: string): void;
}

export const COURSE_ACTION = { answer: 'coach_learn_answer', start: 'coach_learn_start', done: 'coach_learn_done' } as const;

type Block = Record<string, unknown>;
interface Message {
  text: string;
  blocks: Block[];
}

const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text: text.slice(0, 3000) } });
const button = (text: string, action_id: string, value: string, primary = false): Block => ({
  type: 'button',
  text: { type: 'plain_text', text: text.length > 75 ? `${text.slice(0, 72)}...` : text },
  action_id,
  value,
  ...(primary ? { style: 'primary' } : {}),
});
/** Our lesson markdown (**bold**) in Slack's mrkdwn (*bold*). */
const mrkdwn = (md: string) => md.replace(/\*\*(.+?)\*\*/g, '*$1*');

export function stepMessage(step: Step, total: number): Message {
  switch (step.kind) {
    case 'finished':
      return { text: 'Course finished', blocks: [section(`:tada: You have finished the course, all ${total} lessons. Well done!`)] };
    case 'reviews_tomorrow':
      return { text: 'Reviews tomorrow', blocks: [section(`All lessons seen. ${step.count} question(s) you missed come back tomorrow.`)] };
    case 'wait':
      return {
        text: 'Next lesson soon',
        blocks: [
          section(
            `That's today's lesson done. Lesson ${step.lesson.order}, *${step.lesson.title}*, opens on ${new Date(step.opensAt).toISOString().slice(0, 10)}.`,
          ),
        ],
      };
    case 'lesson':
    case 'review': {
      const { lesson, question } = step;
      const blocks: Block[] = [];
      if (step.kind === 'review') blocks.push(section(`*Review from lesson ${lesson.order}:* ${lesson.title}`));
      else if (step.intro) {
        blocks.push(section(`*Lesson ${lesson.order} of ${total}: ${lesson.title}*\n\n${mrkdwn(lesson.text)}`));
        blocks.push(section(`*Try it:* ${mrkdwn(lesson.task)}`));
        blocks.push({ type: 'actions', elements: [button('I did it', COURSE_ACTION.done, lesson.id)] });
      }
      const choices = question.choices.map((c, i) => `${i + 1}. ${c.text}`).join('\n');
      blocks.push(section(`*${question.prompt}*\n${choices}`));
      blocks.push({
        type: 'actions',
        elements: question.choices.map((c, i) =>
          button(`${i + 1}. ${c.text}`, `${COURSE_ACTION.answer}_${i + 1}`, JSON.stringify({ q: question.id, c: i + 1 })),
        ),
      });
      return { text: `Lesson ${lesson.order}: ${question.prompt}`, blocks };
    }
  }
}

function answerMessage(r: AnswerResult, total: number): Message {
  if (r.kind === 'unknown_question') return { text: 'Unknown question', blocks: [section('That question is no longer in the course.')] };
  if (r.kind === 'bad_choice') return { text: 'Unknown choice', blocks: [section('That choice is not one of the answers.')] };
  if (r.kind === 'nothing_to_answer') return stepMessage(r.next, total);
  const verdict = r.correct
    ? `:white_check_mark: *Right!* ${r.chosen.why}`
    : `:x: *Not quite.* "${r.chosen.text}": ${r.chosen.why}\nThe answer is "${r.right.text}": ${r.right.why}\nThis question comes back on a later day.`;
  const next = stepMessage(r.next, total);
  return {
    text: r.correct ? 'Right!' : 'Not quite.',
    blocks: [section(verdict + (r.lessonDone ? '\n*Lesson done.*' : '')), ...next.blocks],
  };
}

function taskMessage(r: TaskResult): Message {
  if (r.kind === 'unknown_lesson') return { text: 'Unknown lesson', blocks: [section('That lesson is no longer in the course.')] };
  if (r.kind === 'not_yet')
    return { text: 'Not there yet', blocks: [section(`Not there yet:\n${r.missing.map((m) => `• ${m}`).join('\n')}`)] };
  return {
    text: 'Task done',
    blocks: [section(`:white_check_mark: Task of lesson ${r.lesson.order} done${r.how === 'host' ? ' (I looked on the host)' : ''}.`)],
  };
}

function reportMessage(r: LearningReport): Message {
  const median = r.medianDaysToFinish === null ? '-' : `${r.medianDaysToFinish.toFixed(1)} days`;
  const missed = r.questions
    .filter((q) => q.answered > 0)
    .slice(0, 5)
    .map((q) => `• ${Math.round((q.accuracy ?? 0) * 100)}% of ${q.answered}: ${q.prompt}`);
  const people = (r.people ?? [])
    .slice(0, 30)
    .map(
      (p) => `• <@${p.user.replace(/^slack:/, '')}> ${p.lessonsDone}/${p.lessonsTotal} lessons, ${p.quizCorrect}/${p.quizAnswered} right`,
    );
  const text = [
    `*Onboarding course:* ${r.started} started, ${r.finished} finished, median time to finish ${median}.`,
    missed.length ? `*Most missed:*\n${missed.join('\n')}` : '',
    people.length ? `*People:*\n${people.join('\n')}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  return { text: 'Onboarding scorecard', blocks: [section(text)] };
}

const isLearn = (text: string) => /^learn(\s|$)/i.test(text.trim());

export function courseMiddleware(o: SlackCourseOptions, log: Log): Middleware<AnyMiddlewareArgs> {
  const total = o.learning.flow.course.lessons.length;
  const flow = o.learning.flow;
  return async (args) => {
    const command = (args as { command?: SlashCommand }).command;
    const ack = (args as { ack?: () => Promise<void> }).ack;
    const respond = (args as { respond?: RespondFn }).respond;
    if (!command || !ack || !respond || !isLearn(command.text)) {
      await args.next();
      return;
    }
    await ack();
    const sub = command.text.trim().split(/\s+/)[1]?.toLowerCase() ?? '';
    const user = `slack:${command.user_id}`;
    const admin = o.admins.includes(command.user_id);
    const send = (m: Message) => respond({ response_type: 'ephemeral', replace_original: false, ...m });
    try {
      if (sub === 'progress') {
        const p = await flow.progress(user);
        await send({
          text: 'Progress',
          blocks: [
            section(
              `You have done ${p.lessonsDone} of ${p.lessonsTotal} lessons; ${p.quizCorrect} of ${p.quizAnswered} answers were right.`,
            ),
          ],
        });
      } else if (sub === 'stop') {
        await flow.stop(user, 'slack');
        await send({ text: 'No more reminders', blocks: [section('No more reminders. `/docker learn` continues any time.')] });
      } else if (sub === 'preview' || sub === 'report') {
        if (sub === 'preview' && !admin) await send({ text: 'Admins only', blocks: [section('The preview is for admins.')] });
        else if (sub === 'preview') await send(stepMessage(flow.preview(), total));
        else await send(reportMessage(await o.learning.report(admin)));
      } else await send(stepMessage(await flow.next(user, 'slack'), total));
    } catch (err) {
      log.warn({ err: String(err) }, 'slack: course command failed');
      await send({ text: 'Sorry', blocks: [section('Sorry, I could not reach the course right now. Try again in a minute.')] });
    }
  };
}

export function registerCourse(app: App, o: SlackCourseOptions, log: Log): void {
  const flow = o.learning.flow;
  const total = flow.course.lessons.length;
  const reply = (respond: RespondFn, m: Message) => respond({ response_type: 'ephemeral', replace_original: false, ...m });
  const guarded = async (respond: RespondFn, work: () => Promise<Message>) => {
    try {
      await reply(respond, await work());
    } catch (err) {
      log.warn({ err: String(err) }, 'slack: course action failed');
      await reply(respond, { text: 'Sorry', blocks: [section('Sorry, I could not record that. Try again in a minute.')] });
    }
  };

  app.action<BlockAction<ButtonAction>>(new RegExp(`^${COURSE_ACTION.answer}_\\d+$`), async ({ ack, action, body, respond }) => {
    await ack();
    const v = parseAnswer(action.value);
    if (!v) return;
    await guarded(respond, async () => answerMessage(await flow.answer(`slack:${body.user.id}`, 'slack', v.c, v.q), total));
  });
  app.action<BlockAction<ButtonAction>>(COURSE_ACTION.start, async ({ ack, body, respond }) => {
    await ack();
    await guarded(respond, async () => stepMessage(await flow.next(`slack:${body.user.id}`, 'slack'), total));
  });
  app.action<BlockAction<ButtonAction>>(COURSE_ACTION.done, async ({ ack, action, body, respond }) => {
    await ack();
    const channel = body.channel?.id ?? (body.container as { channel_id?: string } | undefined)?.channel_id;
    const host = o.hostFor?.(body.user.id, channel) ?? null;
    await guarded(respond, async () => taskMessage(await flow.confirmTask(`slack:${body.user.id}`, 'slack', action.value ?? '', host)));
  });

  app.event('member_joined_channel', async ({ event, client }) => {
    if (!o.onboardingChannels.includes(event.channel)) return;
    try {
      const info = await client.users.info({ user: event.user });
      const u = info.user;
      if (!u || u.is_bot || u.is_restricted || u.is_ultra_restricted || u.id === 'USLACKBOT') return;
      if (!(await flow.claimWelcome(`slack:${event.user}`))) return;
      await client.chat.postEphemeral({
        channel: event.channel,
        user: event.user,
        text: 'Welcome! A short Docker course is waiting for you.',
        blocks: [
          section(
            `Welcome! :wave: Here is a short course on Docker images and containers: ${total} lessons, a few minutes a day, with a small quiz each.`,
          ),
          { type: 'actions', elements: [button('Start lesson 1', COURSE_ACTION.start, 'start', true)] },
        ] as unknown as types.KnownBlock[],
      });
    } catch (err) {
      log.warn({ err: String(err) }, 'slack: could not welcome a new member');
    }
  });
}

function parseAnswer(raw: string | undefined): { q: string; c: number } | null {
  try {
    const v = JSON.parse(raw ?? '') as { q?: unknown; c?: unknown };
    return typeof v.q === 'string' && typeof v.c === 'number' ? { q: v.q, c: v.c } : null;
  } catch {
    return null;
  }
}

/**
 * The course's one reminder on Slack, for the composition root's nudge timer (sendDueNudges):
 * chat.postMessage to the person's user id, which Slack delivers as a DM from the app. A
 * WebClient of its own, so the timer does not depend on the adapter's receiver being up.
 */
export function slackNudgeSender(o: { botToken: string; apiUrl?: string; retries?: number }): (n: Nudge, text: string) => Promise<void> {
  const client = new webApi.WebClient(o.botToken, {
    ...(o.apiUrl ? { slackApiUrl: o.apiUrl.endsWith('/') ? o.apiUrl : `${o.apiUrl}/` } : {}),
    ...(o.retries !== undefined ? { retryConfig: { retries: o.retries } } : {}),
  });
  return async (n, text) => {
    await client.chat.postMessage({ channel: n.user.replace(/^slack:/, ''), text });
  };
}
