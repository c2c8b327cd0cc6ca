// The platform-neutral types that cross the line between adapters and the core.
// Adapters build a Question, call bot.handle, and render the Answer they get back.

export type Platform = 'cli' | 'slack' | 'discord' | 'test';

/** A port as written in a question: `3000` or `8080:80` (host:container). */
export interface PortEntity {
  raw: string;
  host?: number;
  container?: number;
}

/** What the question names: things the answer and the diagnosis can use. */
export interface Entities {
  /** Container-ish names: `my-api`, `web_1`. */
  names: string[];
  /** Image references with a tag, digest or registry: `postgres:9.5`, `registry.example.com/team/app:1.4.2`. */
  images: string[];
  ports: PortEntity[];
  exitCodes: number[];
  /** Docker subcommands mentioned: `ps`, `run`, `rmi`… */
  subcommands: string[];
}

/** An explicit sub-command chosen by the person (`/docker why web 8080`); absent means free text. */
export type Command =
  | { kind: 'ask' }
  | { kind: 'why'; name?: string; port?: number }
  | { kind: 'ps'; all: boolean }
  | { kind: 'images' }
  | { kind: 'help' }
  | { kind: 'explain'; line: string }
  /** A click on a follow-up button (or a numbered choice): answer this intent (its article) or `<intent>/<unit>`, in the same conversation. */
  | { kind: 'followup'; intent: string };

export interface Question {
  /** What the person typed (for commands, the text after the command). */
  text: string;
  platform: Platform;
  /** Conversation key: platform + channel + thread (or user). Context is kept per key. */
  conversation: string;
  userId?: string;
  /** The adapter's decision: may this person, here, see the connected host? */
  hostAllowed: boolean;
  /**
   * The adapter's words for how a person gets host access here (e.g. which setting an admin
   * changes), shown when hostAllowed is false and the question needed the host.
   */
  hostAccessHint?: string;
  /**
   * The hosts (by name) this person may use here: the adapter's decision from the channel
   * bindings (COACH_HOST_CHANNELS). Absent: every connected host, when hostAllowed.
   */
  hosts?: readonly string[];
  /** The host the person asked for (`--host staging`, "why web on staging"). */
  host?: string;
  command?: Command;
}

/** Body blocks. `text` and list items are markdown-ish: `inline code`, **bold**, _emphasis_. */
export type Block =
  | { type: 'text'; text: string }
  | { type: 'list'; items: string[]; ordered?: boolean }
  | { type: 'code'; code: string; lang?: string }
  | { type: 'table'; header: string[]; rows: string[][]; more?: number };

export type Severity = 'error' | 'warning' | 'info';

export const FINDING_CODES = [
  'daemon_unreachable',
  'not_found',
  'name_mismatch',
  'image_built_never_run',
  'created_not_started',
  'exited',
  'oom_killed',
  'restart_loop',
  'paused',
  'dead',
  'unhealthy',
  'port_not_published',
  'port_mismatch',
  'stale_image',
  'recently_removed',
  'latest_tag_in_use',
  'running',
  'dangling_images',
  'invalid_name',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** An error in a docker command line itself, found by the explainer (nlu/explain.ts). */
export const COMMAND_MISTAKES = ['options_after_image'] as const;
export type CommandMistakeKind = (typeof COMMAND_MISTAKES)[number];
export interface CommandMistake {
  kind: CommandMistakeKind;
  /** Said to the person, with the flags of their own line (`-p` comes after the image name…). */
  text: string;
  /** The person's line, corrected (`docker run -p 8080:80 myapp`), when it can be. */
  fix?: string;
}

export type EvidenceValue = string | number | boolean | null;

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** The container or image it is about (engine-supplied text: adapters escape it). */
  subject: string;
  /** Facts read from the engine that prove it: state, exit code, image ids, ports, timestamps. */
  evidence: Record<string, EvidenceValue>;
  summary: string;
  /** Commands or steps that solve it. */
  fix: string[];
}

export interface Diagnosis {
  /** Which engine was asked, e.g. `unix:///var/run/docker.sock`. */
  host: string;
  subject: string | null;
  findings: Finding[];
  /** The host-wide look (no subject): the counts every renderer shows the same way. */
  overview?: HostOverview;
}

/** What a host-wide look counted; the findings are the `shown` most severe. */
export interface HostOverview {
  /** Containers (and recent removals) with something to report: build intermediates and the bot's own container left out. */
  total: number;
  shown: number;
  /** total − shown: said as "…and N more". */
  more: number;
  /** Images no container (running or stopped) uses: the one count every answer gives. */
  unusedImages: number;
  /** Of those, `<none>` layers (dangling: a tag moved on, or a build leftover). */
  danglingImages: number;
  /** The shown subjects by Compose project (null: not part of one), in the order shown. */
  groups: { project: string | null; subjects: string[] }[];
}

export interface ContainerSummary {
  id: string;
  names: string[];
  image: string;
  imageId: string;
  state: string;
  status: string;
  exitCode: number | null;
  ports: string[];
  /** ISO 8601. */
  created: string;
  /** Compose labels (engine text: table cells and matching only). */
  project?: string;
  service?: string;
}

export interface ImageSummary {
  id: string;
  tags: string[];
  size: number;
  /** ISO 8601. */
  created: string;
  /** Names of containers (any state) created from this image. */
  containers: string[];
}

/**
 * What the host returned for an answer, unformatted: what machine-readable output
 * (`coach why|ps|images --json`) prints. `error`: the host could not be read (unreachable,
 * no answer within the deadline, or an answer we did not expect), as a `daemon_unreachable` finding.
 */
export type HostData =
  | { kind: 'diagnosis'; diagnosis: Diagnosis }
  | { kind: 'containers'; all: boolean; containers: ContainerSummary[] }
  | { kind: 'images'; images: ImageSummary[] }
  | { kind: 'error'; finding: Finding };

/**
 * Something a button or a numbered choice leads to: `intent` is an intent id (its full article)
 * or `<intent>/<unit>` (one answer unit, see unitRef in core/answers.ts).
 */
export interface IntentRef {
  intent: string;
  label: string;
}

export type AnswerKind = 'knowledge' | 'diagnosis' | 'listing' | 'explain' | 'help' | 'none' | 'input_problem' | 'error';

export interface Answer {
  /** Unique per answer: feedback and the store refer to it. */
  id?: string;
  kind: AnswerKind;
  /** Intent id, or `none`. */
  intent: string;
  confidence: number;
  title: string;
  blocks: Block[];
  findings: Finding[];
  /** Commands the person can run themselves. */
  commands: string[];
  followups: IntentRef[];
  /** "Did you mean" suggestions when the intent is `none`. */
  suggestions: IntentRef[];
  /** When the intent is `none`: the topic that came nearest, close enough to offer or not (the learning report groups by it). */
  nearest?: string;
  /** Short notes: input was capped, host access not enabled here, engine did not answer… */
  notices: string[];
  /** True when the connected host was queried for this answer. */
  hostUsed: boolean;
  entities: Entities;
  /** Set when the host was asked (or could not be): the data behind the answer. */
  data?: HostData;
  /** Set when one answer unit answered: its full id, `<intent>/<unit>`. */
  unit?: string;
  /** The full article behind a short answer ("More: <title>"): a follow-up to the intent. */
  more?: IntentRef;
}

export function emptyEntities(): Entities {
  return { names: [], images: [], ports: [], exitCodes: [], subcommands: [] };
}
