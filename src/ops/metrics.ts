// Prometheus metrics (prom-client) on a registry of our own, so tests can make many.
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { FeedbackRecord, HandledRecord } from '../core/ports.ts';

export interface Metrics {
  readonly registry: Registry;
  handled(r: HandledRecord): void;
  feedback(r: FeedbackRecord): void;
}

export function createMetrics(opts: { defaults?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (opts.defaults) collectDefaultMetrics({ register: registry, prefix: 'coach_' });
  const questions = new Counter({
    name: 'coach_questions_total',
    help: 'Questions answered, by intent and platform',
    labelNames: ['intent', 'platform'] as const,
    registers: [registry],
  });
  const none = new Counter({
    name: 'coach_none_answers_total',
    help: 'Questions that matched no intent',
    labelNames: ['platform'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'coach_answer_latency_seconds',
    help: 'Time to answer a question',
    labelNames: ['platform', 'host_used'] as const,
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const engineErrors = new Counter({
    name: 'coach_engine_errors_total',
    help: 'Docker engine requests that failed, by kind (no_socket, permission_denied, timeout, refused, …)',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  const votes = new Counter({
    name: 'coach_feedback_total',
    help: 'Feedback clicks on answers',
    labelNames: ['vote', 'platform'] as const,
    registers: [registry],
  });
  return {
    registry,
    handled(r) {
      questions.inc({ intent: r.intent, platform: r.platform });
      if (r.intent === 'none') none.inc({ platform: r.platform });
      latency.observe({ platform: r.platform, host_used: String(r.hostUsed) }, r.latencyMs / 1000);
      if (r.engineError) engineErrors.inc({ kind: r.engineError });
    },
    feedback(r) {
      votes.inc({ vote: r.vote, platform: r.platform });
    },
  };
}
