// Small bounded, expiring maps: which events were already answered (Slack retries an event when
// it thinks the ack was lost) and which ephemeral answers can still be shared. Bounded so a
// flood cannot grow memory; expiring because Slack stops retrying after about an hour and a
// response_url lives 30 minutes.

/**
 * "Answer this once": true when this process is the first to claim `keys` within `ttlMs`, false
 * when any of them was claimed before, by this replica or another. The composition root builds it
 * on the store; without one, `localClaim` remembers in this process only.
 */
export type ClaimOnce = (keys: readonly string[], ttlMs: number) => Promise<boolean>;

/** A ClaimOnce over this process's memory (one replica, or no store). */
export function localClaim(map: RecentMap<true>): ClaimOnce {
  return (keys) => Promise.resolve(!map.seenBefore(keys, true));
}
export class RecentMap<V> {
  private readonly items = new Map<string, { value: V; expires: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): V | undefined {
    const hit = this.items.get(key);
    if (!hit) return undefined;
    if (hit.expires <= this.now()) {
      this.items.delete(key);
      return undefined;
    }
    return hit.value;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  set(key: string, value: V): void {
    this.items.delete(key);
    this.items.set(key, { value, expires: this.now() + this.ttlMs });
    // Maps iterate in insertion order: the first keys are the oldest.
    for (const k of this.items.keys()) {
      if (this.items.size <= this.maxEntries) break;
      this.items.delete(k);
    }
  }

  /** Records `keys` and says whether any of them was already there (one atomic check-and-set). */
  seenBefore(keys: readonly string[], value: V): boolean {
    const seen = keys.some((k) => this.has(k));
    for (const k of keys) this.set(k, value);
    return seen;
  }

  get size(): number {
    return this.items.size;
  }
}
