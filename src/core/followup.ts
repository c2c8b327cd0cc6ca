// Reading a short follow-up in the light of the previous turn. Two moves:
//  - an elliptical question ("and the stopped ones?", "how do I do that with compose") is read
//    together with the previous question;
//  - a follow-up that swaps the object ("what about images?" after a `docker ps` answer) moves to
//    the sibling intent about the other object: the intent file's `swap` names it.
import type { Entities } from './types.ts';
import type { Intent } from './ports.ts';

const ELLIPTICAL = /^(and|or|but|ok(ay)?|so|now|also|same|what about|how about|what if|then|too)\b/i;
/** "thanks! and the stopped ones?": an acknowledgement of the last answer before the follow-up. */
const ACKNOWLEDGED =
  /^(?:(?:ok(?:ay)?|cool|great|nice|perfect|got it)[\s,!.]+)?(?:thanks|thank you|thx|ty|cheers|cool|great|nice|perfect|got it)\b[\s,!.:;-]*/i;
const MAX_WORDS = 12;
/** A message that only acknowledges the last answer: "ok", "thanks!", "got it, cheers". */
const ACK_ONLY =
  /^(?:(?:ok(?:ay)?|k|kk|cool|great|nice|perfect|awesome|alright|right|sure|got it|gotcha|understood|i see|makes sense|that makes sense|thanks|thank you|thx|ty|cheers|will do|noted)[\s,!.:;)]*){1,4}$/i;

export function isShortFollowup(text: string): boolean {
  return text.trim().split(/\s+/).length <= MAX_WORDS;
}

/** Only an acknowledgement: it gets a short one back, never the last answer again. */
export function isAcknowledgement(text: string): boolean {
  const t = text.trim();
  return t.length <= 60 && ACK_ONLY.test(t);
}

export function looksElliptical(text: string): boolean {
  return ELLIPTICAL.test(text.trim().replace(ACKNOWLEDGED, ''));
}

const REFERS_BACK = /\b(that|it|this|those|these|them|ones?|same|there)\b/i;

/** Elliptical, or pointing back at the previous turn ("how do I do that with compose"). */
export function leansOnContext(text: string): boolean {
  return looksElliptical(text) || REFERS_BACK.test(text);
}

/** The sibling intent when `text` turns from containers to images (or back), else undefined. */
export function swappedIntent(previous: Pick<Intent, 'swap'> | undefined, text: string): string | undefined {
  const images = /\bimages?\b/i.test(text);
  const containers = /\bcontainers?\b/i.test(text);
  if (images === containers) return undefined;
  return previous?.swap?.[images ? 'images' : 'containers'];
}

/** The text names a container, image, port or exit code the previous turn did not. */
export function namesNewSpecifics(now: Entities, before: Entities): boolean {
  const known = new Set([...before.names, ...before.images, ...before.ports.map((p) => p.raw), ...before.exitCodes.map(String)]);
  return [...now.names, ...now.images, ...now.ports.map((p) => p.raw), ...now.exitCodes.map(String)].some((x) => !known.has(x));
}
