// Reads a command line the way a shell would, enough to take it apart: words (quotes kept
// together), `$(…)` and backtick substitutions (kept whole, read again on their own), and the
// operators that end a command (`&&`, `||`, `;`, `|`, `&`) or redirect its output (`>`, `2>&1`).
// Linear in the length of the line; nesting is bounded.

export interface Word {
  text: string;
  /** Offsets in the line, so a caller can cut the command out of a sentence. */
  start: number;
  end: number;
  /** Contains a `$(…)` or backtick substitution. */
  substitutions: string[];
}

export type Operator = '&&' | '||' | ';' | '|' | '&';

/** One simple command of a chain, and the operator that ends it (if any). */
export interface Segment {
  words: Word[];
  then?: Operator;
}

const MAX_DEPTH = 3;

export interface ShellOptions {
  /**
   * The line is a sentence: an apostrophe inside a word ("doesn't") is not a quote. Only a quote
   * at the start of a word opens one.
   */
  prose?: boolean;
}

/** Splits a line into the simple commands of its chain. Redirections are dropped. */
export function segments(line: string, opts: ShellOptions = {}): Segment[] {
  const out: Segment[] = [];
  let words: Word[] = [];
  let i = 0;
  const n = line.length;
  while (i < n) {
    const c = line[i] ?? '';
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    const op = operatorAt(line, i);
    if (op) {
      out.push({ words, then: op });
      words = [];
      i += op.length;
      continue;
    }
    const redirect = /^(?:\d?>>?|&>|<)(?:&\d)?/.exec(line.slice(i, i + 4));
    if (redirect) {
      // `> out.txt`, `2>&1`, `< in`: skip the operator and its target word.
      i += redirect[0].length;
      if (!redirect[0].includes('&')) i = readWord(line, skipBlanks(line, i), opts.prose ?? false).end;
      continue;
    }
    const w = readWord(line, i, opts.prose ?? false);
    words.push(w);
    i = w.end;
  }
  if (words.length > 0 || out.length === 0) out.push({ words });
  return out.filter((s) => s.words.length > 0);
}

function skipBlanks(line: string, i: number): number {
  while (line[i] === ' ' || line[i] === '\t') i++;
  return i;
}

function operatorAt(line: string, i: number): Operator | null {
  const two = line.slice(i, i + 2);
  if (two === '&&' || two === '||') return two;
  const c = line[i];
  if (c === ';' || c === '|') return c;
  if (c === '&' && line[i + 1] !== '>') return '&';
  return null;
}

/** One shell word from `i`: quotes and substitutions stay inside it. */
function readWord(line: string, i: number, prose: boolean): Word {
  const start = i;
  let text = '';
  const subs: string[] = [];
  while (i < line.length) {
    const c = line[i] ?? '';
    if (c === ' ' || c === '\t' || operatorAt(line, i) || (c === '>' && text === '')) break;
    if (c === '>') break;
    if ((c === '"' || c === "'") && (!prose || i === start)) {
      const close = line.indexOf(c, i + 1);
      const end = close < 0 ? line.length : close;
      const inner = line.slice(i + 1, end);
      if (c === '"') subs.push(...substitutionsIn(inner));
      text += inner;
      i = end + 1;
      continue;
    }
    if (c === '\\' && i + 1 < line.length) {
      // `C:\Users\me`: before a letter or digit a backslash is a Windows path separator (a shell
      // would drop it, but nobody escapes letters); before anything else it escapes that character.
      text += /[A-Za-z0-9_.-]/.test(line.charAt(i + 1)) ? c : line.charAt(i + 1);
      i += /[A-Za-z0-9_.-]/.test(line.charAt(i + 1)) ? 1 : 2;
      continue;
    }
    if (c === '$' && line[i + 1] === '(') {
      const end = closingParen(line, i + 1);
      const inner = line.slice(i + 2, end);
      subs.push(inner.trim());
      text += line.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    if (c === '`') {
      const close = line.indexOf('`', i + 1);
      const end = close < 0 ? line.length : close;
      subs.push(line.slice(i + 1, end).trim());
      text += line.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    text += c;
    i++;
  }
  return { text, start, end: Math.max(i, start + 1), substitutions: subs };
}

/** Index of the `)` closing the `(` at `open` (or the end of the line), counting nesting. */
function closingParen(line: string, open: number): number {
  let depth = 0;
  for (let i = open; i < line.length; i++) {
    if (line[i] === '(') depth++;
    else if (line[i] === ')') {
      depth--;
      if (depth === 0) return i;
    }
    if (depth > MAX_DEPTH + 8) break;
  }
  return line.length;
}

function substitutionsIn(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(/\$\(([^()]{1,500})\)|`([^`]{1,500})`/g)) out.push((m[1] ?? m[2] ?? '').trim());
  return out;
}
