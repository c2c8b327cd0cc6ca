// Reads a sub-command from free text, the way `/docker …` (Slack), a mention, or the
// terminal chat receive it: `why web 8080`, `ps -a`, `images`, `help`, `explain docker run …`.
// Anything else is a question.
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
