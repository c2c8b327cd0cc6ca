// `coach report`: what the team should teach the bot next. Built from the store's raw numbers
// (core/store.ts ReportData): questions per day, answers per intent with their `none`, low and 👎
// counts, and the unanswered questions grouped by similarity under the intent that came nearest,
// biggest group first — each group is a candidate for a new answer unit.
import type { ReportData } from './store.ts';

export interface LearningReport {
  /** ISO date-time of the window's start. */
  since: string;
  questions: number;
  perDay: { day: string; questions: number }[];
  byIntent: { intent: string; answered: number; none: number; low: number; down: number; noneRate: number; downRate: number }[];
  unanswered: { nearestIntent: string | null; count: number; reasons: Record<'none' | 'low' | 'down', number>; examples: string[] }[];
  /** False when the questions' text is not kept (COACH_STORE_QUESTIONS=false): groups are per intent only. */
  textsKept: boolean;
}

const DAY_MS = 86_400_000;
/** An answer given with less confidence than this counts as "unsure" in the report. */
export const LOW_CONFIDENCE = 0.5;
/** Two questions are alike when this share of their words (minus the commonest) is shared. */
export const SIMILARITY = 0.34;
const MAX_EXAMPLES = 3;
const FILLER = new Set(
  "a an the i im i'm my me we our you your it its is are was be do does did to of in on for and or but with how what why when where can cant can't not no this that there docker please help hi hey".split(
    ' ',
  ),
);

function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9_.:/-]+/)
      .map((w) => w.replace(/^[.:/-]+|[.:/-]+$/g, ''))
      .filter((w) => w.length > 1 && !FILLER.has(w)),
  );
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

interface Group {
  nearestIntent: string | null;
  words: Set<string>;
  count: number;
  reasons: Record<'none' | 'low' | 'down', number>;
  examples: string[];
}

/** Greedy single pass: each question joins the most similar group under the same nearest intent. */
export function groupUnanswered(rows: ReportData['unanswered']): LearningReport['unanswered'] {
  const groups: Group[] = [];
  for (const row of rows) {
    const nearest = row.reason === 'none' ? row.nearestIntent : row.intent;
    const w = words(row.text ?? '');
    let best: Group | undefined;
    let bestScore = 0;
    for (const g of groups) {
      if (g.nearestIntent !== nearest) continue;
      const score = row.text === null ? 1 : jaccard(w, g.words);
      if (score > bestScore) [best, bestScore] = [g, score];
    }
    if (!best || bestScore < SIMILARITY) {
      best = { nearestIntent: nearest, words: w, count: 0, reasons: { none: 0, low: 0, down: 0 }, examples: [] };
      groups.push(best);
    }
    best.count++;
    best.reasons[row.reason]++;
    for (const x of w) best.words.add(x);
    if (row.text !== null && best.examples.length < MAX_EXAMPLES && !best.examples.includes(row.text)) best.examples.push(row.text);
  }
  return groups
    .sort((a, b) => b.count - a.count)
    .map(({ nearestIntent, count, reasons, examples }) => ({ nearestIntent, count, reasons, examples }));
}

const rate = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000);

export function buildReport(data: ReportData, since: number, textsKept: boolean): LearningReport {
  const noneBy = new Map(data.noneByNearest.map((n) => [n.intent, n.none]));
  const intents = new Set([...data.perIntent.map((p) => p.intent), ...noneBy.keys()]);
  intents.delete('none');
  const byIntent = [...intents]
    .map((intent) => {
      const p = data.perIntent.find((x) => x.intent === intent);
      const answered = p?.answered ?? 0;
      const none = noneBy.get(intent) ?? 0;
      const down = p?.down ?? 0;
      return { intent, answered, none, low: p?.low ?? 0, down, noneRate: rate(none, answered + none), downRate: rate(down, answered) };
    })
    .sort((a, b) => b.answered + b.none - (a.answered + a.none) || a.intent.localeCompare(b.intent));
  return {
    since: new Date(since).toISOString(),
    questions: data.questions,
    perDay: data.perDay.map((d) => ({ day: new Date(d.day * DAY_MS).toISOString().slice(0, 10), questions: d.questions })),
    byIntent,
    unanswered: groupUnanswered(data.unanswered),
    textsKept,
  };
}

/** `7d`, `24h`, `2w` → milliseconds; null when it is not such a duration. */
export function parseSince(text: string): number | null {
  const m = /^(\d{1,4})\s*([hdw])$/i.exec(text.trim());
  if (!m) return null;
  const n = Number(m[1]);
  const unit = { h: 3_600_000, d: DAY_MS, w: 7 * DAY_MS }[(m[2] ?? 'd').toLowerCase() as 'h' | 'd' | 'w'];
  return n > 0 ? n * unit : null;
}
