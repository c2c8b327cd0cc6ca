// The interfaces the core depends on. Implementations live in nlu/, knowledge/ and
// host/; main.ts wires them together. The core imports no SDK.
import type { Action, Area, Shortcut, SwapObject } from './intent-kinds.ts';
import type { CommandMistake, CommandMistakeKind, ContainerSummary, Diagnosis, Entities, ImageSummary } from './types.ts';

/** One intent from the knowledge base (`intents/<id>.yaml`). */
/** A short, direct answer to one specific question under an intent (full id: `<intent>/<unit>`). */
export interface Unit {
  id: string;
  question: string;
  /** One to three sentences of platform-neutral markdown. */
  answer: string;
  /** The command that is the answer, if one is. */
  command?: string;
  examples: string[];
  /** Under a host intent with a connected host: the listing instead (default), or this answer then the listing. */
  host?: 'replace' | 'lead';
  /** The error in a person's own command line this unit answers (`docker run myapp -p 8080:80`). */
  mistake?: CommandMistakeKind;
  /**
   * The intent whose file defines this unit, when this intent only borrows it (`- ref: <owner>/<id>`):
   * the same answer under a second topic. Absent: the unit is this intent's own. A borrowed unit's
   * `examples` are the phrasings written under the borrowing topic; the owner's are `sharedExamples`.
   */
  owner?: string;
  /** A borrowed unit's phrasings from its owner's file: they teach the unit picker, not the topic. */
  sharedExamples?: string[];
}

export interface Intent {
  id: string;
  title: string;
  examples: string[];
  /** Platform-neutral markdown: paragraphs, lists, `inline code`, fenced code blocks. */
  answer: string;
  followups: string[];
  commands: string[];
  /** What answering it means; the core dispatches on this (core/dispatch.ts). */
  action: Action;
  /** Where help lists it (and whether it is a topic of conversation). */
  area: Area;
  /** The explicit command (`why`, `ps`, `images`, `help`) this intent answers, if any. */
  shortcut?: Shortcut;
  /** The sibling intent a short follow-up turning to images (or containers) moves to. */
  swap?: Partial<Record<SwapObject, string>>;
  /** Diagnosis finding codes this topic explains (pasted output showing one is answered here). */
  explains?: string[];
  /** Notes added when the message's docker command carries this flag. */
  command_notes?: { flag: string; subcommand?: string; note: string }[];
  /** Direct answers to specific questions; `answer` is the full article. */
  units?: Unit[];
  /** Broad requests for the whole topic (the article answers them, not a unit). */
  broad?: string[];
  /** Questions the article answers better than a unit; for the unit picker only (not the topic model). */
  article_asks?: string[];
}

export interface KnowledgeBase {
  readonly intents: readonly Intent[];
  get(id: string): Intent | undefined;
}

export interface Scored {
  intent: string;
  /** An answer unit under `intent` (its id inside the intent file); absent: the intent's article. */
  unit?: string;
  confidence: number;
}

/** Which answer unit under one intent a text asks for (nlu/units.ts). */
export interface UnitPick {
  /** The unit; absent when only the topic is clear (the article answers). */
  unit?: string;
  /** Every candidate under the intent, best first: its units, and the article (no `unit`). */
  ranked: { unit?: string; confidence: number }[];
}

export interface Classification {
  /** An intent id, or `none` when nothing fits well enough. */
  intent: string;
  /** In [0, 1]. */
  confidence: number;
  /** Up to three runners-up (or, for `none`, the "did you mean" candidates). */
  alternatives: Scored[];
  /** The answer unit under `intent` the question asks for; absent: the intent's article. */
  unit?: string;
  /** A runner-up (another unit, or another intent) close enough to the answer to offer as a one-tap choice. */
  close?: Scored;
  /** The question asks for the whole picture of its topic ("in general, how …"), so the article answers. */
  wholePicture?: true;
}

export interface Classifier {
  classify(text: string): Classification;
}

/** One part of a docker command line, explained. */
export interface ExplainedPart {
  /** The text as written: `-p 8080:80`, `myapp:2.1.0`, `.` */
  part: string;
  meaning: string;
  /** `unknown` when the flag is not one we know (named as unknown, never guessed). */
  kind: 'subcommand' | 'flag' | 'image' | 'argument' | 'context' | 'command' | 'unknown';
}

