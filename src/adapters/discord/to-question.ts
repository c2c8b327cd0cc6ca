// Discord events → the core's Question. Both run modes (gateway, HTTP interactions) first
// reduce what they received to a DiscordContext plus the command's options, so this file is
// the only place that decides conversation keys and commands.
import { parseCommandText } from '../../core/command-text.ts';
import type { HostGrant } from '../../core/host-access.ts';
import type { Command, Question } from '../../core/types.ts';

/** Where an event happened and who sent it, in Discord's terms. */
export interface DiscordContext {
  /** The channel (a thread is a channel too); null only for malformed events. */
  channelId: string | null;
  /** For a thread: its parent channel. */
  parentId?: string | null;
  isThread: boolean;
  guildId: string | null;
  userId: string;
  isBot: boolean;
  /** Role ids of the member (empty in DMs). */
  roles: readonly string[];
}

/** The `/docker` subcommand and its options, as plain values. */
export interface SlashInput {
  subcommand: string;
  options: Readonly<Record<string, string | number | boolean | undefined>>;
}

/**
 * Conversation key: discord + channel + (thread or user). In a thread everyone shares the
 * thread's context; in a channel or DM each person has their own.
 */
export function conversationKey(ctx: DiscordContext): string {
  const channel = ctx.channelId ?? 'unknown';
  return ctx.isThread ? `discord:${ctx.parentId ?? 'thread'}:${channel}` : `discord:${channel}:${ctx.userId}`;
}

/** Shown (by the core) when a question needed the host and this person may not use it here. */
export const HOST_ACCESS_HINT =
  'an admin can add this channel to `DISCORD_HOST_CHANNELS` (or bind it to a host in `COACH_HOST_CHANNELS`) and give you a role listed in `DISCORD_HOST_ROLES`';

/** The adapter's access decision: a plain yes/no (one host), or which hosts (permissions.ts hostGrant). */
export type Grant = boolean | HostGrant;

function base(ctx: DiscordContext, grant: Grant, conversation = conversationKey(ctx)) {
  const g = typeof grant === 'boolean' ? { hostAllowed: grant } : grant;
  return {
    platform: 'discord' as const,
    conversation,
    userId: ctx.userId,
    hostAllowed: g.hostAllowed,
    ...(g.hosts ? { hosts: g.hosts } : {}),
    hostAccessHint: HOST_ACCESS_HINT,
    fromBot: ctx.isBot,
  };
}

export function slashToQuestion(input: SlashInput, ctx: DiscordContext, grant: Grant): Question & { fromBot: boolean } {
  const o = input.options;
  const str = (k: string) => (typeof o[k] === 'string' ? o[k] : undefined);
  const { command, text } = slashCommand(input.subcommand, str, o);
  // The `host:` option of why/ps/images (autocompleted with the hosts open here).
  const host = str('host')?.trim().toLowerCase() || undefined;
  return { ...base(ctx, grant), text, command, ...(host ? { host } : {}) };
}

function slashCommand(sub: string, str: (k: string) => string | undefined, o: SlashInput['options']): { command: Command; text: string } {
  switch (sub) {
    case 'why': {
      const name = str('name')?.trim() || undefined;
      const port = typeof o.port === 'number' && Number.isInteger(o.port) && o.port >= 1 && o.port <= 65535 ? o.port : undefined;
      return {
        command: { kind: 'why', ...(name ? { name } : {}), ...(port !== undefined ? { port } : {}) },
        text: ['why', name, port].filter((x) => x !== undefined).join(' '),
      };
    }
    case 'ps':
      return { command: { kind: 'ps', all: o.all === true }, text: o.all === true ? 'ps --all' : 'ps' };
    case 'images':
      return { command: { kind: 'images' }, text: 'images' };
    case 'help':
      return { command: { kind: 'help' }, text: 'help' };
    case 'explain': {
      const line = str('command') ?? '';
      return { command: { kind: 'explain', line }, text: line };
    }
    case 'ask':
    default:
      return { command: { kind: 'ask' }, text: str('question') ?? '' };
  }
}

/** A mention (`@coach why web`) or a DM: the text after the bot's mention, read like `/docker …`. */
export function messageToQuestion(content: string, botId: string, ctx: DiscordContext, grant: Grant): Question & { fromBot: boolean } {
  const stripped = content
    .replace(new RegExp(`<@!?${botId}>`, 'g'), ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const { command, text } = parseCommandText(stripped);
  return { ...base(ctx, grant), text, command };
}

/** A click on a follow-up button: answer that intent in the conversation the button came from. */
export function followupToQuestion(
  intent: string,
  conversation: string,
  ctx: DiscordContext,
  grant: Grant,
): Question & { fromBot: boolean } {
  return { ...base(ctx, grant, conversation), text: intent, command: { kind: 'followup', intent } };
}

/** True when the message mentions the bot (user mention) — role and @everyone mentions do not count. */
export function mentionsBot(content: string, mentionIds: readonly string[], botId: string): boolean {
  return mentionIds.includes(botId) || new RegExp(`<@!?${botId}>`).test(content);
}

/** Autocomplete for `why name:`: what was typed so far, asked like a question (same access rule). */
export function autocompleteToQuestion(partial: string, ctx: DiscordContext, grant: Grant, host?: string): Question {
  const { platform, conversation, userId, hostAccessHint, hostAllowed, ...rest } = base(ctx, grant);
  const hosts = 'hosts' in rest ? { hosts: rest.hosts } : {};
  return { platform, conversation, userId, hostAllowed, ...hosts, hostAccessHint, text: partial, ...(host ? { host } : {}) };
}
