// The onboarding course on Discord (gateway mode): `/docker learn [action]` (progress, stop,
// preview and report for admins), answer and "I did it" buttons answered ephemerally, and one
// welcome by DM with a single "Start lesson 1" button for a person who joins: from
// guildMemberAdd when the server members intent is enabled (DISCORD members intent, privileged:
// turn it on in the Developer Portal), else at their first message in an onboarding channel.
// Bots are skipped. Hooked into gateway.ts with a few lines; in HTTP-interactions mode
// (interactions-http.ts) only the command and buttons, through commandOut/buttonOut, as there
// are no joins or messages without a gateway. discordNudgeSender sends the one reminder.
import {
  ButtonStyle,
  REST,
  Routes,
  ComponentType,
  MessageFlags,
  ApplicationCommandOptionType as Opt,
  type APIApplicationCommandSubcommandOption,
  type APIButtonComponent,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type GuildMember,
  type Message,
  type User,
} from 'discord.js';
import type { HostPort } from '../../core/ports.ts';
import type { AnswerResult, Nudge, Step, TaskResult } from '../../course/flow.ts';
import type { Learning } from '../../course/learning.ts';
import type { LearningReport } from '../../course/report.ts';
import { restBase } from './discord-util.ts';

export interface DiscordCourseOptions {
  learning: Learning;
  onboardingChannels: readonly string[];
  /** User ids who may preview and see per-person rows of the report. */
  admins: readonly string[];
  /** The server members intent is enabled: welcome from guildMemberAdd instead of the first message. */
  membersIntent?: boolean;
  hostFor?: (userId: string, channelId: string | null) => HostPort | null;
}

interface Log {
  warn(obj: object, msg?: string): void;
}

/** The `learn` subcommand, added to `/docker` in commands.ts. */
export const LEARN_SUBCOMMAND: APIApplicationCommandSubcommandOption = {
  type: Opt.Subcommand,
  name: 'learn',
  description: 'The onboarding course: your next lesson and quiz',
  options: [
    {
      type: Opt.String,
      name: 'action',
      description: 'progress, stop reminders, preview (admins), report',
      choices: ['progress', 'stop', 'preview', 'report'].map((v) => ({ name: v, value: v })),
    },
  ],
};

const PREFIX = 'learn:';
interface Out {
  content: string;
  components: { type: ComponentType.ActionRow; components: APIButtonComponent[] }[];
}
const btn = (
  label: string,
  custom_id: string,
  style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success = ButtonStyle.Secondary,
): APIButtonComponent => ({
  type: ComponentType.Button,
  style,
  label: label.length > 80 ? `${label.slice(0, 77)}...` : label,
  custom_id,
});
const row = (components: APIButtonComponent[]) => ({ type: ComponentType.ActionRow as const, components });

export function stepOut(step: Step, total: number): Out {
  switch (step.kind) {
    case 'finished':
      return { content: `🎉 You have finished the course, all ${total} lessons. Well done!`, components: [] };
    case 'reviews_tomorrow':
      return { content: `All lessons seen. ${step.count} question(s) you missed come back tomorrow.`, components: [] };
    case 'wait':
      return {
        content: `That's today's lesson done. Lesson ${step.lesson.order}, **${step.lesson.title}**, opens on ${new Date(step.opensAt).toISOString().slice(0, 10)}.`,
        components: [],
      };
    case 'lesson':
    case 'review': {
      const { lesson, question } = step;
      const parts: string[] = [];
      const components = [];
      if (step.kind === 'review') parts.push(`**Review from lesson ${lesson.order}:** ${lesson.title}`);
      else if (step.intro) {
        parts.push(`**Lesson ${lesson.order} of ${total}: ${lesson.title}**`, lesson.text, `**Try it:** ${lesson.task}`);
        components.push(row([btn('I did it', `${PREFIX}d:${lesson.id}`)]));
      }
      parts.push(`**${question.prompt}**\n${question.choices.map((c, i) => `${i + 1}. ${c.text}`).join('\n')}`);
      components.unshift(
        row(question.choices.map((c, i) => btn(`${i + 1}. ${c.text}`, `${PREFIX}a:${question.id}:${i + 1}`, ButtonStyle.Primary))),
      );
      return { content: parts.join('\n\n').slice(0, 2000), components };
    }
  }
}

