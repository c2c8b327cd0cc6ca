// The steps both run modes share once an interaction is understood: answer within Discord's
// 3-second window (reply at once when the answer is ready, otherwise defer and edit the
// original response later), autocomplete with a time limit, buttons and votes. Limits, the
// answer's time limit and the graceful stop are the shared lifecycle's (runtime/lifecycle.ts).
import type { BotHandle, NameSuggester } from '../../core/ports.ts';
import type { Question } from '../../core/types.ts';
import { TIMED_OUT, within } from '../../runtime/deadline.ts';
import { createLifecycle, type Answering, type Delivery, type Lifecycle } from '../../runtime/lifecycle.ts';
import { decodeButton } from './custom-id.ts';
import { accessOf, hostGrant, type HostAccess } from './permissions.ts';
import { renderAnswer, renderNote, type DiscordMessage } from './render.ts';
import { autocompleteToQuestion, conversationKey, followupToQuestion, type DiscordContext } from './to-question.ts';

/** What a run mode knows how to send for one interaction. */
export interface Responder {
  /** The interaction response with a message (Discord's type 4). */
  reply(m: DiscordMessage): Promise<void>;
  /** "Thinking…" (type 5); the message comes later through edit(). */
  defer(ephemeral: boolean): Promise<void>;
  /** PATCH the original response (after defer). */
  edit(m: DiscordMessage): Promise<void>;
}

export interface Choice {
  name: string;
  value: string;
}

