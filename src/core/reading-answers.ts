// Answers built from what the message itself carries: a Docker error message recognised by its
// text (errors/), or pasted output read as evidence (a ps/images table, inspect JSON, events).
// Both answer first, in a few lines, and keep the topic's full article one tap away.
import { baseAnswer, refsFor, unitRef } from './answers.ts';
import type { ErrorMatch } from './error-catalogue.ts';
import { markdownToBlocks } from './markdown.ts';
import type { DiagnoseRequest, Explanation, KnowledgeBase } from './ports.ts';
import type { Answer, Block, CommandMistake, Entities, Finding } from './types.ts';

/** What pasted output showed (host/pasted reads it with the same rules as a live engine). */
export interface PastedEvidence {
  source: 'ps' | 'compose-ps' | 'compose-v1-ps' | 'images' | 'inspect' | 'events';
  findings: Finding[];
  read: number;
  truncated: boolean;
}

/** The port the core calls; the composition root wires host/pasted behind it. */
export interface PasteReader {
  read(text: string, request: DiagnoseRequest): PastedEvidence | null;
}

/** A recognised error, its answer already filled with the message's values. */
export interface ReadError extends ErrorMatch {
  cause: string;
  fix: string;
}

/** A docker command as the message wrote it. */
export interface ReadCommand {
  text: string;
  words: string[];
  /** `run`, `compose up`…, or null. */
  subcommand: string | null;
  /** What it does, in one sentence with its own values (the explainer's summary), when it can be explained. */
  summary?: string;
  /** An error in the line itself (the explainer's `mistakes`), said right after what it does. */
  mistakes?: CommandMistake[];
}

/** What a message is made of (nlu/reader reads it; the core decides what to answer). */
export interface MessageReading {
  /** Errors written on their own or in prose, most specific first. */
  errors: ReadError[];
  /** Errors seen only inside pasted output (a table's `Exited (137)`): used when the output itself says nothing. */
  outputErrors: ReadError[];
  /** Blocks of pasted output. */
  outputs: string[];
  commands: ReadCommand[];
  /** The sentences ask something. */
  question: boolean;
  /** The sentences alone (no pasted output, no error lines): what the person asks about. */
  prose: string;
  /** The sentences without the docker commands in them ("what does this do?", or nothing). */
  words?: string;
  /** The first docker command (or chain) of the message, explained part by part. */
  explained?: Explanation | null;
}

export interface MessageReader {
  read(text: string): MessageReading;
}

const SOURCE_LABEL: Record<PastedEvidence['source'], string> = {
  ps: '`docker ps` output',
  'compose-ps': '`docker compose ps` output',
  'compose-v1-ps': '`docker-compose ps` output',
  images: '`docker images` output',
  inspect: '`docker inspect` output',
  events: '`docker events` lines',
};

const MAX_FINDINGS = 5;

/** A recognised error message: what it means and the fix, with the message's own values. */
export function errorMessageAnswer(kb: KnowledgeBase, matches: readonly ReadError[], entities: Entities): Answer {
  const [first, second] = matches;
  if (!first) throw new Error('errorMessageAnswer needs a match');
  const { entry } = first;
  const blocks: Block[] = [...markdownToBlocks(first.cause), ...markdownToBlocks(first.fix)];
  if (second && second.entry.intent !== entry.intent)
    blocks.push({
      type: 'text',
      text: `Your paste also shows: **${second.entry.title}**. Ask about it next if fixing the first does not help.`,
    });
  return baseAnswer({
    kind: 'knowledge',
    intent: entry.intent,
    ...(entry.unit !== undefined ? { unit: unitRef(entry.intent, entry.unit) } : {}),
    confidence: 1,
    title: entry.title,
    blocks,
    followups: refsFor(
      kb,
      [entry.intent, ...(second ? [second.entry.intent] : [])].filter((v, i, a) => a.indexOf(v) === i),
    ),
    entities,
  });
}

/** Pasted output read as evidence: the findings, most important first. */
export function pastedOutputAnswer(kb: KnowledgeBase, intent: string, p: PastedEvidence, entities: Entities): Answer {
  const findings = p.findings.slice(0, MAX_FINDINGS);
  const label = SOURCE_LABEL[p.source];
  const blocks: Block[] = [
    {
      type: 'text',
      text:
        findings.length === 0
          ? `I read your ${label} (${p.read} ${p.source === 'images' ? 'images' : p.source === 'events' ? 'events' : 'containers'}) and nothing in it looks wrong.`
          : `From your ${label}:`,
    },
  ];
  if (p.findings.length > findings.length)
    blocks.push({ type: 'text', text: `…and ${p.findings.length - findings.length} more. Ask about one name to narrow it down.` });
  const notices = p.truncated ? ['Your paste was long, so I read only its first lines.'] : [];
  return baseAnswer({
    kind: 'diagnosis',
    intent,
    confidence: 1,
    title: `What your ${label.replace(/`/g, '')} shows`,
    blocks,
    findings,
    commands: [...new Set(findings.flatMap((f) => f.fix.filter((l) => /^docker(?:-compose)?\s/.test(l))))].slice(0, 4),
    followups: refsFor(kb, [intent]),
    notices,
    entities,
  });
}
