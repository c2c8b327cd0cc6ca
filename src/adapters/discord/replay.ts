// Replay protection for HTTP interactions. A valid Ed25519 signature only proves Discord sent
// the bytes once; anyone who captured a request could send it again. So: the signed timestamp
// must be within five minutes of our clock, and an interaction id is accepted once. Ids only
// need remembering for as long as their timestamp is accepted (both directions of clock skew),
// and the set is capped, so memory stays bounded whatever arrives. One process remembers its
// own ids; with a store, `claim` (built in the composition root) refuses a replay on every replica.

/** True when this process is the first to claim `keys` within `ttlMs`, on any replica. */
export type ClaimOnce = (keys: readonly string[], ttlMs: number) => Promise<boolean>;

/** How far a request's timestamp may be from our clock, either way (Discord's and Slack's rule). */
export const REPLAY_WINDOW_MS = 5 * 60_000;

/** True when `timestamp` (Unix seconds, as Discord sends it) is within the window around `nowMs`. */
export function freshTimestamp(timestamp: unknown, nowMs: number, windowMs: number = REPLAY_WINDOW_MS): boolean {
  if (typeof timestamp !== 'string' || !/^\d{1,12}$/.test(timestamp)) return false;
  return Math.abs(nowMs - Number(timestamp) * 1000) <= windowMs;
}

/** Interaction ids seen within the window; the oldest are forgotten first when the cap is reached. */
export class SeenIds {
  private readonly expiry = new Map<string, number>();

  constructor(
    private readonly maxEntries = 20_000,
    private readonly ttlMs: number = 2 * REPLAY_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records `id`; true the first time, false when it was seen (and not yet expired). */
  firstSighting(id: string): boolean {
    const t = this.now();
    const expires = this.expiry.get(id);
    if (expires !== undefined && expires > t) return false;
    this.expiry.delete(id);
    this.expiry.set(id, t + this.ttlMs);
    this.prune(t);
    return true;
  }

  get size(): number {
    return this.expiry.size;
  }

  /** Insertion order is expiry order (one ttl for all): drop expired heads, then any over the cap. */
  private prune(t: number): void {
    for (const [id, expires] of this.expiry) {
      if (expires > t && this.expiry.size <= this.maxEntries) break;
      this.expiry.delete(id);
    }
  }
}
