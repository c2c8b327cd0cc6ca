// Button custom ids (Discord caps them at 100 characters). They carry everything a click
// needs, so any replica (gateway or HTTP) can answer it with no shared state:
//   cc:f:<intent>:<scope>                 a follow-up: answer <intent> in conversation <scope>
//   cc:v:<up|down>:<intent>:<pct>:<scope> a 👍/👎 vote on the answer to <intent>
// <scope> is the conversation key without its `discord:` prefix (`<channel>:<thread or user>`).

export const CUSTOM_ID_MAX = 100;
const PREFIX = 'discord:';

export type ButtonAction =
  | { kind: 'followup'; intent: string; conversation: string }
  | { kind: 'vote'; vote: 'up' | 'down'; intent: string; confidence: number; conversation: string };

/** Returns null when the id would not fit (the caller leaves that button out). */
export function encodeButton(a: ButtonAction): string | null {
  const scope = a.conversation.startsWith(PREFIX) ? a.conversation.slice(PREFIX.length) : a.conversation;
  const id =
    a.kind === 'followup'
      ? `cc:f:${a.intent}:${scope}`
      : `cc:v:${a.vote}:${a.intent}:${Math.round(Math.min(1, Math.max(0, a.confidence)) * 100)}:${scope}`;
  return id.length <= CUSTOM_ID_MAX && !a.intent.includes(':') ? id : null;
}

export function decodeButton(id: string): ButtonAction | null {
  const parts = id.split(':');
  if (parts[0] !== 'cc') return null;
  if (parts[1] === 'f' && parts.length >= 4) {
    const [, , intent = '', ...scope] = parts;
    return intent ? { kind: 'followup', intent, conversation: PREFIX + scope.join(':') } : null;
  }
  if (parts[1] === 'v' && parts.length >= 6) {
    const [, , vote, intent = '', pct = '', ...scope] = parts;
    if ((vote !== 'up' && vote !== 'down') || !intent || !/^\d{1,3}$/.test(pct)) return null;
    return { kind: 'vote', vote, intent, confidence: Number(pct) / 100, conversation: PREFIX + scope.join(':') };
  }
  return null;
}
