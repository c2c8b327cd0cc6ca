// The composition root's shared shape (a leaf: imports only types from inner layers), so the
// files of src/app/ and the entry src/main.ts never need to import each other for it.
import type { Config } from '../config.ts';
import type { Bot } from '../core/bot.ts';
import type { HostPort, Nlu } from '../core/ports.ts';
import type { Store } from '../core/store.ts';
import type { Logger } from '../ops/logger.ts';
import type { Metrics } from '../ops/metrics.ts';

/** Everything `coach` builds once per process, handed to the command that needs it. */
export interface Runtime {
  config: Config;
  logger: Logger;
  metrics: Metrics;
  bot: Bot;
  nlu: Nlu;
  host?: HostPort;
  /** The store (`coach start`): conversation memory, feedback, the learning loop. */
  store?: Store;
  /** Writes what was asked and voted to the store after each reply. */
  learning?: { flush(): Promise<void> };
}
