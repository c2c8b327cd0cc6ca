// Gateway mode: one discord.js Client holding the WebSocket connection. Slash commands,
// autocomplete and buttons arrive as interactions; mentions and DMs as messages (both carry
// their text without the privileged MessageContent intent). Thin: context → to-question →
// bot.handle → render → send, with the shared steps in respond.ts.
import {
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Partials,
  type Interaction,
  type Message,
  type RepliableInteraction,
} from 'discord.js';
import type { PlatformAdapter } from '../../core/ports.ts';
import { COMMAND_NAME } from './commands.ts';
import { createDiscordCourse, isCourseButton, type DiscordCourseOptions } from './course.ts';
import { guardRawPacket, optionValues, restBase } from './discord-util.ts';
import { accessOf, hostGrant } from './permissions.ts';
import { renderAnswer, renderNote, type DiscordMessage } from './render.ts';
import { flowFor, type DiscordAdapterOptions, type Responder } from './respond.ts';
import { messageToQuestion, mentionsBot, slashToQuestion, type DiscordContext } from './to-question.ts';

export interface DiscordGatewayOptions extends DiscordAdapterOptions {
  token: string;
  /** The onboarding course (`/docker learn`, welcome on join): course.ts. */
  course?: DiscordCourseOptions;
}

const NO_PINGS = { parse: [], repliedUser: false };

export function createDiscordGatewayAdapter(o: DiscordGatewayOptions): PlatformAdapter {
  const access = accessOf(o);
  const flow = flowFor(o);
  const course = o.course ? createDiscordCourse(o.course, o.log) : null;
  let client: Client | null = null;
  let stopped = false;

  // Questions are tracked (and finished or told to ask again at stop) by the lifecycle.
  function run(p: Promise<void>): void {
    void p.catch((err: unknown) => o.log?.error({ err }, 'discord: could not answer'));
  }

  function newClient(): Client {
    const c = new Client({
      intents: [
        GatewayIntentBits.Guilds,
        GatewayIntentBits.GuildMessages,
        GatewayIntentBits.DirectMessages,
        // Privileged (Developer Portal → Bot → Server Members Intent): the course's welcome on join.
        ...(o.course?.membersIntent ? [GatewayIntentBits.GuildMembers] : []),
      ],
      // DM channels are not cached: without Partials.Channel discord.js drops DMs silently.
      partials: [Partials.Channel],
      allowedMentions: NO_PINGS,
      rest: { ...(o.apiUrl ? { api: restBase(o.apiUrl) } : {}), ...(o.restRetries !== undefined ? { retries: o.restRetries } : {}) },
    });
    // Malformed payloads would throw inside discord.js's WebSocket handler: drop them first.
    c.on(Events.Raw, (packet: { t?: unknown; d?: unknown }) => {
      guardRawPacket(packet, o.log);
    });
    c.on(Events.Error, (err) => o.log?.error({ err }, 'discord: client error'));
    c.on(Events.ShardError, (err) => o.log?.warn({ err }, 'discord: gateway connection error'));
    c.on(Events.InteractionCreate, (i) => {
      if (!stopped) run(onInteraction(i));
    });
    c.on(Events.MessageCreate, (m) => {
      if (!stopped) run(onMessage(m));
      if (!stopped && course && m.author.id !== c.user?.id) run(course.message(m));
    });
    if (course)
      c.on(Events.GuildMemberAdd, (m) => {
        run(course.memberAdded(m));
      });
    return c;
  }

  async function onInteraction(i: Interaction): Promise<void> {
    const ctx = interactionContext(i);
    if (i.isAutocomplete()) {
      const focused = i.options.getFocused(true);
      const field = focused.name === 'name' || focused.name === 'host' ? focused.name : undefined;
      const host = field === 'name' ? (optionValues(i.options.data)['host'] as string | undefined) : undefined;
      const choices = i.commandName === COMMAND_NAME && field ? await flow.autocomplete(focused.value, ctx, field, host) : [];
      return i.respond(choices);
    }
    if (i.isChatInputCommand()) {
      if (i.commandName !== COMMAND_NAME) return;
      const sub = i.options.getSubcommand(false) ?? 'help';
      if (sub === 'learn' && course) return course.command(i);
      const q = slashToQuestion({ subcommand: sub, options: optionValues(i.options.data) }, ctx, hostGrant(access, ctx));
      return flow.answer(q, responder(i));
    }
    if (i.isButton() && course && isCourseButton(i.customId)) return course.button(i);
    if (i.isButton()) return flow.button(i.customId, ctx, responder(i));
  }

  async function onMessage(m: Message): Promise<void> {
    const me = client?.user?.id;
    if (!me || m.author.id === me) return;
    const isDm = !m.inGuild();
    if (!isDm && !mentionsBot(m.content, [...m.mentions.users.keys()], me)) return;
    const ctx: DiscordContext = {
      channelId: m.channelId,
      parentId: m.channel.isThread() ? m.channel.parentId : null,
      isThread: m.channel.isThread(),
      guildId: m.guildId,
      userId: m.author.id,
      isBot: m.author.bot || Boolean(m.webhookId),
      roles: m.member ? [...m.member.roles.cache.keys()] : [],
    };
    const q = messageToQuestion(m.content, me, ctx, hostGrant(access, ctx));
    const send = async (msg: DiscordMessage) => {
      await m.reply({ ...toDjs(msg), failIfNotExists: false });
    };
    await flow.ask(q, {
      // Channel messages cannot be ephemeral: host output appears only in DISCORD_HOST_CHANNELS.
      answer: async (a) => {
        if (a) await send(renderAnswer(a, { conversation: q.conversation }));
      },
      notice: (_kind, text) => send(renderNote(text, false)),
    });
  }

  return {
    name: 'discord-gateway',
    routes: [],
    async start() {
      stopped = false;
      client = newClient();
      const ready = new Promise<void>((resolve) =>
        client?.once(Events.ClientReady, () => {
          resolve();
        }),
      );
      await client.login(o.token);
      await ready;
    },
    async stop() {
      // Questions arriving during the grace period are still taken: the lifecycle tells them to ask again.
      await flow.lifecycle.stop({ graceMs: o.stopGraceMs ?? 5000 });
      stopped = true;
      const c = client;
      client = null;
      await c?.destroy();
    },
    isReady: () => Boolean(client?.isReady()),
  };
}

function interactionContext(i: Interaction): DiscordContext {
  const ch = i.channel;
  const isThread = Boolean(ch?.isThread());
  const member = i.member;
  const roles = !member ? [] : Array.isArray(member.roles) ? member.roles : [...member.roles.cache.keys()];
  return {
    channelId: i.channelId,
    parentId: isThread && ch && 'parentId' in ch ? ch.parentId : null,
    isThread,
    guildId: i.guildId,
    userId: i.user.id,
    isBot: i.user.bot,
    roles,
  };
}

function toDjs(m: DiscordMessage) {
  return {
    ...(m.content ? { content: m.content } : {}),
    embeds: m.embeds,
    components: m.components,
    allowedMentions: NO_PINGS,
  };
}

function responder(i: RepliableInteraction): Responder {
  return {
    reply: async (m) => {
      await i.reply({ ...toDjs(m), ...(m.flags ? { flags: MessageFlags.Ephemeral as const } : {}) });
    },
    defer: async (ephemeral) => {
      await i.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    },
    edit: async (m) => {
      await i.editReply(toDjs(m));
    },
  };
}
