// Reading a short follow-up in the light of the previous turn. Two moves:
//  - an elliptical question ("and the stopped ones?", "how do I do that with compose") is read
//    together with the previous question;
//  - a follow-up that swaps the object ("what about images?" after a `docker ps` answer) moves to
//    the sibling intent about the other object, because images and containers come in pairs.

/** Intents that come in an image/container pair. */
const PAIRS: [image: string, container: string][] = [
  ['command.images', 'command.ps'],
  ['command.rmi', 'command.stop_rm'],
  ['concept.image', 'concept.container'],
  ['host.list_images', 'host.list_containers'],
];

const ELLIPTICAL = /^(and|or|but|ok(ay)?|so|now|also|same|what about|how about|what if|then|too)\b/i;
/** "thanks! and the stopped ones?": an acknowledgement of the last answer before the follow-up. */
const ACKNOWLEDGED =
  /^(?:(?:ok(?:ay)?|cool|great|nice|perfect|got it)[\s,!.]+)?(?:thanks|thank you|thx|ty|cheers|cool|great|nice|perfect|got it)\b[\s,!.:;-]*/i;
const MAX_WORDS = 12;

export function isShortFollowup(text: string): boolean {
  return text.trim().split(/\s+/).length <= MAX_WORDS;
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
export function swappedIntent(previous: string, text: string): string | undefined {
  const images = /\bimages?\b/i.test(text);
  const containers = /\bcontainers?\b/i.test(text);
  if (images === containers) return undefined;
  for (const [img, ctr] of PAIRS) {
    if (previous === ctr && images) return img;
    if (previous === img && containers) return ctr;
  }
  return undefined;
}
