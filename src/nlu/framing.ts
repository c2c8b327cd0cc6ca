// The social framing around a question: "Hi all," and "quick question:" in front, "thanks in
// advance!" and "cheers, Tom" behind. People wrap real questions in it, and the classifier, which
// also has to recognise a plain "hi" or "thanks" (meta.greeting, meta.thanks), read a short
// wrapped question as a greeting: the development set's questions written as "Hello, <question>
// Any help appreciated, thanks!" scored 0.22 instead of 0.96 (0.67 with classifyQuestion below).
// A request put to the bot ("can you explain containers to me") is read the same way: by what it asks
// for, not as a question about the bot.
// Every pattern is anchored at one end of the text and has bounded repetition, so a hostile input
// cannot make it backtrack.
import type { Classification, Classifier } from '../core/ports.ts';
import { NONE } from './classifier.ts';
import { explainCommand } from './explain.ts';

/** A peel is kept only if at least this many words remain: "hey, thanks a lot!" stays whole. */
const MIN_WORDS = 3;
/** Framing is peeled in rounds ("Hi all! Quick question: …"); a few are enough. */
const MAX_ROUNDS = 3;

const GREETING = String.raw`(?:hi+|hello+|hey+|hiya|heya|howdy|yo|greetings|hallo|hola|good\s+(?:morning|afternoon|evening|day)|morning|evening)`;
const AUDIENCE = String.raw`(?:\s+(?:all|everyone|everybody|team|folks|guys|gang|people|there|y'?all|friends|devs|coach|bot|container[- ]coach|docker\s+(?:people|folks|experts|gurus|friends)|@\S{1,40})){0,3}`;
const STOP = String.raw`[\s,.!:;\-–—)]*`;

const LEADING: readonly RegExp[] = [
  // "Hi all 👋", "hey @maria,", "Morning folks!"
  new RegExp(String.raw`^[^a-z0-9@]{0,8}${GREETING}(?=[\s,.!:;]|$)${AUDIENCE}${STOP}`, 'i'),
  // "@maria quick q:", a person mentioned first
  /^@\S{1,40}[\s,:]+/,
  // A lead-in that ends at punctuation other than "?": "Quick question:", "Newbie here.",
  // "Sorry if this was asked before," (an apology stops at "but", where the question starts).
  /^(?:(?:a\s+)?quick\s+(?:question|q|one)|question|q|noob\s+question|newbie\s+here|new\s+to\s+docker(?:\s+here)?|(?:i\s+am|i'?m)\s+new\s+to\s+docker|hoping\s+someone\s+can\s+help|hope\s+someone\s+can\s+help|need\s+(?:some\s+)?help|help\s+(?:please|needed)|sorry\s+(?:for|if)\s(?:(?!but\b)[^.,!?:\n]){0,60}|not\s+sure\s+(?:if\s+)?this\s+is\s+the\s+right\s+(?:channel|place)[^.,!?:\n]{0,30}|hope\s+(?:you(?:'re|\s+are)|everyone\s+is|all\s+is)\s[^.,!?:\n]{0,30})\s*[,.!:;\-–—]+\s*/i,
  // Thanks before the question: for the last answer ("ok thanks, and stopped ones?") or in advance.
  /^(?:(?:ok(?:ay)?|cool|great|nice|awesome|perfect)[\s,!.]+)?(?:thanks|thank\s+you|thx|ty)(?:\s+(?:a\s+lot|so\s+much|in\s+advance))?\s*[,.!:;\-–—]+\s*/i,
  // Small talk before the question: "how's it going?", "what's up!"
  /^(?:how(?:'?s|\s+is)\s+it\s+going|how\s+are\s+(?:you|things|ya)(?:\s+(?:all|doing))?|what'?s\s+up)\s*[,.!?:;\-–—]+\s*/i,
];

const THANKS = String.raw`(?:(?:many|big|huge)\s+)?(?:thanks?|thank\s+you|thx|tia|ty|cheers)(?:\s+(?:a\s+lot|so\s+much|very\s+much|in\s+advance|all|guys|everyone|again))*(?:\s+for\s+(?:any|your|the|reading|looking)\b[^.!?\n]{0,40})?`;
const APPRECIATION = String.raw`(?:(?:any\s+)?(?:help|pointers|advice|ideas|input|tips)\s+(?:is\s+|are\s+|would\s+be\s+)?(?:much\s+|greatly\s+|really\s+|very\s+)?(?:appreciated|welcome)|(?:i\s+)?(?:would\s+|really\s+)?appreciate\s+(?:any|the|your|some)\s+(?:help|pointers|advice|input)|much\s+(?:appreciated|obliged)|please\s+help(?:\s+me)?)`;
const SIGN_OFF = String.raw`(?:(?:kind\s+|best\s+)?regards|best|cheers|thanks|thx),\s*[a-z][a-z.]{0,20}`;

