// Fuzzy name matching for "did you mean": typos, `_` vs `-`, Compose's `project-service-1`
// naming and id prefixes. Scores with Jaro-Winkler and a restricted Damerau-Levenshtein
// (edit-distance.ts). The work is bounded whatever is asked and whatever the host holds: a
// name longer than any real one is not compared at all, edit distances are banded (at most
// MAX_EDITS), only names of a near length are compared, at most MAX_COMPARED names per
// question, and all of it within a budget of CELL_BUDGET cells.
import { jaroWinkler, newWork, osaDistance, type FuzzyWork } from './edit-distance.ts';

export type { FuzzyWork } from './edit-distance.ts';

/** Below this score a name is not offered as a close match. */
export const MIN_SCORE = 0.8;
/** Longer than any container name people use: not compared (and refused earlier, as an invalid name). */
export const MAX_FUZZY_CHARS = 128;
/** More edits than this is not a typo of the name. */
export const MAX_EDITS = 8;
/** Names compared per question, the nearest in length first. */
export const MAX_COMPARED = 2000;
/** DP cells and character comparisons per question: a few milliseconds of work at most. */
export const CELL_BUDGET = 100_000;

/** Lower case, no leading `/` (the engine's container names), `_` and `.` read as `-`. */
export function normalizeName(name: string): string {
  return name.trim().replace(/^\/+/, '').toLowerCase().replace(/[_.]/g, '-');
}

/**
 * The forms a container name is known by: `proj-web-1` is also `proj-web` and `web` (Compose
 * v2 names `project-service-N`; v1 used `project_service_N`, normalized to the same thing).
 */
export function nameVariants(name: string): string[] {
  const n = normalizeName(name);
  const out = new Set([n]);
  const m = /^(.+)-(\d+)$/.exec(n);
  const base = m?.[1];
  if (base) {
    out.add(base);
    const dash = base.indexOf('-');
    if (dash > 0) out.add(base.slice(dash + 1));
  }
  return [...out];
}

/** Is `partial` this name in another spelling (`_` for `-`, Compose's service name)? No distance work. */
export function sameName(partial: string, name: string): boolean {
  const p = normalizeName(partial);
  return p.length > 0 && nameVariants(name).includes(p);
}

/** How close `partial` is to `name`, in [0, 1]; 1 for the same name in another spelling. */
export function nameScore(partial: string, name: string, work: FuzzyWork = newWork()): number {
  const p = normalizeName(partial);
  if (p.length === 0 || p.length > MAX_FUZZY_CHARS) return 0;
  const n = normalizeName(name);
  // An id prefix (`3f2a9c`) or the start of a name: the engine itself accepts unique prefixes.
  if (n.startsWith(p) && (p.length >= 3 || p.length * 2 >= n.length)) return p === n ? 1 : 0.97;
  let best = 0;
  for (const v of nameVariants(name)) {
    if (v === p) return 0.99;
    best = Math.max(best, similarity(p, v, work));
  }
  return best;
}

function similarity(a: string, b: string, work: FuzzyWork): number {
  const longest = Math.max(a.length, b.length);
  // Past 0.4 × the length in edits, the score below cannot reach MIN_SCORE: stop there.
  const maxEdits = Math.min(MAX_EDITS, Math.floor(0.4 * longest));
  const edits = osaDistance(a, b, maxEdits, work);
  if (edits > maxEdits) return 0;
  const jw = jaroWinkler(a, b, work);
  const byEdits = 1 - edits / longest;
  // Jaro-Winkler over-rewards a shared start on short names; edit distance over-punishes
  // one typo in a short name. One or two edits in a name of 4+ characters is a typo.
  const typo = edits <= (Math.max(a.length, b.length) >= 8 ? 2 : 1) && Math.min(a.length, b.length) >= 3;
  return Math.max(typo ? 0.9 - 0.02 * edits : 0, (jw + byEdits) / 2);
}

/**
 * The names closest to `partial`, best first, at most `limit`, only those at least
 * MIN_SCORE close. An empty `partial` gives the first `limit` names in order (autocomplete).
 */
export function rankNames(partial: string, names: string[], limit: number, work: FuzzyWork = newWork()): string[] {
  const unique = [...new Set(names)];
  if (limit <= 0) return [];
  const p = normalizeName(partial);
  if (p.length === 0) return unique.slice(0, limit);
  if (p.length > MAX_FUZZY_CHARS) return [];
  // The nearest in length first: when the budget runs out, what is left is the least likely.
  const candidates = unique
    .map((name) => ({ name, gap: Math.abs(normalizeName(name).length - p.length) }))
    .sort((a, b) => a.gap - b.gap)
    .slice(0, MAX_COMPARED);
  const scored: Array<{ name: string; score: number }> = [];
  for (const { name } of candidates) {
    if (work.cells >= CELL_BUDGET) break;
    work.compared++;
    scored.push({ name, score: nameScore(partial, name, work) });
  }
  return scored
    .filter((s) => s.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || a.name.length - b.name.length || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((s) => s.name);
}
