// "Share in channel" posts an answer for everyone in the conversation to read. An answer with
// host data (container names, states, findings) may only go where host access is allowed for
// every reader: a channel listed in SLACK_HOST_CHANNELS. A direct message is private to the
// asker only when it is the asker's DM with the bot; `/docker` also works in a DM between two
// people or a group DM, where sharing would show host data to people who were never allowed it.
// `*` means "every channel", not every private conversation: those need their id listed.
import type { Answer } from '../../core/types.ts';
import type { HostPolicy } from './permissions.ts';

export interface Conversation {
  channelId?: string;
  /** Slack's channel name as slash commands and clicks carry it (`directmessage`, `privategroup`, `mpdm-…`). */
  channelName?: string;
}

export function mayShare(answer: Pick<Answer, 'hostUsed'>, where: Conversation, policy: HostPolicy): boolean {
  if (!answer.hostUsed) return true;
  const id = where.channelId;
  if (!id) return false;
  if (policy.hostChannels.includes(id)) return true;
  // A channel bound to a host (COACH_HOST_CHANNELS) is set up for host details too.
  if (policy.hostBindings?.some((b) => b.channels?.includes(id))) return true;
  return policy.hostChannels.includes('*') && !isPrivateConversation(where);
}

/** DMs (`D…`, `directmessage`) and group DMs (`mpdm-…`, `privategroup`). */
export function isPrivateConversation(where: Conversation): boolean {
  const name = where.channelName ?? '';
  return (where.channelId?.startsWith('D') ?? false) || name === 'directmessage' || name === 'privategroup' || name.startsWith('mpdm-');
}

export const SHARE_REFUSED =
  'This answer shows details from the Docker host, and those are only shared in channels set up for them ' +
  '(SLACK_HOST_CHANNELS), so not everyone here may see them. It stays visible to you only.';
