// The tables, as Kysely sees them. Portable types only (text, bigint, integer, real/double), so the
// same queries run on SQLite and PostgreSQL; booleans are 0/1 integers, times epoch milliseconds.
import type { ColumnType } from 'kysely';

/** PostgreSQL hands bigint back as a string unless told otherwise; src/store/open.ts tells it. */
type Millis = ColumnType<number, number, number>;

export interface ContextTable {
  key: string;
  payload: string;
  expires_at: Millis;
}

export interface ClaimTable {
  key: string;
  expires_at: Millis;
}

export interface AnswerTable {
  id: string;
  at: Millis;
  platform: string;
  intent: string;
  unit: string | null;
  kind: string;
  confidence: number;
  nearest_intent: string | null;
  text: string | null;
  host_used: number;
}

export interface VoteTable {
  answer_id: string;
  voter: string;
  vote: 'up' | 'down';
  at: Millis;
  platform: string;
  intent: string;
  unit: string | null;
  confidence: number;
}

export interface Tables {
  coach_context: ContextTable;
  coach_claims: ClaimTable;
  coach_answers: AnswerTable;
  coach_votes: VoteTable;
}