function answerOut(r: AnswerResult, total: number): Out {
  if (r.kind === 'unknown_question') return { content: 'That question is no longer in the course.', components: [] };
  if (r.kind === 'bad_choice') return { content: 'That choice is not one of the answers.', components: [] };
  if (r.kind === 'nothing_to_answer') return stepOut(r.next, total);
  const verdict = r.correct
    ? `✅ **Right!** ${r.chosen.why}`
    : `❌ **Not quite.** "${r.chosen.text}": ${r.chosen.why}\nThe answer is "${r.right.text}": ${r.right.why}\nThis question comes back on a later day.`;
  const next = stepOut(r.next, total);
  return {
    content: `${verdict}${r.lessonDone ? '\n**Lesson done.**' : ''}\n\n${next.content}`.slice(0, 2000),
    components: next.components,
  };
}

function taskOut(r: TaskResult): Out {
  if (r.kind === 'unknown_lesson') return { content: 'That lesson is no longer in the course.', components: [] };
  if (r.kind === 'not_yet') return { content: `Not there yet:\n${r.missing.map((m) => `- ${m}`).join('\n')}`, components: [] };
  return { content: `✅ Task of lesson ${r.lesson.order} done${r.how === 'host' ? ' (I looked on the host)' : ''}.`, components: [] };
}

