// Part of the composition root: builds the core for one process — knowledge base, NLU, the
// optional host, and the bot with logging and metrics attached.
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.ts';
import { hostQueryDeadlineMs } from '../config-hosts.ts';
import { createBot, type BotDeps } from '../core/bot.ts';
import type { KnowledgeBase } from '../core/ports.ts';
import { diagnosePasted } from '../host/pasted/index.ts';
import { loadErrorCatalogue } from '../knowledge/error-catalogue.ts';
import { loadKnowledge } from '../knowledge/load.ts';
import { createNlu, resolveModelCacheDir } from '../nlu/index.ts';
import { createMessageReader } from '../nlu/reader/index.ts';
import type { Logger } from '../ops/logger.ts';
import { createMetrics, type Metrics } from '../ops/metrics.ts';
import type { ConversationBacking } from '../core/conversation.ts';
import type { Store } from '../core/store.ts';
import { buildHosts } from './host.ts';
import { createLearningRecorder } from './learning.ts';
import type { Runtime } from './types.ts';

/** Conversation context through the store: a follow-up on another replica, or after a restart, stays on topic. */
function storeConversations(store: Store, logger: Logger, metrics: Metrics): ConversationBacking {
  return {
    load: (key, now) => store.getContext(key, now),
    save: (key, payload, expiresAt) => store.putContext(key, payload, expiresAt),
    onError: (err, what) => {
      metrics.storeError(`context_${what}`);
      logger.warn({ err }, `store: could not ${what} conversation context`);
    },
  };
}

export const INTENTS_DIR = fileURLToPath(new URL('../../intents', import.meta.url));
export const ERRORS_DIR = fileURLToPath(new URL('../../errors', import.meta.url));

/**
 * What the bot reads in a message before classifying it: Docker error messages (the catalogue in
 * errors/) and pasted output (read by the host's rules). The benchmarks build their bot with it
 * too, so they measure what people get.
 */
export function messageReading(kb: KnowledgeBase, errorsDir: string = ERRORS_DIR): Pick<BotDeps, 'reader' | 'pasted'> {
  const units = new Set(kb.intents.flatMap((i) => (i.units ?? []).map((u) => `${i.id}/${u.id}`)));
  const errors = loadErrorCatalogue(errorsDir, new Set(kb.intents.map((i) => i.id)), units);
  return { reader: createMessageReader(errors), pasted: { read: (text, request) => diagnosePasted(text, request) } };
}

/** Builds the core: knowledge base, NLU, the optional host, and the bot with logging and metrics. */
export function buildRuntime(config: Config, logger: Logger, opts: { forceHost?: boolean; store?: Store } = {}): Runtime {
  const kb = loadKnowledge(INTENTS_DIR);
  const nlu = createNlu(kb, {
    ...(config.COACH_CONFIDENCE_THRESHOLD !== undefined ? { threshold: config.COACH_CONFIDENCE_THRESHOLD } : {}),
    cache: { dir: resolveModelCacheDir(config.COACH_MODEL_CACHE_DIR), log: logger },
  });
  const metrics = createMetrics({ defaults: true });
  const hosts = buildHosts(config, { force: opts.forceHost ?? false, logger });
  const host = hosts[0]?.host;
  // The learning loop: what was asked and voted goes to the store after each reply.
  const learning = opts.store
    ? createLearningRecorder(opts.store, { storeQuestions: config.COACH_STORE_QUESTIONS }, logger, metrics)
    : undefined;
  const bot = createBot({
    knowledge: kb,
    nlu,
    ...messageReading(kb),
    ...(hosts.length > 0 ? { hosts: hosts.map((h) => ({ name: h.name, host: h.host })) } : {}),
    maxInputChars: config.COACH_MAX_INPUT_CHARS,
    ...(opts.store ? { conversations: storeConversations(opts.store, logger, metrics) } : {}),
    contextTtlMs: config.COACH_CONTEXT_TTL_MINUTES * 60_000,
    hostDeadlineMs: hostQueryDeadlineMs(config.hosts, config.COACH_ENGINE_TIMEOUT_MS),
    onHandled: (r) => {
      metrics.handled(r);
      learning?.answered(r);
      logger.info(
        {
          platform: r.platform,
          intent: r.intent,
          kind: r.kind,
          confidence: Math.round(r.confidence * 1000) / 1000,
          latencyMs: Math.round(r.latencyMs * 10) / 10,
          hostUsed: r.hostUsed,
          ...(r.engineError ? { engineError: r.engineError } : {}),
          ...(config.COACH_LOG_QUESTIONS ? { question: r.text } : {}),
        },
        'answered',
      );
    },
    onError: (err, q) => {
      logger.error({ err, platform: q.platform }, 'error while answering');
    },
    onFeedback: (r) => {
      metrics.feedback(r);
      learning?.voted(r);
      logger.info({ platform: r.platform, intent: r.intent, confidence: r.confidence, vote: r.vote }, 'feedback');
    },
  });
  return {
    config,
    logger,
    metrics,
    bot,
    nlu,
    hosts,
    ...(host ? { host } : {}),
    ...(opts.store && learning ? { store: opts.store, learning } : {}),
  };
}
