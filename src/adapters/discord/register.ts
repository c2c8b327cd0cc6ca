// `coach discord-register`: puts the command definitions with one idempotent bulk PUT — to one
// guild when guildId is set (instant, for development), globally otherwise — after a GET, so
// it can say what changed (and skip the PUT when nothing did).
import { REST, Routes, type APIApplicationCommand, type RESTPutAPIApplicationCommandsJSONBody } from 'discord.js';
import { commandDefinitions } from './commands.ts';
import { restBase } from './discord-util.ts';

export interface RegisterOptions {
  applicationId: string;
  token: string;
  guildId?: string;
  apiUrl?: string;
  restRetries?: number;
  commands?: RESTPutAPIApplicationCommandsJSONBody;
}

type Def = RESTPutAPIApplicationCommandsJSONBody[number];
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Registers the commands and returns a report of what changed. */
export async function registerCommands(o: RegisterOptions): Promise<string> {
  const rest = new REST({
    version: '10',
    ...(o.apiUrl ? { api: restBase(o.apiUrl) } : {}),
    ...(o.restRetries !== undefined ? { retries: o.restRetries } : {}),
  }).setToken(o.token);
  const route = o.guildId ? Routes.applicationGuildCommands(o.applicationId, o.guildId) : Routes.applicationCommands(o.applicationId);
  const where = o.guildId ? `in guild ${o.guildId}` : 'globally';
  const wanted = o.commands ?? commandDefinitions;
  const existing = (await rest.get(route)) as APIApplicationCommand[];
  const lines = diffCommands(existing, wanted);
  const changed = lines.some((l) => !l.startsWith('='));
  if (!changed) return [`Discord commands ${where}: nothing changed.`, ...lines].join('\n');
  await rest.put(route, { body: wanted });
  const note = o.guildId ? '' : '\nGlobal commands can take up to an hour to show in every server; use DISCORD_GUILD_ID while developing.';
  return [`Discord commands ${where}: registered ${wanted.length}.`, ...lines].join('\n') + note;
}

/** `+ /docker (new)`, `~ /docker (changed: options)`, `= /docker (unchanged)`, `- /old (removed)`. */
export function diffCommands(existing: readonly APIApplicationCommand[], wanted: RESTPutAPIApplicationCommandsJSONBody): string[] {
  const key = (c: { name: string; type?: number }) => `${c.type ?? 1}:${c.name}`;
  const byKey = new Map(existing.map((c) => [key(c), c]));
  const lines = wanted.map((w) => {
    const e = byKey.get(key(w));
    if (!e) return `+ /${w.name} (new)`;
    const a = canonical(e as unknown as Def);
    const b = canonical(w);
    const diff = Object.keys(b).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
    return diff.length ? `~ /${w.name} (changed: ${diff.join(', ')})` : `= /${w.name} (unchanged)`;
  });
  const wantedKeys = new Set(wanted.map(key));
  for (const e of existing) if (!wantedKeys.has(key(e))) lines.push(`- /${e.name} (removed)`);
  return lines;
}

/** The fields we set, with Discord's defaults filled in, so a GET compares equal to a PUT body. */
function canonical(c: Def): Record<string, Json> {
  const x = c as unknown as Record<string, unknown>;
  return {
    type: (x.type as number | undefined) ?? 1,
    name: c.name,
    description: (x.description as string | undefined) ?? '',
    default_member_permissions: (x.default_member_permissions as string | null | undefined) ?? null,
    contexts: sorted(x.contexts),
    integration_types: sorted(x.integration_types),
    nsfw: Boolean(x.nsfw),
    options: options(x.options),
  };
}

function sorted(v: unknown): Json {
  return Array.isArray(v) ? [...(v as number[])].sort((a, b) => a - b) : null;
}

function options(v: unknown): Json {
  if (!Array.isArray(v) || v.length === 0) return [];
  return v.map((o: Record<string, unknown>) => ({
    type: o.type as number,
    name: o.name as string,
    description: (o.description as string | undefined) ?? '',
    required: Boolean(o.required),
    autocomplete: Boolean(o.autocomplete),
    min_value: (o.min_value as number | undefined) ?? null,
    max_value: (o.max_value as number | undefined) ?? null,
    min_length: (o.min_length as number | undefined) ?? null,
    max_length: (o.max_length as number | undefined) ?? null,
    choices: (o.choices as Json | undefined) ?? null,
    options: options(o.options),
  }));
}
