// A pasted terminal session: which lines are prompts, and which lines a prompted command printed
// (its output), as opposed to the person's own words written under it.

/** A prompt a command line starts with: `$ `, `# `, `> `, `%`, `PS C:\> `, `user@host:~$ `. */
export const PROMPT = /^\s{0,8}(?:[$#>%]|PS [^>\n]{0,120}>|[\w.@-]{1,64}[:~][^\n$#]{0,120}[$#])\s{1,4}/;

/** A line that opens or closes a fenced code block. */
export const FENCE = /^\s{0,8}(?:```|~~~)/;

/**
 * What ends a prompted command's run of lines: a blank line, another shell prompt, a docker command
 * after any prompt (`> docker ps`), or a fence. A bare `> ` line is what the program printed (npm
 * echoes `> my-api@1.0.0 start` under `docker run`), not a new command.
 */
const endsRun = (line: string): boolean =>
  line.trim() === '' || TRANSCRIPT_PROMPT.test(line) || (PROMPT.test(line) && /\bdocker\b/.test(line)) || FENCE.test(line);

/**
 * A shell prompt a terminal transcript starts a line with (`$ `, `user@host:~$ `, `PS C:\> `, `# docker`),
 * not a quote (`> `) or a heading (`# Title`).
 */
export const TRANSCRIPT_PROMPT =
  /^\s{0,8}(?:\$|PS [^>\n]{0,120}>|[\w.-]{1,64}@[\w.-]{1,64}:[^\s$#]{0,120}[$#]|#(?=\s{1,4}(?:sudo\s+)?docker\b))\s{1,4}\S/;
/**
 * A line a person writes, not a program: it asks something ("now i have two nginx?", "where did it
 * go") or tells in their words ("it starts but localhost doesn't work"). Whole words only: `my` in
 * `my-api@1.0.0` or `it` in `/app/it`, in a program's output, are parts of names.
 */
const ASKING_LINE = /\?|^\s*(?:why|how|what|where|when|which|who|any (?:idea|help)|help|pls|please)\b/i;
const TELLING_LINE =
  /(?<![\w@./-])(?:i|i'm|i've|me|my|we|our|it|it's|but|doesn't|didn't|don't|can't|isn't|won't|still|nothing|anything|though|just|also)(?![\w@/-])/i;

/**
 * The lines a prompted command printed: in a pasted terminal session, the lines under `$ command` up
 * to a blank line or the next prompt ("cache" under `$ docker kill cache`, "bot v1.8.0 starting"
 * under `$ docker logs bot`). Only where the run ends as a transcript does (a blank line or another
 * prompt, not the end of the message) and no line of it asks anything: "$ docker ps -a⏎nothing
 * there. where did it go" is the person's own words, and so is a line that tells in their words
 * ("it starts but localhost doesn't work"). Returns the indexes of those lines.
 */
export function transcriptOutputLines(lines: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    if (!TRANSCRIPT_PROMPT.test(lines[i] ?? '')) continue;
    let j = i + 1;
    while (j < lines.length && !endsRun(lines[j] ?? '')) j++;
    const run = lines.slice(i + 1, j);
    const ended = j < lines.length && !FENCE.test(lines[j] ?? '');
    if (run.length > 0 && ended && !run.some((l) => ASKING_LINE.test(l) || TELLING_LINE.test(l)))
      for (let k = i + 1; k < j; k++) out.add(k);
    i = j - 1;
  }
  return out;
}
