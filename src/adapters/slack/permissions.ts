// Who may look at the connected Docker host from Slack (SLACK_HOST_CHANNELS, SLACK_HOST_USERS:
// comma-separated ids, `*` for all). Both must allow it: a host listing posted in a channel is
// read by everyone in it. A direct message is seen only by the person asking, so there the
// user list alone decides (unless the DM's own id is listed, which also allows it).
// With several hosts, COACH_HOST_CHANNELS binds hosts to channels (core/host-access.ts): a
// bound host is seen only in its channels, still only by the people SLACK_HOST_USERS lists.
import { grantFor, type HostBinding, type HostGrant } from '../../core/host-access.ts';

export interface HostPolicy {
  hostChannels: readonly string[];
  hostUsers: readonly string[];
  /** Every configured host and the channels bound to it (absent: one host, today's rule). */
  hostBindings?: readonly HostBinding[];
}

export interface Where {
  channelId?: string;
  userId?: string;
  /** True for a direct message with the bot (channel type `im`, ids starting with `D`). */
  isDm?: boolean;
}

export function hostAllowed(policy: HostPolicy, where: Where, hostConfigured = true): boolean {
  return hostGrant(policy, where, hostConfigured).hostAllowed;
}

/** Which hosts this person may use here (the Question's hostAllowed and hosts). */
export function hostGrant(policy: HostPolicy, where: Where, hostConfigured = true): HostGrant {
  if (!hostConfigured) return { hostAllowed: false, hosts: [] };
  const user = listed(policy.hostUsers, where.userId);
  const channelOk = listed(policy.hostChannels, where.channelId) || Boolean(where.isDm);
  return grantFor(policy.hostBindings, user, [where.channelId], channelOk);
}

function listed(list: readonly string[], id: string | undefined): boolean {
  if (list.includes('*')) return true;
  return id !== undefined && id !== '' && list.includes(id);
}

export function isDmChannel(channelId: string | undefined, channelType?: string): boolean {
  return channelType === 'im' || channelType === 'directmessage' || (channelId?.startsWith('D') ?? false);
}
