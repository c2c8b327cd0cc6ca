// The message sets bench:answers scores (and bench/baseline-answers.ts replays on the previous
// release), and the one checker both releases' answers go through.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../test/fixtures/', import.meta.url));

/** One message and what its answer must do. */
export interface Row {
  text: string;
  /** The topic (intent id) the answer must be on; several when either is right. */
  topic?: string | string[];
  /** An errors/ entry (or either of several): the answer must be on that entry's topic. */
  error?: string | string[];
  /** Diagnosis codes a pasted output shows: the answer must be on a topic that explains one of them. */
  codes?: string[];
  /** Terms the rendered answer must contain (case-insensitive). */
  says?: string[];
  /** The docker commands written in the message: the answer must not run one on into the prose after it. */
  commands?: string[];
}

export const SETS = [
  { id: 'error-pastes', file: 'error-pastes.jsonl', label: 'error pastes' },
  { id: 'messages-commands', file: 'messages-commands.jsonl', label: 'prose + commands' },
  { id: 'messages-pasted-output', file: 'messages-pasted-output.jsonl', label: 'pasted output' },
  { id: 'messages-held-out', file: 'messages-held-out.jsonl', label: 'held-out (mixed)' },
] as const;

export type SetId = (typeof SETS)[number]['id'];

export function loadSet(file: string): Row[] {
  return readFileSync(`${FIXTURES}${file}`, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
}

/** What the checker needs to know about the knowledge: an error entry's topic, a code's topics. */
export interface Topics {
  ofError(id: string): string | undefined;
  ofCode(code: string): string[];
}

export interface Verdict {
  right: boolean;
  /** The answer ran a command of the message on into the prose after it. */
  proseAsCommand: boolean;
  why: string;
}

/** Right topic, every term said, and no prose read as part of a command. */
export function check(row: Row, intent: string, text: string, code: string, topics: Topics): Verdict {
  const wanted = expectedTopics(row, topics);
  const lower = text.toLowerCase();
  const missing = (row.says ?? []).filter((s) => !lower.includes(s.toLowerCase()));
  const leak = proseLeak(row, code);
  const topicOk = wanted.length === 0 || wanted.includes(intent);
  const why = [
    topicOk ? '' : `topic ${intent}, wanted ${wanted.join(' or ')}`,
    missing.length ? `missing ${missing.map((m) => JSON.stringify(m)).join(', ')}` : '',
    leak ? `prose read as command: ${leak}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  return { right: topicOk && missing.length === 0 && !leak, proseAsCommand: leak !== null, why };
}

function expectedTopics(row: Row, topics: Topics): string[] {
  if (row.topic) return Array.isArray(row.topic) ? row.topic : [row.topic];
  if (row.error) return (Array.isArray(row.error) ? row.error : [row.error]).map((id) => topics.ofError(id) ?? `?${id}`);
  if (row.codes) return [...new Set(row.codes.flatMap((c) => topics.ofCode(c)))];
  return [];
}

/**
 * A command of the message shown with the word that follows it in the message
 * ("docker run … myapp returns", "worker=3 — do"): the answer took prose for part of the command.
 */
function proseLeak(row: Row, code: string): string | null {
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  const message = flat(row.text);
  const answer = flat(code);
  for (const c of row.commands ?? []) {
    const at = message.indexOf(c);
    if (at < 0) continue;
    const next = /^\s+([^\s`'"]+)/.exec(message.slice(at + c.length))?.[1]?.replace(/[,.?!:;]+$/, '');
    // An operator or a redirection after it is shell, not prose (`… && docker rm api`, `… | grep x`).
    if (!next || /^(?:&&|\|\||[|;&]|\d?>>?\S*|<)$/.test(next)) continue;
    const joined = `${c} ${next}`;
    if (answer.includes(joined)) return joined;
  }
  return null;
}

/** The parts of an answer, loosely typed: both releases' answers have this shape. */
export interface AnswerLike {
  title: string;
  blocks: readonly { type: string; text?: string; code?: string; items?: readonly string[] }[];
}

/**
 * What an answer shows as code: its title's and blocks' inline code spans and code blocks (the
 * command it read back, each part it explains). Prose read as a command shows up here.
 */
export function codeOf(a: AnswerLike): string {
  const spans = (s: string) => [...s.matchAll(/`([^`\n]+)`/g)].map((m) => m[1] ?? '');
  return [
    ...spans(a.title),
    ...a.blocks.flatMap((b) => (b.code !== undefined ? [b.code] : [...spans(b.text ?? ''), ...(b.items ?? []).flatMap(spans)])),
  ].join('\n');
}

/** The p-th percentile (0–100) of a list of numbers, nearest rank. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

export const wordCount = (s: string) => s.split(/\s+/).filter((w) => /\w/.test(w)).length;
