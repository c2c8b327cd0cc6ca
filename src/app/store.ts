// Part of the composition root: opens the store the settings name — PostgreSQL with DATABASE_URL,
// else the embedded SQLite file in COACH_DATA_DIR (default: .data in the install folder) — and
// keeps it within its retention (COACH_RETENTION_DAYS): pruned at start and every six hours.
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.ts';
import type { Store } from '../core/store.ts';
import type { Logger } from '../ops/logger.ts';
import { openStore } from '../store/open.ts';

export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../.data', import.meta.url));
const DAY_MS = 86_400_000;
const PRUNE_EVERY_MS = 6 * 3_600_000;

export function openConfiguredStore(config: Config): Promise<Store> {
  return openStore({
    ...(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : {}),
    dataDir: config.COACH_DATA_DIR ?? DEFAULT_DATA_DIR,
  });
}

/** Deletes what is past the retention now and every six hours; returns a stop function. */
export function keepRetention(store: Store, config: Config, logger: Logger, now: () => number = Date.now): () => void {
  const prune = () => {
    const t = now();
    store
      .prune(t - config.COACH_RETENTION_DAYS * DAY_MS, t)
      .then((n) => {
        if (n > 0) logger.info({ deleted: n, retentionDays: config.COACH_RETENTION_DAYS }, 'store: pruned old rows');
      })
      .catch((err: unknown) => {
        logger.warn({ err }, 'store: pruning failed; will try again');
      });
  };
  prune();
  const timer = setInterval(prune, PRUNE_EVERY_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
  };
}
