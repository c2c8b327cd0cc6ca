// Part of the composition root: the one question lifecycle every adapter answers through,
// with the limits from the configuration and its events counted in /metrics and logged.
import { createLifecycle, type Lifecycle } from '../runtime/lifecycle.ts';
import type { Runtime } from './types.ts';

export function buildLifecycle(rt: Runtime): Lifecycle {
  const { config, metrics, logger } = rt;
  return createLifecycle({
    bot: rt.bot,
    limits: {
      perUser: config.COACH_MAX_QUESTIONS_PER_USER,
      total: config.COACH_MAX_QUESTIONS,
      concurrency: config.COACH_ANSWER_CONCURRENCY,
    },
    answerTimeoutMs: config.COACH_ANSWER_TIMEOUT_MS,
    events: {
      busy: (q, scope) => {
        metrics.busy(q.platform, scope);
        logger.warn({ platform: q.platform, scope }, 'busy: a question was turned away by a limit');
      },
      notice: (q, kind) => {
        metrics.notice(q.platform, kind);
      },
      held: (n) => {
        metrics.held(n);
      },
      deliveryFailed: (err, q) => {
        metrics.deliveryFailed(q.platform);
        logger.error({ err, platform: q.platform }, 'could not deliver an answer or notice');
      },
    },
  });
}
