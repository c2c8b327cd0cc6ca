// Reads a sub-command from free text, the way `/docker …` (Slack), a mention, or the
// terminal chat receive it: `why web 8080`, `ps -a`, `images`, `help`, `explain docker run …`.
// Anything else is a question.
import type { Explanation } from './ports.ts';
import type { Command } from './types.ts';

export interface ParsedText {
  command: Command;
  /** The text that remains to be answered (the question, or the command line to explain). */
  text: string;
}

export function parseCommandText(raw: string): ParsedText {
  const text = raw.trim();
  const m = /^(\S+)\s*([\s\S]*)$/.exec(text);
  const head = (m?.[1] ?? '').toLowerCase();
  const rest = (m?.[2] ?? '').trim();
  switch (head) {
    case 'help':
    case '--help':
    case '-h':
      if (rest === '') return { command: { kind: 'help' }, text };
      break;
    case 'ps': {
      const words = rest.split(/\s+/).filter(Boolean);
      if (words.every((w) => ['-a', '--all', 'all', '-all'].includes(w.toLowerCase())))
        return { command: { kind: 'ps', all: words.length > 0 }, text };
      break;
    }
    case 'images':
      if (rest === '' || /^(-a|--all)$/.test(rest)) return { command: { kind: 'images' }, text };
      break;
    case 'explain':
      if (rest !== '') return { command: { kind: 'explain', line: rest }, text: rest };
      break;
    case 'why':
      return { command: parseWhy(rest), text };
    case 'ask':
      if (rest !== '') return { command: { kind: 'ask' }, text: rest };
      break;
  }
  return { command: { kind: 'ask' }, text };
}

/** `why`, `why web`, `why web 8080`, `why web --port 8080`, `why is my container missing` */
function parseWhy(rest: string): Command {
  const words = rest.split(/\s+/).filter(Boolean);
  let name: string | undefined;
  let port: number | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    if ((w === '--port' || w === '-p') && words[i + 1]) {
      port = toPort(words[++i] ?? '');
    } else if (/^--port=/.test(w)) {
      port = toPort(w.slice(7));
    } else if (/^\d{1,5}$/.test(w) && port === undefined) {
      port = toPort(w);
    } else if (name === undefined && words.length <= 3 && /^[A-Za-z0-9][\w.\-/:@]*$/.test(w)) {
      name = w;
    }
  }
  // "why is my container missing": a sentence, not a name; the classifier's entities decide.
  if (words.length > 3 || (name && /^(is|does|did|my|the|are|do|can|cant|won't|isn't)$/i.test(name))) {
    return { kind: 'why', ...(port !== undefined ? { port } : {}) };
  }
  return { kind: 'why', ...(name ? { name } : {}), ...(port !== undefined ? { port } : {}) };
}

function toPort(s: string): number | undefined {
  const n = Number(s);
  return Number.isInteger(n) && n >= 1 && n <= 65535 ? n : undefined;
}

/** A message that is (mostly) one docker command line gets an explanation, part by part; null when it is a question. */
export function commandLineToExplain(text: string, explain: (line: string) => Explanation | null): Explanation | null {
  const unasked = text.replace(/^(please\s+)?(explain|what does|what is|what's|whats|meaning of)\s*:?\s*/i, '');
  // "`docker logs worker` prints nothing, why": the backticks close the command; words after them make it a question.
  const quoted = /^`([^`\n]+)`([^]*)$/.exec(unasked.trim());
  if (quoted && /[a-z0-9]/i.test((quoted[2] as string).replace(/\b(do|does|mean|means)\b/gi, ''))) return null;
  const stripped = unasked.replace(/\s*(do|does|mean|means)?\s*\?*\s*$/i, '').replace(/^[`$\s]+|[`\s]+$/g, '');
  if (!/^(sudo\s+)?docker(\s|-compose\s)/.test(stripped)) return null;
  const ex = explain(stripped);
  if (!ex) return null;
  // "docker ps shows nothing" is a question about ps, not a command line to take apart.
  const asked = /^(please\s+)?(explain|what does|what is|what's|whats|meaning of)/i.test(text);
  // Words we cannot place ("what does docker ps show") mean a question, not a command line.
  if (ex.parts.some((p) => p.kind === 'unknown')) return null;
  const hasFlagsOrArgs = ex.parts.length >= 2;
  return (asked || ex.line.length >= stripped.length * 0.9) && hasFlagsOrArgs ? ex : null;
}