function reportOut(r: LearningReport): Out {
  const median = r.medianDaysToFinish === null ? '-' : `${r.medianDaysToFinish.toFixed(1)} days`;
  const missed = r.questions
    .filter((q) => q.answered > 0)
    .slice(0, 5)
    .map((q) => `- ${Math.round((q.accuracy ?? 0) * 100)}% of ${q.answered}: ${q.prompt}`);
  const people = (r.people ?? [])
    .slice(0, 25)
    .map(
      (p) => `- <@${p.user.replace(/^discord:/, '')}> ${p.lessonsDone}/${p.lessonsTotal} lessons, ${p.quizCorrect}/${p.quizAnswered} right`,
    );
  const content = [
    `**Onboarding course:** ${r.started} started, ${r.finished} finished, median time to finish ${median}.`,
    missed.length ? `**Most missed:**\n${missed.join('\n')}` : '',
    people.length ? `**People:**\n${people.join('\n')}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  return { content: content.slice(0, 2000), components: [] };
}

const ephemeral = (o: Out) => ({ ...o, flags: MessageFlags.Ephemeral as const, allowedMentions: { parse: [] } });

/** An ephemeral reply's data as raw JSON (HTTP-interactions mode answers with it in the HTTP response). */
export function ephemeralData(o: Out) {
  return { ...o, flags: MessageFlags.Ephemeral as const, allowed_mentions: { parse: [] } };
}

export function isCourseButton(customId: string): boolean {
  return customId.startsWith(PREFIX);
}

export function createDiscordCourse(o: DiscordCourseOptions, log?: Log) {
  const flow = o.learning.flow;
  const total = flow.course.lessons.length;
  const welcomeOut: Out = {
    content: `Welcome! 👋 Here is a short course on Docker images and containers: ${total} lessons, a few minutes a day, with a small quiz each.`,
    components: [row([btn('Start lesson 1', `${PREFIX}start`, ButtonStyle.Success)])],
  };

  async function welcome(user: User): Promise<void> {
    if (user.bot || user.system) return;
    try {
      if (!(await flow.claimWelcome(`discord:${user.id}`))) return;
      await user.send({ ...welcomeOut, allowedMentions: { parse: [] } });
    } catch (err) {
      log?.warn({ err: String(err) }, 'discord: could not welcome a new member');
    }
  }

  /** `/docker learn [action]`: what to show `userId` (gateway and HTTP-interactions mode alike). */
  async function commandOut(userId: string, action: string): Promise<Out> {
    const user = `discord:${userId}`;
    const admin = o.admins.includes(userId);
    try {
      if (action === 'progress') {
        const p = await flow.progress(user);
        return {
          content: `You have done ${p.lessonsDone} of ${p.lessonsTotal} lessons; ${p.quizCorrect} of ${p.quizAnswered} answers were right.`,
          components: [],
        };
      }
      if (action === 'stop') {
        await flow.stop(user, 'discord');
        return { content: 'No more reminders. `/docker learn` continues any time.', components: [] };
      }
      if (action === 'preview') return admin ? stepOut(flow.preview(), total) : { content: 'The preview is for admins.', components: [] };
      if (action === 'report') return reportOut(await o.learning.report(admin));
      return stepOut(await flow.next(user, 'discord'), total);
    } catch (err) {
      log?.warn({ err: String(err) }, 'discord: course command failed');
      return { content: 'Sorry, I could not reach the course right now. Try again in a minute.', components: [] };
    }
  }

  /** A course button (`learn:…`) pressed by `userId` in `channelId`. */
  async function buttonOut(userId: string, customId: string, channelId: string | null): Promise<Out> {
    const [, kind = '', ...rest] = customId.split(':');
    const user = `discord:${userId}`;
    try {
      if (kind === 'a') {
        const choice = Number(rest.pop());
        return answerOut(await flow.answer(user, 'discord', choice, rest.join(':')), total);
      }
      if (kind === 'd') return taskOut(await flow.confirmTask(user, 'discord', rest.join(':'), o.hostFor?.(userId, channelId) ?? null));
      return stepOut(await flow.next(user, 'discord'), total);
    } catch (err) {
      log?.warn({ err: String(err) }, 'discord: course button failed');
      return { content: 'Sorry, I could not record that. Try again in a minute.', components: [] };
    }
  }

  return {
    commandOut,
    buttonOut,

    async command(i: ChatInputCommandInteraction): Promise<void> {
      await i.reply(ephemeral(await commandOut(i.user.id, i.options.getString('action') ?? '')));
    },

    async button(i: ButtonInteraction): Promise<void> {
      await i.reply(ephemeral(await buttonOut(i.user.id, i.customId, i.channelId)));
    },

    /** guildMemberAdd (only delivered with the server members intent). */
    async memberAdded(m: GuildMember): Promise<void> {
      if (o.onboardingChannels.length > 0) await welcome(m.user);
    },

    /** Without the members intent: the first message someone writes in an onboarding channel. */
    async message(m: Message): Promise<void> {
      if (o.membersIntent || !m.inGuild() || m.webhookId || !o.onboardingChannels.includes(m.channelId)) return;
      await welcome(m.author);
    },
  };
}

export type DiscordCourse = ReturnType<typeof createDiscordCourse>;

/**
 * The course's one reminder on Discord, for the composition root's nudge timer (sendDueNudges):
 * a DM, as `user.send()` does it (open the DM channel, post into it), over REST with the bot
 * token, so it works in gateway and HTTP-interactions mode alike.
 */
export function discordNudgeSender(o: { token: string; apiUrl?: string; retries?: number }): (n: Nudge, text: string) => Promise<void> {
  const rest = new REST({
    ...(o.apiUrl ? { api: restBase(o.apiUrl) } : {}),
    ...(o.retries !== undefined ? { retries: o.retries } : {}),
  }).setToken(o.token);
  return async (n, text) => {
    const dm = (await rest.post(Routes.userChannels(), { body: { recipient_id: n.user.replace(/^discord:/, '') } })) as { id: string };
    await rest.post(Routes.channelMessages(dm.id), { body: { content: text, allowed_mentions: { parse: [] } } });
  };
}
