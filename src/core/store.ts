// The Store port: what the core and the composition root need to keep across restarts and share
// between replicas. The core never knows which engine is behind it (src/store/ has one SQL
// implementation for an embedded SQLite file and for PostgreSQL). Times are epoch milliseconds.

/** One answered question, for the counts and the learning loop. */
export interface AnswerRecord {
  /** The answer's id (feedback buttons carry it). */
  id: string;
  at: number;
  platform: string;
  /** Intent id, or `none`. */
  intent: string;
  /** The answer unit (`<intent>/<unit>`), when a direct answer was given. */
  unit?: string;
  kind: string;
  confidence: number;
  /** The best-scoring intent even when the answer was `none`: where a new unit would go. */
  nearestIntent?: string;
  /** The question, redacted for secret shapes and capped; absent when questions are not kept. */
  text?: string;
  hostUsed: boolean;
}

/** A 👍/👎 on an answer, one per person per answer (a second click replaces the first). */
export interface VoteRecord {
  answerId: string;
  /** Who voted (platform user id or conversation key): one vote each. */
  voter: string;
  vote: 'up' | 'down';
  at: number;
  platform: string;
  intent: string;
  unit?: string;
  confidence: number;
}

/** What `coach report` is built from (grouping and shaping happen in core/report.ts). */
export interface ReportData {
  /** Questions per day (UTC day number since the epoch). */
  perDay: { day: number; questions: number }[];
  /** Per intent: answered, answered with low confidence, and 👎 counts. */
  perIntent: { intent: string; answered: number; low: number; down: number }[];
  /** Questions answered `none`, counted under the intent that came nearest. */
  noneByNearest: { intent: string; none: number }[];
  /** Questions answered `none`, with low confidence, or voted 👎 (newest first, capped). */
  unanswered: { text: string | null; intent: string; nearestIntent: string | null; reason: 'none' | 'low' | 'down' }[];
  questions: number;
}

export interface Store {
  /** `sqlite` (embedded, a file in the data directory) or `postgres`. */
  readonly engine: 'sqlite' | 'postgres';
  /** Where it is, for logs: a path, or a URL with the password redacted. */
  readonly location: string;
  /** The conversation context kept under `key`, if it has not expired. */
  getContext(key: string, now: number): Promise<string | undefined>;
  putContext(key: string, payload: string, expiresAt: number): Promise<void>;
  /**
   * True for the first caller to claim `key` (until it expires), false for every other caller,
   * on any replica: Slack retries and the same event delivered twice are answered once.
   */
  claimOnce(key: string, expiresAt: number, now: number): Promise<boolean>;
  recordAnswer(r: AnswerRecord): Promise<void>;
  recordVote(r: VoteRecord): Promise<void>;
  /** The raw numbers behind the report, for questions since `since`. `lowBelow`: the confidence under which an answer counts as low. */
  readReport(since: number, lowBelow: number, maxUnanswered: number): Promise<ReportData>;
  /** Deletes everything older than `before` (retention) and expired context and claims; returns rows deleted. */
  prune(before: number, now: number): Promise<number>;
  close(): Promise<void>;
}
