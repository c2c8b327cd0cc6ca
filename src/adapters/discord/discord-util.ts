// Small helpers both run modes share: the REST base URL, reading a subcommand's options, and
// the guard that keeps malformed gateway payloads away from discord.js.

/** `https://discord.com/api`, `…/api/v10` or `…/api/` → `…/api` (discord.js appends `/v10`). */
export function restBase(apiUrl: string): string {
  return apiUrl.replace(/\/+$/, '').replace(/\/v\d+$/, '');
}

interface OptionLike {
  name: string;
  type: number;
  value?: string | number | boolean;
  options?: readonly OptionLike[];
}

const SUBCOMMAND = 1;
const SUBCOMMAND_GROUP = 2;

/** The options of the (first) subcommand as plain values; works for discord.js and raw API data. */
export function optionValues(data: readonly OptionLike[] | undefined): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  const sub = data?.find((d) => d.type === SUBCOMMAND || d.type === SUBCOMMAND_GROUP);
  for (const opt of (sub ? sub.options : data) ?? []) {
    if (typeof opt.value === 'string' || typeof opt.value === 'number' || typeof opt.value === 'boolean') out[opt.name] = opt.value;
  }
  return out;
}

export function subcommandName(data: readonly OptionLike[] | undefined): string | undefined {
  return data?.find((d) => d.type === SUBCOMMAND)?.name;
}

/** The option the person is typing in (autocomplete), from raw API data. */
export function focusedOption(data: readonly (OptionLike & { focused?: boolean })[] | undefined): { name: string; value: string } | null {
  for (const opt of data ?? []) {
    if (opt.focused) return { name: opt.name, value: String(opt.value ?? '') };
    const inner = focusedOption(opt.options);
    if (inner) return inner;
  }
  return null;
}

interface RawUser {
  id: string;
  bot?: unknown;
}

/** A raw interaction payload (HTTP mode): the fields read here, as far as repairInteraction vouches for them. */
export interface RawInteraction {
  id?: unknown;
  type: number;
  token: string;
  data?: { name?: string; options?: readonly (OptionLike & { focused?: boolean })[]; component_type?: number; custom_id?: string };
  member?: { user?: RawUser; roles?: unknown };
  user?: RawUser;
  channel?: unknown;
  channel_id?: unknown;
  guild_id?: unknown;
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isId = (x: unknown) => typeof x === 'string' && x.length > 0;

/**
 * Fills the fields discord.js 14 assumes (it throws inside its WebSocket handler otherwise)
 * and reports whether the interaction is complete enough to answer.
 */
export function repairInteraction(d: unknown): d is RawInteraction {
  if (!isObj(d) || !isId(d.id) || !isId(d.token) || typeof d.type !== 'number') return false;
  // Discord's PING (sent when the endpoint URL is saved in the portal) need not name a user.
  if (d.type === 1) return true;
  const user = isObj(d.user) ? d.user : isObj(d.member) && isObj(d.member.user) ? d.member.user : null;
  if (!user || !isId(user.id)) return false;
  if (isObj(d.member) && !Array.isArray(d.member.roles)) d.member.roles = [];
  if (!Array.isArray(d.entitlements)) d.entitlements = [];
  if (!isObj(d.authorizing_integration_owners)) d.authorizing_integration_owners = {};
  if (!isObj(d.data)) return false;
  if (d.type === 2 || d.type === 4)
    return isId(d.data.name) && isId(d.data.id) && (d.data.options === undefined || Array.isArray(d.data.options));
  if (d.type === 3) return isId(d.data.custom_id) && typeof d.data.component_type === 'number' && isObj(d.message) && isId(d.message.id);
  return d.type === 5;
}

function validMessage(d: unknown): boolean {
  return isObj(d) && isId(d.id) && isId(d.channel_id) && isObj(d.author) && isId(d.author.id) && typeof d.content === 'string';
}

interface Log {
  warn(obj: object, msg?: string): void;
}

/** A `raw` listener: renames a malformed packet's event so discord.js skips it. Never throws. */
export function guardRawPacket(packet: { t?: unknown; d?: unknown }, log?: Log): void {
  try {
    const ok =
      packet.t === 'INTERACTION_CREATE' ? repairInteraction(packet.d) : packet.t === 'MESSAGE_CREATE' ? validMessage(packet.d) : true;
    if (ok) return;
    log?.warn({ event: packet.t }, 'discord: dropped a malformed gateway event');
  } catch {
    // fall through: drop it
  }
  try {
    packet.t = `COACH_DROPPED_${String(packet.t)}`;
  } catch {
    // a frozen packet: nothing more we can do
  }
}

const THREAD_TYPES = new Set([10, 11, 12]);

/** Where a raw interaction payload (HTTP mode) happened and who sent it. */
export function rawContext(d: RawInteraction): import('./to-question.ts').DiscordContext {
  const user = d.member?.user ?? d.user;
  const ch = isObj(d.channel) ? d.channel : null;
  const isThread = THREAD_TYPES.has(ch?.type as number);
  return {
    channelId: (ch?.id as string | undefined) ?? (d.channel_id as string | undefined) ?? null,
    parentId: isThread ? ((ch?.parent_id as string | undefined) ?? null) : null,
    isThread,
    guildId: (d.guild_id as string | undefined) ?? null,
    userId: user?.id ?? '',
    isBot: user?.bot === true,
    roles: Array.isArray(d.member?.roles) ? d.member.roles.filter((r: unknown): r is string => typeof r === 'string') : [],
  };
}
