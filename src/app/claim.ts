// Part of the composition root: "answer this once, whichever replica gets it", built on the
// store's claimOnce. The adapters get a plain function and never see the store. A process first
// checks its own memory (a retry to the same replica costs no round trip), then claims every key
// in the store: a key some replica already claimed means the message is answered elsewhere. A
// store that fails must not lose a question: the claim is then granted (logged and counted), and
// only this process's memory dedupes until the store is back.
import type { Store } from '../core/store.ts';
import type { Logger } from '../ops/logger.ts';
import type { Metrics } from '../ops/metrics.ts';

/** True when this process is the first to claim `keys` (within `ttlMs`); false when any was claimed before. */
export type Claim = (keys: readonly string[], ttlMs: number) => Promise<boolean>;

const LOCAL_MAX = 20_000;

export function createStoreClaim(
  store: Store,
  metrics: Pick<Metrics, 'storeError'>,
  logger: Pick<Logger, 'warn'>,
  now: () => number = Date.now,
): Claim {
  const local = new Map<string, number>();

  function seenLocally(keys: readonly string[], t: number, ttlMs: number): boolean {
    const seen = keys.some((k) => (local.get(k) ?? 0) > t);
    for (const k of keys) {
      local.delete(k);
      local.set(k, t + ttlMs);
    }
    // Insertion order is (roughly) expiry order: drop the oldest past the cap.
    for (const k of local.keys()) {
      if (local.size <= LOCAL_MAX) break;
      local.delete(k);
    }
    return seen;
  }

  return async (keys, ttlMs) => {
    const t = now();
    if (seenLocally(keys, t, ttlMs)) return false;
    try {
      // One key at a time, in one order every replica shares, stopping at the first refused. Claimed
      // all at once, two replicas could each win one key of the same message and both refuse it (the
      // question lost, seen in CI); in a shared order the one that loses the smallest key stops there,
      // so someone always answers. A winner claims every key, so a later copy under any is refused.
      for (const k of [...new Set(keys)].sort()) {
        if (!(await store.claimOnce(k, t + ttlMs, t))) return false;
      }
      return true;
    } catch (err) {
      metrics.storeError('claim');
      logger.warn({ err, engine: store.engine }, 'store: could not claim a message; answering it anyway');
      return true;
    }
  };
}
