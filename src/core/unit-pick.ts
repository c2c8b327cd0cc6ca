// The direct answer to a question: the intent's unit whose phrasings are nearest to the words
// asked, shown before anything the host adds. Used when the NLU has no unit picker (the bot passes
// the classifier's as ActionContext.pickUnit): plain word overlap, numbers (exit codes, ports)
// weighing double, so "exited with 139" finds the 139 unit and not the 137 one.
import type { Intent, Unit } from './ports.ts';

/** Below this overlap the article (the whole topic) answers better than any one unit. */
export const MIN_UNIT_SCORE = 0.3;

const STOP = new Set(
  'a an the and or but to of in on at for with is are was were be it its my our your i me we you this that what how why does do did can could should would when which there here so just not no yes now docker container containers'.split(
    ' ',
  ),
);

export function words(text: string): string[] {
  return (text.toLowerCase().match(/(?:--?)?[a-z0-9][a-z0-9.+_-]*/g) ?? []).map((w) => w.replace(/[.]+$/, '')).filter((w) => !STOP.has(w));
}

/** Numbers (137, 3000) and flags (`--rm`, `-p`) say more about the question than other words. */
function weight(w: string): number {
  return /^\d+$/.test(w) || w.startsWith('-') ? 2 : 1;
}

/** How much of `example` the asked words cover, weighted, in [0, 1]. */
export function overlap(asked: ReadonlySet<string>, example: string): number {
  const ws = [...new Set(words(example))];
  if (ws.length === 0) return 0;
  const total = ws.reduce((n, w) => n + weight(w), 0);
  const hit = ws.filter((w) => asked.has(w)).reduce((n, w) => n + weight(w), 0);
  return hit / total;
}

export function pickUnitByWords(intent: Intent, text: string): Unit | null {
  const asked = new Set(words(text));
  const numbers = [...asked].filter((w) => /^\d+$/.test(w));
  let best: { unit: Unit; score: number } | null = null;
  for (const unit of intent.units ?? []) {
    let score = Math.max(...[unit.question, ...unit.examples].map((e) => overlap(asked, e)));
    // A number asked about (137) that the unit's own answer never mentions is another unit's.
    const own = `${unit.answer} ${unit.command ?? ''} ${unit.question}`;
    if (numbers.some((n) => !own.includes(n) && /^\d{3}$/.test(n))) score /= 2;
    if (!best || score > best.score) best = { unit, score };
  }
  return best && best.score >= MIN_UNIT_SCORE ? best.unit : null;
}
