// Reading pasted CLI tables (`docker ps`, `docker compose ps`, `docker images`) tolerantly:
// cells are separated by two or more spaces (or tabs), a header may be missing, columns may be
// truncated with `…`, and an empty PORTS cell simply leaves a row one cell shorter.

/** Most lines of a paste we read; the rest is cut and said so. */
export const MAX_LINES = 500;

export function cells(line: string): string[] {
  return line
    .trim()
    .split(/\t+| {2,}/)
    .map((c) => c.trim())
    .filter(Boolean);
}

export function pasteLines(text: string): { lines: string[]; truncated: boolean } {
  const all = text.split('\n', MAX_LINES + 1);
  return { lines: all.slice(0, MAX_LINES).map((l) => l.replace(/\r$/, '')), truncated: all.length > MAX_LINES };
}

const UNITS: Record<string, number> = { second: 1, minute: 60, hour: 3600, day: 86_400, week: 604_800, month: 2_592_000, year: 31_536_000 };

/** `5 minutes ago`, `About an hour ago`, `Less than a second ago` → seconds before now (null when unreadable). */
export function agoSeconds(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^less than a second/.test(t)) return 0;
  const m = /^(?:about )?(an?|\d{1,4}) (second|minute|hour|day|week|month|year)s?(?: ago)?\b/.exec(t);
  if (!m) return null;
  const n = m[1] === 'a' || m[1] === 'an' ? 1 : Number(m[1]);
  return n * (UNITS[m[2] ?? ''] ?? 0);
}

/** `1.2GB`, `980MB`, `5.6kB` → bytes. */
export function sizeBytes(text: string): number {
  const m = /^(\d{1,9}(?:\.\d{1,3})?)\s?([kKMGT]?)B$/.exec(text.trim());
  if (!m) return 0;
  const mult = { '': 1, k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12 }[m[2] ?? ''] ?? 1;
  return Math.round(Number(m[1]) * mult);
}
