// The composition root's shared shape (a leaf: imports only types from inner layers), so the
// files of src/app/ and the entry src/main.ts never need to import each other for it.
import type { Config } from '../config.ts';
import type { ConnectedHost } from './host.ts';
import type { Bot } from '../core/bot.ts';
import type { HostPort, Nlu } from '../core/ports.ts';
import type { Learning } from '../course/learning.ts';
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
  /** The default host, when any is connected (health checks ping it). */
  host?: HostPort;
  /** Every connected host, the default first (empty when none). */
  hosts?: ConnectedHost[];
  /** The store (`coach start`): conversation memory, feedback, the learning loop. */
  store?: Store;
  /** Writes what was asked and voted to the store after each reply. */
  learning?: { flush(): Promise<void> };
  /** The onboarding course on that store (`coach start`): `/docker learn`, welcome, the one reminder. */
  course?: Learning;
}
