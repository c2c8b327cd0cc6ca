// Which answer unit a turn of a conversation gets, when the conversation and not the classifier
// alone decides: a follow-up kept on the last topic, the next unit after the one just shown, and
// how well a topic's units fit a text (the turn rules ask it before moving to another topic).
import type { Classification, Intent, Nlu, Unit } from './ports.ts';
import type { Turn } from './conversation.ts';

/**
 * A follow-up whose best answer was just shown gets the next-best unit only when that is at least
 * this likely; below it, any unit would be a guess, and a line saying it was covered is better.
 */
const NEXT_UNIT_MIN = 0.15;

/** A follow-up kept on the previous topic: the unit it asks for, read alone, else with the previous question. */
export function unitForFollowup(nlu: Nlu, c: Classification, text: string, previous: Turn): Classification {
  if (!nlu.pickUnit) return c;
  const own = nlu.pickUnit(c.intent, text).unit ?? nlu.pickUnit(c.intent, `${previous.text} ${text}`).unit;
  return own !== undefined ? { ...c, unit: own } : c;
}

/** The probability of the best unit (not the article) under `intent` for `text`. */
export function bestUnitFit(nlu: Nlu, intent: string, text: string): number {
  const ranked = nlu.pickUnit?.(intent, text).ranked ?? [];
  return Math.max(0, ...ranked.filter((r) => r.unit !== undefined).map((r) => r.confidence));
}

/** The best unit under `intent` for `text` other than the one just shown. */
export function nextUnit(nlu: Nlu, intent: Intent, text: string, shown: string | undefined): Unit | undefined {
  const ranked = nlu.pickUnit?.(intent.id, text).ranked ?? [];
  const next = ranked.find((r) => r.unit !== undefined && r.unit !== shown && r.confidence >= NEXT_UNIT_MIN);
  return next ? intent.units?.find((u) => u.id === next.unit) : undefined;
}
