// Button custom ids (Discord caps them at 100 characters). They carry everything a click
// needs, so any replica (gateway or HTTP) can answer it with no shared state:
//   cc:f:<intent>:<scope>                        a follow-up: answer <intent> in conversation <scope>
//   cc:w:<up|down>:<answer>:<pct>:<intent>:<scope> a 👍/👎 vote on answer <answer> (to <intent>)
//   cc:v:<up|down>:<intent>:<pct>:<scope>        a vote from before answers had ids (still decoded)
// <scope> is the conversation key without its `discord:` prefix (`<channel>:<thread or user>`);
// a vote leaves it empty when it would not fit (the click's own conversation is used then).
// <answer> is `u` + the answer's UUID in base64url (22 characters), or `r` + a short plain id.

export const CUSTOM_ID_MAX = 100;
const PREFIX = 'discord:';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PLAIN_ID = /^[A-Za-z0-9_-]{1,40}$/;

export type ButtonAction =
  | { kind: 'followup'; intent: string; conversation: string }
  | {
      kind: 'vote';
      vote: 'up' | 'down';
      intent: string;
      confidence: number;
      /** Empty when the id had no room for it: the caller uses the click's conversation. */
      conversation: string;
      answerId?: string;
    };

/** Returns null when the id would not fit (the caller leaves that button out). */
export function encodeButton(a: ButtonAction): string | null {
  if (a.intent.includes(':')) return null;
  const scope = a.conversation.startsWith(PREFIX) ? a.conversation.slice(PREFIX.length) : a.conversation;
  if (a.kind === 'followup') return fits(`cc:f:${a.intent}:${scope}`);
  const pct = Math.round(Math.min(1, Math.max(0, a.confidence)) * 100);
  const answer = a.answerId !== undefined ? packAnswerId(a.answerId) : null;
  if (answer === null) return fits(`cc:v:${a.vote}:${a.intent}:${pct}:${scope}`);
  const head = `cc:w:${a.vote}:${answer}:${pct}:${a.intent}:`;
  return fits(head + scope) ?? fits(head);
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
  if (parts[1] === 'w' && parts.length >= 7) {
    const [, , vote, packed = '', pct = '', intent = '', ...scope] = parts;
    const answerId = unpackAnswerId(packed);
    if ((vote !== 'up' && vote !== 'down') || !intent || !answerId || !/^\d{1,3}$/.test(pct)) return null;
    const conversation = scope.join(':') ? PREFIX + scope.join(':') : '';
    return { kind: 'vote', vote, intent, confidence: Number(pct) / 100, conversation, answerId };
  }
  return null;
}

function fits(id: string): string | null {
  return id.length <= CUSTOM_ID_MAX ? id : null;
}

/** A UUID in 22 characters (so the id leaves room for the intent), or a short plain id as is. */
function packAnswerId(id: string): string | null {
  if (UUID.test(id)) return `u${Buffer.from(id.replace(/-/g, ''), 'hex').toString('base64url')}`;
  return PLAIN_ID.test(id) ? `r${id}` : null;
}

function unpackAnswerId(packed: string): string | null {
  if (packed.startsWith('u') && /^[A-Za-z0-9_-]{22}$/.test(packed.slice(1))) {
    const hex = Buffer.from(packed.slice(1), 'base64url').toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
  return packed.startsWith('r') && PLAIN_ID.test(packed.slice(1)) ? packed.slice(1) : null;
}
