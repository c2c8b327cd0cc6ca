// Slack payloads → Question, plus where the answer goes. Conversation keys: a slash command is
// keyed by channel + user (slash commands have no thread); a mention by channel + thread (the
// answer goes in the thread, so a later mention in that thread continues it); a DM by channel +
// thread when threaded, else channel + user.
import { parseCommandText } from '../../core/command-text.ts';
import type { Question } from '../../core/types.ts';
import { fromSlackMarkup, stripLeadingMention } from './escape.ts';
import { hostGrant, isDmChannel, type HostPolicy } from './permissions.ts';

export interface SlashPayload {
  text?: string;
  channel_id?: string;
  user_id?: string;
}

export interface MessagePayload {
  type?: string;
  subtype?: string;
  text?: string;
  channel?: string;
  channel_type?: string;
  user?: string;
  bot_id?: string;
  ts?: string;
  thread_ts?: string;
}

export interface Target {
  channel: string;
  /** Post in this thread; absent means top level (DMs). */
  threadTs?: string;
}

export type SlackQuestion = Question & { fromBot?: boolean };

/** Message subtypes that are a person (or bot) saying something; edits, joins, deletions are not. */
const SPOKEN_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast', 'bot_message', 'me_message']);

/** Shown (by the core) when a question needed the host and this person may not use it here. */
export const HOST_ACCESS_HINT =
  'an admin can add this channel to `SLACK_HOST_CHANNELS` (or bind it to a host in `COACH_HOST_CHANNELS`) and you to `SLACK_HOST_USERS`';

export interface Access extends HostPolicy {
  hostConfigured: boolean;
}

export function slashToQuestion(p: SlashPayload, access: Access): SlackQuestion {
  const channel = p.channel_id ?? 'unknown';
  const user = p.user_id ?? 'unknown';
  const parsed = parseCommandText(fromSlackMarkup(p.text ?? ''));
  return {
    text: parsed.text,
    command: parsed.command,
    platform: 'slack',
    conversation: `slack:${channel}:${user}`,
    ...(p.user_id ? { userId: p.user_id } : {}),
    ...hostGrant(access, { channelId: channel, userId: p.user_id, isDm: isDmChannel(channel) }, access.hostConfigured),
    hostAccessHint: HOST_ACCESS_HINT,
  };
}

/** A mention or a DM; null when the event is not something said (an edit, a join, a deletion). */
export function messageToQuestion(
  m: MessagePayload,
  kind: 'mention' | 'dm',
  access: Access,
  botUserId: string | undefined,
): { question: SlackQuestion; target: Target } | null {
  if (!SPOKEN_SUBTYPES.has(m.subtype) || !m.channel || !m.ts) return null;
  const fromBot = Boolean(m.bot_id) || m.subtype === 'bot_message';
  // A DM may start with the bot's mention too ("@coach help"); strip it the same way.
  const raw = stripLeadingMention(m.text ?? '', botUserId);
  const parsed = parseCommandText(fromSlackMarkup(raw));
  const dm = kind === 'dm' || isDmChannel(m.channel, m.channel_type);
  const thread = kind === 'mention' ? (m.thread_ts ?? m.ts) : m.thread_ts;
  const who = m.user ?? m.bot_id ?? 'unknown';
  const target: Target = { channel: m.channel, ...(thread ? { threadTs: thread } : {}) };
  return {
    target,
    question: {
      text: parsed.text,
      command: parsed.command,
      platform: 'slack',
      conversation: `slack:${m.channel}:${thread ?? who}`,
      ...(m.user ? { userId: m.user } : {}),
      ...hostGrant(access, { channelId: m.channel, userId: m.user, isDm: dm }, access.hostConfigured),
      hostAccessHint: HOST_ACCESS_HINT,
      ...(fromBot ? { fromBot: true } : {}),
    },
  };
}

/** A follow-up button: that intent, in the conversation the button carries. */
export function followupToQuestion(
  intent: string,
  label: string,
  conversation: string,
  where: { channelId?: string; userId?: string },
  access: Access,
): SlackQuestion {
  return {
    text: label,
    command: { kind: 'followup', intent },
    platform: 'slack',
    conversation,
    ...(where.userId ? { userId: where.userId } : {}),
    ...hostGrant(access, { ...where, isDm: isDmChannel(where.channelId) }, access.hostConfigured),
    hostAccessHint: HOST_ACCESS_HINT,
  };
}