/** Minimal logger (pino's Logger fits). */
export interface Log {
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface FlowOptions {
  answering: Answering;
  /** Name suggestions for autocomplete: through the core (same access rule and deadline as a question). */
  bot: NameSuggester;
  access: HostAccess;
  /** Defer when the answer is not ready after this long (Discord allows 3 s in total). */
  deferAfterMs?: number;
  /** Autocomplete gives up on the engine after this long and offers nothing. */
  autocompleteMs?: number;
  log?: Log;
}

/** What both run modes (gateway, HTTP interactions) take. */
export interface DiscordAdapterOptions {
  applicationId: string;
  bot: BotHandle & NameSuggester;
  /** The process's shared question lifecycle; without one the adapter makes its own. */
  lifecycle?: Lifecycle;
  hostChannels: readonly string[];
  hostRoles: readonly string[];
  /** Every host and its channel binding (COACH_HOST_CHANNELS); absent: one host. */
  hostBindings?: HostAccess['bindings'];
  /** REST base, e.g. `https://discord.com/api` (the gateway URL is discovered from it). */
  apiUrl?: string;
  /** REST retries on 5xx/network errors (discord.js default 3; tests use 0). */
  restRetries?: number;
  deferAfterMs?: number;
  autocompleteMs?: number;
  /** How long stop() waits for answers in flight before telling the rest to ask again. */
  stopGraceMs?: number;
  log?: Log;
}

/** The answering flow for an adapter's options, with the lifecycle it answers through. */
export function flowFor(o: DiscordAdapterOptions): Flow & { lifecycle: Lifecycle } {
  const lifecycle =
    o.lifecycle ??
    createLifecycle({
      bot: o.bot,
      events: {
        deliveryFailed: (err) => o.log?.error({ err }, 'discord: could not answer'),
      },
    });
  const flow = createFlow({
    answering: lifecycle,
    bot: o.bot,
    access: accessOf(o),
    ...(o.deferAfterMs !== undefined ? { deferAfterMs: o.deferAfterMs } : {}),
    ...(o.autocompleteMs !== undefined ? { autocompleteMs: o.autocompleteMs } : {}),
    ...(o.log ? { log: o.log } : {}),
  });
  return { ...flow, lifecycle };
}

// Leaves a second of the 3 s for the network and discord.js's request queue.
const DEFER_AFTER_MS = 1500;
const AUTOCOMPLETE_MS = 2000;
const CHOICE_MAX = 100;

export function createFlow(o: FlowOptions) {
  const deferAfter = o.deferAfterMs ?? DEFER_AFTER_MS;

  /** Answers a question through an interaction: reply when ready, or defer (late) then edit. */
  function answer(q: Question & { fromBot?: boolean }, r: Responder): Promise<void> {
    return o.answering.ask(q, delivery(q, r));
  }

  function delivery(q: Question, r: Responder): Delivery {
    let deferred = false;
    // Only host queries are slow, so a deferred answer is (most likely) host output: private.
    const ephemeral = q.hostAllowed;
    const send = (m: DiscordMessage) => (deferred ? r.edit(m) : r.reply(m));
    return {
      late: {
        afterMs: deferAfter,
        run: async () => {
          await r.defer(ephemeral);
          deferred = true;
        },
      },
      answer: (a) => send(toMessage(a, q, deferred ? ephemeral : (a?.hostUsed ?? false))),
      notice: (_kind, text) => send(renderNote(text)),
    };
  }

  function toMessage(a: Awaited<ReturnType<BotHandle['handle']>>, q: Question, ephemeral: boolean): DiscordMessage {
    if (a === null) return renderNote('I do not answer other bots.');
    return renderAnswer(a, { conversation: q.conversation, ephemeral });
  }

  /**
   * Offers container/image names for `why name:` (from `host`, or every host open here), or
   * the hosts open in this channel for `host:`; never waits past the time limit, never throws.
   */
  async function autocomplete(partial: string, ctx: DiscordContext, field: 'name' | 'host' = 'name', host?: string): Promise<Choice[]> {
    const grant = hostGrant(o.access, ctx);
    if (!grant.hostAllowed) return [];
    if (field === 'host') return hostChoices(grant.hosts, partial);
    const q = autocompleteToQuestion(partial.slice(0, CHOICE_MAX), ctx, grant, host?.toLowerCase());
    const names = await within(
      o.bot.suggest(q, 25).catch((err: unknown) => {
        o.log?.warn({ err }, 'discord: suggest failed');
        return [] as string[];
      }),
      o.autocompleteMs ?? AUTOCOMPLETE_MS,
    );
    if (names === TIMED_OUT) return [];
    // A choice's value must be the exact name, so names that do not fit are left out.
    return [...new Set(names)]
      .filter((n) => typeof n === 'string' && n.length >= 1 && n.length <= CHOICE_MAX)
      .slice(0, 25)
      .map((n) => ({ name: n, value: n }));
  }

  /** A button click: a follow-up (answered like a command) or a 👍/👎 vote. */
  async function button(customId: string, ctx: DiscordContext, r: Responder): Promise<void> {
    const action = decodeButton(customId);
    if (!action) return r.reply(renderNote('That button is no longer supported. Try `/docker help`.'));
    if (action.kind === 'vote') {
      // The answer id and the clicker: one vote per person per answer, whichever replica gets the click.
      o.answering.feedback({
        platform: 'discord',
        intent: action.intent,
        confidence: action.confidence,
        vote: action.vote,
        conversation: action.conversation || conversationKey(ctx),
        ...(action.answerId ? { answerId: action.answerId } : {}),
        ...(ctx.userId ? { userId: ctx.userId } : {}),
      });
      return r.reply(
        renderNote(action.vote === 'up' ? 'Thanks, glad it helped.' : 'Thanks, noted: I will use this to improve the answers.'),
      );
    }
    return answer(followupToQuestion(action.intent, action.conversation, ctx, hostGrant(o.access, ctx)), r);
  }

  return { answer, ask: (q: Question, d: Delivery) => o.answering.ask(q, d), autocomplete, button, conversationKey };
}

export type Flow = ReturnType<typeof createFlow>;

/** The hosts open here whose name starts with (else contains) what was typed. */
function hostChoices(hosts: readonly string[] | undefined, partial: string): Choice[] {
  const p = partial.trim().toLowerCase();
  const list = hosts ?? [];
  const ranked = [...list.filter((h) => h.startsWith(p)), ...list.filter((h) => !h.startsWith(p) && h.includes(p))];
  return ranked.slice(0, 25).map((h) => ({ name: h, value: h }));
}