const TRAILING: readonly RegExp[] = [
  // "Thanks in advance!", "TIA 🙏", "any help appreciated", "please help"
  new RegExp(String.raw`(?:^|[\s,.!?;:\-–—(])(?:${THANKS}|${APPRECIATION})[\s.!?:;)(\-–—]*[^a-z0-9]{0,8}$`, 'i'),
  // "…? Cheers, Tom": a sign-off with a name, after the end of a sentence or line.
  new RegExp(String.raw`(?<=^|[.!?\n])\s*${SIGN_OFF}[\s.!]*$`, 'i'),
];

const SEPARATORS = new Set([' ', '\t', '\n', '\r', ',', ';', ':', '-', '–', '—']);

/** Separators left at either end by a peel ("…code 137," → "…code 137"); a loop, not a regex, so it stays linear. */
function trimSeparators(s: string): string {
  let from = 0;
  let to = s.length;
  while (from < to && SEPARATORS.has(s[from] as string)) from++;
  while (to > from && SEPARATORS.has(s[to - 1] as string)) to--;
  return s.slice(from, to);
}

const wordCount = (s: string) => (s.match(/[a-z0-9]+/gi) ?? []).length;

/** The question without the greetings, lead-ins, thanks and sign-offs around it. */
export function withoutFraming(text: string): string {
  let t = text;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const before = t;
    for (const pattern of [...LEADING, ...TRAILING]) t = t.replace(pattern, '');
    if (t === before) break;
  }
  if (t === text) return text;
  t = trimSeparators(t);
  return wordCount(t) >= MIN_WORDS ? t : text;
}

/** Intents that are themselves social: a greeting or thanks. */
const SOCIAL = new Set(['meta.greeting', 'meta.thanks']);

/** Whether an intent is itself social (greeting, thanks): its framing is its content. */
export const isSocial = (intent: string): boolean => SOCIAL.has(intent);
/** What is left asks something: a question mark, or it opens like a question or a request. */
const ASKS = /\?|^\W*(?:how|what|why|where|when|which|who|is|are|can|could|should|would|will|do|does|did|list|show|explain|tell)\b/i;

const HELP = 'meta.help';
/** "Can you explain …", "could you please tell me about …": a request put to the bot, then what it asks for. */
const REQUEST =
  /^\W*(?:can|could|would|will)\s+you\s+(?:please\s+)?(?=(?:explain|describe|teach|tell\s+me\s+about|help\s+me\s+understand|give\s+me|walk\s+me\s+through|show\s+me\s+how|summari[sz]e|break\s+down)\b)/i;

/**
 * "Can you explain containers to me" reads as a question about the bot (meta.help: "can you …",
 * "… me") though it asks about containers. When what follows "can you" is a request to explain a
 * topic and that topic has an answer of its own (not meta, not none), that answer is given.
 */
function askedOfTheBot(classifier: Classifier, text: string, whole: Classification): Classification {
  const lead = REQUEST.exec(text);
  if (!lead) return whole;
  const read = classifier.classify(text.slice(lead[0].length));
  return read.intent.startsWith('meta.') || read.intent === NONE ? whole : read;
}

/**
 * A message the classifier reads as a greeting or thanks may be a question wrapped in them:
 * "Hello, how do I delete an image? Thanks!" When what is left without the framing
 * asks something, that reading answers, unless it is another social one. A greeting with small talk
 * or thanks that names the topic it was for ("Perfect, the restart policy was exactly what I
 * needed. Thank you!") stays social. Any other reading is kept as it is.
 */
export function classifyQuestion(classifier: Classifier, text: string): Classification {
  const whole = classifier.classify(text);
  if (whole.intent === HELP) return askedOfTheBot(classifier, text, whole);
  if (!isSocial(whole.intent)) return whole;
  const named = namesReadAsWords(classifier, text);
  if (named) return named;
  const question = withoutFraming(text);
  if (question === text || !ASKS.test(question)) return whole;
  // A question we cannot place is answered as one ("not sure I can help"), not with "you're welcome".
  const read = classifier.classify(question);
  return read.intent.startsWith('meta.') ? whole : read;
}

/** A hyphenated name such as an image or container (`hello-world`, `thank-you-api`). */
const HYPHENATED = /(?<![\w-])[a-z0-9][\w.]{0,60}(?:-[\w.]{1,60}){1,8}(?![\w-])/gi;

/**
 * "sudo docker run hello-world works but without sudo it doesn't" read as a greeting: the "hello"
 * was an image's name. With a docker command in it (one the explainer knows), a message read as
 * social is read again without its hyphenated names, and that reading answers when it is a topic.
 */
function namesReadAsWords(classifier: Classifier, text: string): Classification | undefined {
  const bare = text.replace(HYPHENATED, ' ');
  if (bare === text || explainCommand(text) === null) return undefined;
  const read = classifier.classify(bare);
  return isSocial(read.intent) || read.intent === NONE ? undefined : read;
}
