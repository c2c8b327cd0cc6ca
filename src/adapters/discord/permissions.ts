// Who may look at the connected host from Discord: the channel (or a thread's parent channel)
// must be in DISCORD_HOST_CHANNELS and the member must have a role in DISCORD_HOST_ROLES.
// `*` in a list allows everything. Empty lists allow nobody: host access is opt-in.
// With several hosts, COACH_HOST_CHANNELS binds hosts to channels (core/host-access.ts): a
// bound host is seen only in its channels (or a thread under one), still only by the roles listed.
import { grantFor, type HostBinding, type HostGrant } from '../../core/host-access.ts';
import type { DiscordContext } from './to-question.ts';

export interface HostAccess {
  channels: readonly string[];
  roles: readonly string[];
  /** Every configured host and the channels bound to it (absent: one host, today's rule). */
  bindings?: readonly HostBinding[];
}

/** The access settings from an adapter's options. */
export function accessOf(o: {
  hostChannels: readonly string[];
  hostRoles: readonly string[];
  hostBindings?: readonly HostBinding[];
}): HostAccess {
  return { channels: o.hostChannels, roles: o.hostRoles, ...(o.hostBindings ? { bindings: o.hostBindings } : {}) };
}

export function hostAllowed(access: HostAccess, ctx: DiscordContext): boolean {
  return hostGrant(access, ctx).hostAllowed;
}

/** Which hosts this member may use here (the Question's hostAllowed and hosts). */
export function hostGrant(access: HostAccess, ctx: DiscordContext): HostGrant {
  const channelOk =
    access.channels.includes('*') || [ctx.channelId, ctx.parentId].some((id) => typeof id === 'string' && access.channels.includes(id));
  // In DMs there is no member and so no role: only `*` lets a DM through.
  const roleOk = access.roles.includes('*') || ctx.roles.some((r) => access.roles.includes(r));
  return grantFor(access.bindings, roleOk, [ctx.channelId, ctx.parentId], channelOk);
}
