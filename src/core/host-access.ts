// Which hosts a chat channel may see (COACH_HOST_CHANNELS), shared by the Slack and Discord
// adapters so both read the bindings the same way: a host bound to channels is seen only in
// those channels (`*`: everywhere); a host with no binding is seen where the platform's own
// channel list (SLACK_HOST_CHANNELS / DISCORD_HOST_CHANNELS) allows host access. The person
// checks (SLACK_HOST_USERS, DISCORD_HOST_ROLES) stay the adapter's, and apply to every host.

export interface HostBinding {
  name: string;
  /** Channel ids bound to this host; null when the host has no binding. */
  channels: readonly string[] | null;
}

/** What an adapter tells the core: may this question use a host, and which ones. */
export interface HostGrant {
  hostAllowed: boolean;
  hosts?: readonly string[];
}

/**
 * The names of the hosts visible from a channel. `channelIds`: the channel and, for a thread,
 * its parent; `platformChannelOk`: the platform's own channel rule allows host access here.
 */
export function hostsForChannel(
  bindings: readonly HostBinding[],
  channelIds: readonly (string | null | undefined)[],
  platformChannelOk: boolean,
): string[] {
  const ids = channelIds.filter((id): id is string => typeof id === 'string' && id !== '');
  return bindings
    .filter((b) => (b.channels === null ? platformChannelOk : b.channels.includes('*') || ids.some((id) => b.channels?.includes(id))))
    .map((b) => b.name);
}

/** The grant for a person who passed the platform's person check (or not: `personOk`). */
export function grantFor(
  bindings: readonly HostBinding[] | undefined,
  personOk: boolean,
  channelIds: readonly (string | null | undefined)[],
  platformChannelOk: boolean,
): HostGrant {
  if (!personOk) return { hostAllowed: false, hosts: [] };
  // No bindings given (older callers): the platform's channel rule alone, every host.
  if (!bindings) return { hostAllowed: platformChannelOk };
  const hosts = hostsForChannel(bindings, channelIds, platformChannelOk);
  return { hostAllowed: hosts.length > 0, hosts };
}
