// Recognises pasted Docker error messages by their text (the catalogue in errors/) and fills
// the values they carry into the answer. Bounded: only the first MAX_SCAN characters are read,
// and every catalogue pattern uses bounded quantifiers, so a hostile paste costs little.
import type { ErrorCatalogue, ErrorEntry, ErrorMatch } from '../../core/error-catalogue.ts';

export const MAX_SCAN = 20_000;
const MAX_VALUE = 120;
const PLACEHOLDER = /\{([a-z_]+)(?:\|([^{}\n]*))?\}/g;

/** The errors in a message, most specific first (priority, then position); at most `limit`. */
export function findErrors(message: string, catalogue: ErrorCatalogue, limit = 2): ErrorMatch[] {
  const text = message.length > MAX_SCAN ? message.slice(0, MAX_SCAN) : message;
  const found: ErrorMatch[] = [];
  for (const entry of catalogue.entries) {
    const m = firstHit(entry, text);
    if (m) found.push(m);
  }
  found.sort((a, b) => b.entry.priority - a.entry.priority || a.index - b.index);
  // One line is one error: "pull access denied … denied: requested access" is not also a push error.
  const lines = new Set<number>();
  const kept: ErrorMatch[] = [];
  for (const m of found) {
    const line = lineOf(text, m.index);
    if (lines.has(line)) continue;
    lines.add(line);
    kept.push(m);
    if (kept.length === limit) break;
  }
  return kept;
}

function lineOf(text: string, index: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function firstHit(entry: ErrorEntry, text: string): ErrorMatch | null {
  let best: ErrorMatch | null = null;
  for (const re of entry.signatures) {
    const m = re.exec(text);
    if (!m) continue;
    const values = cleanValues(m.groups);
    // Prefer the signature that captured the most values; then the earliest.
    if (!best || Object.keys(values).length > Object.keys(best.values).length) best = { entry, values, index: m.index };
  }
  return best;
}

function cleanValues(groups: Record<string, string | undefined> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(groups ?? {})) {
    if (v === undefined) continue;
    // A value is shown in code; it must not break out of it or run on.
    const clean = v.replace(/[`\r\n\t]/g, ' ').trim();
    if (clean) out[k] = clean.length > MAX_VALUE ? `${clean.slice(0, MAX_VALUE)}…` : clean;
  }
  return out;
}

/**
 * Fills `{name}` / `{name|fallback}`: a captured value appears as inline code in prose and as
 * it is inside fenced code blocks; an absent one becomes the fallback words (or stays a name in code).
 */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template
    .split(/(```[\s\S]*?```|`[^`\n]*`)/)
    .map((part) => {
      // Inside a code block or inline code the value goes in as it is: it is already code.
      const inCode = part.startsWith('`');
      return part.replace(PLACEHOLDER, (_whole, name: string, fallback: string | undefined) => {
        const v = values[name];
        if (v !== undefined) return inCode ? v : `\`${v}\``;
        return fallback ?? name.toUpperCase();
      });
    })
    .join('');
}
