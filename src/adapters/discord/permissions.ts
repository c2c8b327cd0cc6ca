// Who may look at the connected host from Discord: the channel (or a thread's parent channel)
// must be in DISCORD_HOST_CHANNELS and the member must have a role in DISCORD_HOST_ROLES.
// `*` in a list allows everything. Empty lists allow nobody: host access is opt-in.
import type { DiscordContext } from './to-question.ts';

export interface HostAccess {
  channels: readonly string[];
  roles: readonly string[];
}

export function hostAllowed(access: HostAccess, ctx: DiscordContext): boolean {
  const channelOk =
    access.channels.includes('*') || [ctx.channelId, ctx.parentId].some((id) => typeof id === 'string' && access.channels.includes(id));
  // In DMs there is no member and so no role: only `*` lets a DM through.
  const roleOk = access.roles.includes('*') || ctx.roles.some((r) => access.roles.includes(r));
  return channelOk && roleOk;
}
