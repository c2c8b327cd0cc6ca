// The Bolt listeners: ack first, then to-question → the shared lifecycle → render → send. Slack wants
// every command and click acknowledged within 3 s; the answer may take longer (a slow engine),
// so it goes out afterwards through the response_url (`respond`) or chat.postMessage.
import { randomUUID } from 'node:crypto';
import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import type { Answer } from '../../core/types.ts';
import type { Answering, Delivery } from '../../runtime/lifecycle.ts';
import { isSlackUserId } from './escape.ts';
import { localClaim, RecentMap, type ClaimOnce } from './memory.ts';
import { resendOnStaleConnection } from './resend.ts';
import { mayShare, SHARE_REFUSED, type Conversation } from './share.ts';
import { ACTION, renderAnswer, renderNotice, type ButtonValue, type SlackMessage } from './render.ts';
import {
  followupToQuestion,
  messageToQuestion,
  slashToQuestion,
  type Access,
  type MessagePayload,
  type SlackQuestion,
  type Target,
} from './to-question.ts';

export interface LoggerLike {
  debug(obj: unknown, msg?: string): void;
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
}

export interface ListenerDeps {
  /** The shared question lifecycle (limits, time limit, graceful stop): runtime/lifecycle.ts. */
  answering: Answering;
  access: Access;
  log: LoggerLike;
  /** Runs before an answer is worked on (HTTP mode: let pending acks go out first, flow.ts). */
  beforeWork?: () => Promise<void>;
  /** Answer-once across replicas (the store); default: this process's memory only. */
  claim?: ClaimOnce;
}

interface Shared {
  answer: Answer;
  conversation: string;
}

export const SLASH_COMMAND = '/docker';
/** Slack retries an event for about an hour; a response_url lives 30 minutes. */
const CLAIM_TTL_MS = 60 * 60_000;

