// Fuzzy name matching for "did you mean": typos, `_` vs `-`, Compose's `project-service-1`
// naming and id prefixes. Scores with Jaro-Winkler and Damerau-Levenshtein from `natural`,
// imported by deep path (the package top level takes a second to load and runs dotenv).
import jaroWinkler from 'natural/lib/natural/distance/jaro-winkler_distance.js';
import levenshtein from 'natural/lib/natural/distance/levenshtein_distance.js';

/** Below this score a name is not offered as a close match. */
export const MIN_SCORE = 0.8;

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
  const base = /^(.+)-(\d+)$/.exec(n)?.[1];
  if (base) {
    out.add(base);
    const dash = base.indexOf('-');
    if (dash > 0) out.add(base.slice(dash + 1));
  }
  return [...out];
}

/** How close `partial` is to `name`, in [0, 1]; 1 for the same name in another spelling. */
export function nameScore(partial: string, name: string): number {
  const p = normalizeName(partial);
  if (p.length === 0) return 0;
  const n = normalizeName(name);
  // An id prefix (`3f2a9c`) or the start of a name: the engine itself accepts unique prefixes.
  if (n.startsWith(p) && (p.length >= 3 || p.length * 2 >= n.length)) return p === n ? 1 : 0.97;
  let best = 0;
  for (const v of nameVariants(name)) {
    if (v === p) return 0.99;
    best = Math.max(best, similarity(p, v));
  }
  return best;
}

function similarity(a: string, b: string): number {
  const jw = jaroWinkler(a, b);
  const edits = levenshtein.DamerauLevenshteinDistance(a, b, { restricted: true });
  const byEdits = 1 - edits / Math.max(a.length, b.length);
  // Jaro-Winkler over-rewards a shared start on short names; edit distance over-punishes
  // one typo in a short name. One or two edits in a name of 4+ characters is a typo.
  const typo = edits <= (Math.max(a.length, b.length) >= 8 ? 2 : 1) && Math.min(a.length, b.length) >= 3;
  return Math.max(typo ? 0.9 - 0.02 * edits : 0, (jw + byEdits) / 2);
}

/**
 * The names closest to `partial`, best first, at most `limit`, only those at least
 * MIN_SCORE close. An empty `partial` gives the first `limit` names in order (autocomplete).
 */
export function rankNames(partial: string, names: string[], limit: number): string[] {
  const unique = [...new Set(names)];
  if (limit <= 0) return [];
  if (normalizeName(partial).length === 0) return unique.slice(0, limit);
  return unique
    .map((name) => ({ name, score: nameScore(partial, name) }))
    .filter((s) => s.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || a.name.length - b.name.length || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((s) => s.name);
}
