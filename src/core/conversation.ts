// Per-conversation memory (platform + channel + thread or user), in memory with a time
// limit, so an elliptical follow-up ("and the stopped ones?") stays on topic.
import type { Entities } from './types.ts';

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
  ) {}

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
    this.turns.delete(key); // re-insert so Map order is least-recently-used first
    this.turns.set(key, { ...turn, at: this.now() });
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
