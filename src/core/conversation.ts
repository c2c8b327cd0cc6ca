// Per-conversation memory (platform + channel + thread or user), in memory with a time
// limit, so an elliptical follow-up ("and the stopped ones?") stays on topic. With a shared
// backing (the store: a restart, or several replicas behind a load balancer), a turn is written
// through after the answer and read back before the next question of that conversation, so a
// follow-up that lands on another replica — or after a restart — keeps its context.
import type { Entities } from './types.ts';

/** Where turns are shared (core/store.ts's context methods, as the composition root wires them). */
export interface ConversationBacking {
  load(key: string, now: number): Promise<string | undefined>;
  save(key: string, payload: string, expiresAt: number): Promise<void>;
  /** A failed read or write: logged and counted by the caller; answering goes on. */
  onError?(err: unknown, what: 'load' | 'save'): void;
}

/** A stored turn read back: only the fields a turn has, of the right types, or nothing. */
function parseTurn(payload: string): Turn | undefined {
  try {
    const t = JSON.parse(payload) as Partial<Turn> | null;
    if (!t || typeof t.text !== 'string' || typeof t.intent !== 'string' || typeof t.at !== 'number') return undefined;
    const e = t.entities;
    if (!e || !Array.isArray(e.names) || !Array.isArray(e.images) || !Array.isArray(e.ports) || !Array.isArray(e.exitCodes))
      return undefined;
    return t as Turn;
  } catch {
    return undefined;
  }
}

export interface Turn {
  text: string;
  intent: string;
  /** The answer unit shown (its id under `intent`); absent: the intent's article (or a host answer). */
  unit?: string;
  entities: Entities;
  at: number;
}

export class ConversationStore {
  private readonly turns = new Map<string, Turn>();
  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxConversations = 10_000,
    private readonly backing?: ConversationBacking,
  ) {}

  /**
   * Reads the conversation's latest turn from the shared backing (when there is one) into memory,
   * if it is newer than what this process holds. Call before answering; never throws.
   */
  async load(key: string): Promise<void> {
    if (!this.backing) return;
    let payload: string | undefined;
    try {
      payload = await this.backing.load(key, this.now());
    } catch (err) {
      this.backing.onError?.(err, 'load');
      return;
    }
    const shared = payload === undefined ? undefined : parseTurn(payload);
    if (!shared || this.now() - shared.at > this.ttlMs) return;
    const mine = this.turns.get(key);
    if (!mine || mine.at < shared.at) this.remember(key, shared);
  }

  get(key: string): Turn | undefined {
    const t = this.turns.get(key);
    if (!t) return undefined;
    if (this.now() - t.at > this.ttlMs) {
      this.turns.delete(key);
      return undefined;
    }
    return t;
  }

  set(key: string, turn: Omit<Turn, 'at'>): void {
    const t: Turn = { ...turn, at: this.now() };
    this.remember(key, t);
    // Written through after the answer; a failure only loses sharing, never the answer.
    const b = this.backing;
    if (b) {
      const payload = JSON.stringify(t);
      setImmediate(() => {
        b.save(key, payload, t.at + this.ttlMs).catch((err: unknown) => {
          b.onError?.(err, 'save');
        });
      });
    }
  }

  private remember(key: string, t: Turn): void {
    this.turns.delete(key); // re-insert so Map order is least-recently-used first
    this.turns.set(key, t);
    while (this.turns.size > this.maxConversations) {
      const oldest = this.turns.keys().next().value;
      if (oldest === undefined) break;
      this.turns.delete(oldest);
    }
  }

  get size(): number {
    return this.turns.size;
  }
}
