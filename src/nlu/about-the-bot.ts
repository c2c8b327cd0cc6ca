// The help topic (action `help` in its intent file) is about the bot itself: its commands, what it
// can look at, how to ask it. "Is there a way to see what command a container was started with?"
// and "list of docker commands for beginners" share its words ("command", "list") but ask about
// Docker. A message that names Docker's objects and does not address the bot is not about the bot:
// the next topic the classifier ranked answers it.
import type { Classification, KnowledgeBase } from '../core/ports.ts';

/** Words that address the bot, or ask for help with it. */
const ADDRESSES_BOT =
  /\b(?:you|u|ur|your|yours|yourself|bot|coach|container-coach|assistant|help|usage)\b|(?:^|\s)\/[a-z]|\bthis (?:thing|tool|chat)\b/i;
/** Docker and its objects. */
const NAMES_DOCKER = /\b(?:docker|containers?|images?|volumes?|dockerfiles?|compose|networks?)\b/i;
/** The next topic answers only when the classifier gave it at least this much. */
const NEXT_TOPIC_MIN = 0.1;

/** Whether a message names Docker's objects without addressing the bot. */
export function aboutDockerNotTheBot(text: string): boolean {
  return NAMES_DOCKER.test(text) && !ADDRESSES_BOT.test(text);
}

/**
 * The classification with the help topic set aside, at the top and among the alternatives (so that
 * picking a unit cannot bring it back), for a message about Docker rather than the bot; unchanged
 * when no other topic got at least NEXT_TOPIC_MIN.
 */
export function asideFromHelp(kb: KnowledgeBase, c: Classification, text: string): Classification {
  const isHelp = (intent: string) => kb.get(intent)?.action === 'help';
  if (!(isHelp(c.intent) || c.alternatives.some((a) => isHelp(a.intent))) || !aboutDockerNotTheBot(text)) return c;
  const ranked = [{ intent: c.intent, confidence: c.confidence }, ...c.alternatives].filter((s) => !isHelp(s.intent));
  if (!isHelp(c.intent)) return { ...c, alternatives: ranked.slice(1) };
  const [next, ...rest] = ranked;
  if (!next || next.confidence < NEXT_TOPIC_MIN) return c;
  return { intent: next.intent, confidence: next.confidence, alternatives: rest };
}
