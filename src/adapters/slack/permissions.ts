// Who may look at the connected Docker host from Slack (SLACK_HOST_CHANNELS, SLACK_HOST_USERS:
// comma-separated ids, `*` for all). Both must allow it: a host listing posted in a channel is
// read by everyone in it. A direct message is seen only by the person asking, so there the
// user list alone decides (unless the DM's own id is listed, which also allows it).
export interface HostPolicy {
  hostChannels: readonly string[];
  hostUsers: readonly string[];
}

export interface Where {
  channelId?: string;
  userId?: string;
  /** True for a direct message with the bot (channel type `im`, ids starting with `D`). */
  isDm?: boolean;
}

export function hostAllowed(policy: HostPolicy, where: Where, hostConfigured = true): boolean {
  if (!hostConfigured) return false;
  const user = listed(policy.hostUsers, where.userId);
  if (!user) return false;
  return listed(policy.hostChannels, where.channelId) || Boolean(where.isDm);
}

function listed(list: readonly string[], id: string | undefined): boolean {
  if (list.includes('*')) return true;
  return id !== undefined && id !== '' && list.includes(id);
}

export function isDmChannel(channelId: string | undefined, channelType?: string): boolean {
  return channelType === 'im' || channelType === 'directmessage' || (channelId?.startsWith('D') ?? false);
}