export interface Explanation {
  /** The command line as recognised, e.g. `docker run -d -p 8080:80 --name web myapp:2.1.0`. */
  line: string;
  subcommand: string;
  summary: string;
  parts: ExplainedPart[];
  /** Where the articles' mistakes apply (`:latest`, editing via `exec`, `rm` vs `rmi`). */
  warnings: string[];
  /** The warnings that point at an error in the line itself (Docker's options written after the image): said wherever the line is read. */
  mistakes?: CommandMistake[];
  /** Intent that covers this subcommand, for follow-ups. */
  intent?: string;
}

export interface Nlu {
  classify(text: string): Classification;
  entities(text: string): Entities;
  /** Explains the first docker command line in the text, or null when there is none. */
  explain(text: string): Explanation | null;
  /** True for an ordinary English word, which is never taken as a container name. */
  ordinaryWord?(word: string): boolean;
  /** Which answer unit under `intent` the text asks for (follow-ups read under the previous topic). */
  pickUnit?(intent: string, text: string): UnitPick;
}

export type { ContainerSummary, ImageSummary } from './types.ts';

export interface DiagnoseRequest {
  subject?: string;
  port?: number;
  exitCode?: number;
}

/**
 * The connected Docker host, read-only by construction: there is no method that changes anything.
 * Methods never hang past the configured time limit. When the engine cannot be reached, list
 * methods throw HostUnreachableError (core/errors.ts) carrying a `daemon_unreachable` finding,
 * and diagnose() returns that finding.
 */
export interface HostPort {
  /** Where the engine is, e.g. `unix:///var/run/docker.sock`. */
  readonly description: string;
  diagnose(req: DiagnoseRequest): Promise<Diagnosis>;
  listContainers(opts: { all: boolean }): Promise<ContainerSummary[]>;
  listImages(): Promise<ImageSummary[]>;
  /** Container and image names, best fuzzy matches for `partial` first (for autocomplete). */
  suggestNames(partial: string, limit: number): Promise<string[]>;
  /** True when the engine answers a ping within the time limit. */
  ping(): Promise<boolean>;
}

/** One configured engine and the name people use for it (`default` with a single host). */
export interface NamedHost {
  name: string;
  host: HostPort;
}

/** What the core reports after each handled question (main.ts logs it and counts it). */
export interface HandledRecord {
  platform: string;
  intent: string;
  kind: string;
  confidence: number;
  latencyMs: number;
  hostUsed: boolean;
  text: string;
  /** Set when the engine could not be reached: the kind of failure (timeout, no_socket, …). */
  engineError?: string;
  /** The answer's id (feedback refers to it). */
  answerId?: string;
  /** The answer unit given (`<intent>/<unit>`), when a direct answer was. */
  unit?: string;
  /** The intent that came nearest when the answer was `none` (the first "did you mean"). */
  nearestIntent?: string;
}

/** A 👍/👎 click on an answer. */
export interface FeedbackRecord {
  platform: string;
  intent: string;
  confidence: number;
  vote: 'up' | 'down';
  conversation: string;
  /** The answer voted on, when the button carried its id. */
  answerId?: string;
  /** Who voted (platform user id); one vote per person per answer. */
  userId?: string;
  unit?: string;
}

/** What main.ts needs from a platform adapter (Slack, Discord); adapters expose nothing else. */
export interface PlatformAdapter {
  readonly name: string;
  /** HTTP routes to mount on the process's shared server (HTTP modes); empty for socket/gateway modes. */
  readonly routes: {
    path: string;
    methods?: string[];
    handler: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void | Promise<void>;
  }[];
  /** Connects (socket/gateway) or prepares (HTTP). Resolves when ready to take questions. */
  start(): Promise<void>;
  /** Stops taking new questions, waits for answers in flight (bounded), closes connections. */
  stop(): Promise<void>;
  /** Connected/initialised, for /readyz. */
  isReady(): boolean;
}

/** The narrow handle adapters get: answer a question; record feedback. */
export interface BotHandle {
  handle(q: import('./types.ts').Question & { fromBot?: boolean }): Promise<import('./types.ts').Answer | null>;
  feedback(r: FeedbackRecord): void;
}

/** What an adapter with autocomplete (Discord) gets on top of BotHandle. */
export interface NameSuggester {
  /**
   * Container and image names for autocomplete, best matches for `q.text` first: through the same
   * access rule (`q.hostAllowed`) and deadline as a question; [] when the host cannot be read.
   */
  suggest(q: import('./types.ts').Question, limit: number): Promise<string[]>;
}