export function registerListeners(app: App, deps: ListenerDeps): void {
  const { answering, access, log } = deps;
  const bot = answering;
  const claim = deps.claim ?? localClaim(new RecentMap<true>(5000, CLAIM_TTL_MS));
  /** True when this process answers: the first to claim the keys, or the claim failed (never lose a question). */
  async function first(keys: string[]): Promise<boolean> {
    try {
      const mine = await claim(keys, CLAIM_TTL_MS);
      if (!mine) log.info({ keys }, 'slack: already answered (a retry, or another replica took it)');
      return mine;
    } catch (err) {
      log.warn({ err: String(err) }, 'slack: could not check whether this was answered already; answering');
      return true;
    }
  }
  const shareable = new RecentMap<Shared>(1000, 30 * 60_000);
  const before = deps.beforeWork ? { beforeWork: deps.beforeWork } : {};

  /** Delivers ephemerally through the response_url, with "Share in channel" only where it may be shared. */
  function ephemeral(q: SlackQuestion, respond: RespondFn, where: Conversation): Delivery {
    const send = async (msg: SlackMessage) => {
      await resendOnStaleConnection(() => respond({ response_type: 'ephemeral', replace_original: false, ...msg }));
    };
    return {
      ...before,
      answer: async (a) => {
        if (!a) return;
        const shareId = mayShare(a, where, access) ? randomUUID() : undefined;
        if (shareId) shareable.set(shareId, { answer: a, conversation: q.conversation });
        await send(renderAnswer(a, { conversation: q.conversation, ...(shareId ? { shareId } : {}) }));
      },
      notice: (_kind, text) => send(renderNotice(text)),
    };
  }

  /**
   * Delivers with a visible message in `target` (a thread, or a DM). With `respond` (a button
   * click), falls back to an ephemeral message when the bot may not post there (a shared answer
   * in a channel the bot is not in: `not_in_channel`).
   */
  function visible(q: SlackQuestion, target: Target, client: App['client'], respond?: RespondFn): Delivery {
    const send = async (msg: SlackMessage) => {
      try {
        await client.chat.postMessage({ channel: target.channel, ...(target.threadTs ? { thread_ts: target.threadTs } : {}), ...msg });
      } catch (err) {
        if (!respond) throw err;
        log.info({ err: String(err) }, 'slack: could not post in the channel; answering the click ephemerally');
        await respond({ response_type: 'ephemeral', replace_original: false, ...msg });
      }
    };
    return {
      ...before,
      answer: async (a) => {
        if (a) await send(renderAnswer(a, { conversation: q.conversation }));
      },
      notice: (_kind, text) => send(renderNotice(text)),
    };
  }

  app.command(SLASH_COMMAND, async ({ ack, command, respond }) => {
    await ack();
    // The same command delivered to two replicas (a retry through the load balancer) is answered once.
    // Keyed on the response_url (one per invocation, and what a retry repeats), else the trigger_id.
    const id = command.response_url || command.trigger_id;
    if (id && !(await first([`slack:command:${id}`]))) return;
    const q = slashToQuestion(command, access);
    await answering.ask(q, ephemeral(q, respond, { channelId: command.channel_id, channelName: command.channel_name }));
  });

  for (const kind of ['mention', 'dm'] as const) {
    const listener = async ({
      event,
      body,
      context,
      client,
    }: {
      event: unknown;
      body: unknown;
      context: { botUserId?: string };
      client: App['client'];
    }) => {
      const m = event as MessagePayload;
      if (kind === 'dm' && m.channel_type !== 'im') return;
      const eventId = (body as { event_id?: string }).event_id;
      // Slack retries an event whose ack it missed (x-slack-retry-num); a DM that mentions the
      // bot can also arrive as both app_mention and message.im. Answer each message once.
      // Claimed in the store when there is one, so a retry that lands on another replica is refused too.
      const keys = [...(eventId ? [`slack:event:${eventId}`] : []), `slack:msg:${m.channel}:${m.ts}`];
      if (!(await first(keys))) return;
      const parsed = messageToQuestion(m, kind, access, context.botUserId);
      if (!parsed) return;
      await answering.ask(parsed.question, visible(parsed.question, parsed.target, client));
    };
    if (kind === 'mention') app.event('app_mention', listener);
    else app.message(listener as never);
  }

  app.action<BlockAction<ButtonAction>>(new RegExp(`^${ACTION.followup}_\\d+$`), async ({ ack, action, body, respond, client }) => {
    await ack();
    const v = parseValue(action.value);
    if (!v) return;
    const container = body.container as { is_ephemeral?: boolean; thread_ts?: string; channel_id?: string } | undefined;
    const channelId = body.channel?.id ?? container?.channel_id;
    const q = followupToQuestion(v.i, action.text.text, v.k, { channelId, userId: body.user.id }, access);
    if (container?.is_ephemeral || !channelId)
      return answering.ask(q, ephemeral(q, respond, { channelId, channelName: body.channel?.name }));
    const target: Target = { channel: channelId, ...(container?.thread_ts ? { threadTs: container.thread_ts } : {}) };
    await answering.ask(q, visible(q, target, client, respond));
  });

  for (const vote of ['up', 'down'] as const) {
    app.action<BlockAction<ButtonAction>>(vote === 'up' ? ACTION.up : ACTION.down, async ({ ack, action, body, respond }) => {
      await ack();
      const v = parseValue(action.value);
      if (!v) return;
      try {
        // The answer id and the clicker: one vote per person per answer, whichever replica gets the click.
        const who = { ...(typeof v.a === 'string' ? { answerId: v.a } : {}), ...(body.user.id ? { userId: body.user.id } : {}) };
        bot.feedback({ platform: 'slack', intent: v.i, confidence: v.c ?? 0, vote, conversation: v.k, ...who });
      } catch (err) {
        log.warn({ err: String(err) }, 'slack: recording feedback failed');
      }
      await respond({ response_type: 'ephemeral', replace_original: false, text: 'Thanks, noted.' }).catch((err: unknown) => {
        log.warn({ err }, 'slack: feedback reply failed');
      });
    });
  }

  app.action<BlockAction<ButtonAction>>(ACTION.share, async ({ ack, action, body, respond }) => {
    await ack();
    const v = parseValue(action.value);
    const shared = v?.s ? shareable.get(v.s) : undefined;
    if (!shared) {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        ...renderNotice('That answer is too old to share now; ask again and share the new one.'),
      });
      return;
    }
    // Checked again where the click happened: the button is not the only way to send this action.
    const container = body.container as { channel_id?: string } | undefined;
    const where = { channelId: body.channel?.id ?? container?.channel_id, channelName: body.channel?.name };
    if (!mayShare(shared.answer, where, access)) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...renderNotice(SHARE_REFUSED) });
      return;
    }
    const sharedBy = isSlackUserId(body.user.id) ? `Shared by <@${body.user.id}>` : 'Shared';
    const msg = renderAnswer(shared.answer, { conversation: shared.conversation, sharedBy });
    await respond({ response_type: 'in_channel', replace_original: false, ...msg });
    await respond({ delete_original: true }).catch((err: unknown) => {
      log.debug({ err }, 'slack: could not remove the ephemeral original');
    });
  });

  app.error((err) => {
    log.error({ err: { code: (err as { code?: string }).code, message: err.message } }, 'slack: listener error');
    return Promise.resolve();
  });
}

function parseValue(raw: string | undefined): ButtonValue | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<ButtonValue>;
    return typeof v.k === 'string' && typeof v.i === 'string' ? (v as ButtonValue) : null;
  } catch {
    return null;
  }
}
