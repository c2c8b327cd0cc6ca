// "What does -d do?", "the tutorial uses docker run -d everywhere, what's that flag doing": a question
// about one flag. The unit whose own question names that flag ("What does -d do in docker run?")
// answers it, whatever the unit model's words lean to (it gave the -it unit: "run", "tutorial").
// Only when one unit of the intent is about that flag; the units' questions are the data.
import type { Intent } from '../core/ports.ts';

/** The question is about a flag: it says "flag" / "option", or asks what a flag is or does ("what does docker run --rm do?"). */
const ASKS_FLAG =
  /\b(?:flags?|options?|switch(?:es)?)\b|\bwhat(?:'s|\s+is|\s+are|\s+does|\s+do)\s+(?:the\s+)?--?[a-z]|\bwhat\s+(?:does|do)\b[^?\n]{0,40}\s--?[a-z][a-z-]{0,30}\s+(?:do|does|mean|means|stand for)\b/i;
/** The flag right after "what does" / "what is": the one asked about, when there are several. */
const ASKED = /\bwhat(?:'s|\s+is|\s+are|\s+does|\s+do)\s+(?:the\s+)?`?(--?[a-z][a-z-]{0,30})/i;
const FLAG = /(?:^|[\s`("'])(--?[a-z][a-z-]{0,30})(?=[\s`,.?!):="']|$)/gi;

/** The flags written in `text`, a bundle of short ones also as its letters (`-it`: -it, -i, -t). */
export function flagsIn(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(FLAG)) {
    const f = (m[1] ?? '').toLowerCase();
    found.add(f);
    if (/^-[a-z]{2,4}$/.test(f)) for (const letter of f.slice(1)) found.add(`-${letter}`);
  }
  return [...found];
}

/** The id of the one unit of `intent` whose question names the flag asked about; undefined when none or several. */
export function unitForAskedFlag(intent: Intent, text: string): string | undefined {
  if (!ASKS_FLAG.test(text)) return undefined;
  const units = (intent.units ?? []).map((u) => ({ id: u.id, flags: flagsIn(u.question) }));
  /** The unit about this flag: of those naming it, the one naming fewest (-d: "What does -d do", not the whole `run -d -p` example). */
  const naming = (flag: string): string[] => {
    const withFlag = units.filter((u) => u.flags.includes(flag)).sort((a, b) => a.flags.length - b.flags.length);
    const [first, second] = withFlag;
    if (!first) return [];
    return second && second.flags.length === first.flags.length ? withFlag.map((u) => u.id) : [first.id];
  };
  const asked = ASKED.exec(text)?.[1]?.toLowerCase();
  if (asked) {
    const ids = naming(asked);
    if (ids.length === 1) return ids[0];
  }
  const ids = new Set(
    flagsIn(text).flatMap((f) => {
      const named = naming(f);
      return named.length === 1 ? named : [];
    }),
  );
  return ids.size === 1 ? [...ids][0] : undefined;
}
