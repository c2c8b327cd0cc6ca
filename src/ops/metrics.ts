// Prometheus metrics (prom-client) on a registry of our own, so tests can make many.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { FeedbackRecord, HandledRecord } from '../core/ports.ts';

export interface Metrics {
  readonly registry: Registry;
  handled(r: HandledRecord): void;
  feedback(r: FeedbackRecord): void;
  /** A question turned away by a limit (scope: the person's or the whole process's). */
  busy(platform: string, scope: 'user' | 'total'): void;
  /** A notice sent instead of an answer (busy, restarting, timeout, failed). */
  notice(platform: string, kind: string): void;
  /** Questions held right now (waiting or being answered). */
  held(n: number): void;
  /** An answer or notice the platform did not take. */
  deliveryFailed(platform: string): void;
  /** An error nothing else caught (unhandledRejection, uncaughtException); the process kept serving. */
  processError(kind: string): void;
  /** A store write that failed (question, vote, context, claim) or was dropped; answering went on. */
  storeError(what: string): void;
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
  const busy = new Counter({
    name: 'coach_busy_answers_total',
    help: 'Questions answered "busy, try again in a moment" because a limit was reached, by scope (user, total)',
    labelNames: ['platform', 'scope'] as const,
    registers: [registry],
  });
  const notices = new Counter({
    name: 'coach_notices_total',
    help: 'Notices sent instead of an answer, by kind (busy, restarting, timeout, failed)',
    labelNames: ['platform', 'kind'] as const,
    registers: [registry],
  });
  const held = new Gauge({ name: 'coach_questions_held', help: 'Questions waiting or being answered', registers: [registry] });
  const deliveryFailures = new Counter({
    name: 'coach_delivery_failures_total',
    help: 'Answers or notices the platform did not take',
    labelNames: ['platform'] as const,
    registers: [registry],
  });
  const processErrors = new Counter({
    name: 'coach_process_errors_total',
    help: 'Errors nothing else caught; logged, and the process kept serving',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  const storeErrors = new Counter({
    name: 'coach_store_errors_total',
    help: 'Store reads or writes that failed or were dropped, by what (question, vote, context, claim, dropped); answering went on',
    labelNames: ['what'] as const,
    registers: [registry],
  });
  return {
    registry,
    storeError: (what) => {
      storeErrors.inc({ what });
    },
    busy: (platform, scope) => {
      busy.inc({ platform, scope });
    },
    notice: (platform, kind) => {
      notices.inc({ platform, kind });
    },
    held: (n) => {
      held.set(n);
    },
    deliveryFailed: (platform) => {
      deliveryFailures.inc({ platform });
    },
    processError: (kind) => {
      processErrors.inc({ kind });
    },
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
