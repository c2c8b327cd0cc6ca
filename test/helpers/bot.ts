// Builds the real bot (real knowledge base, real NLU) for tests; pass a host to connect one.
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { createBot, type Bot, type BotDeps } from '../../src/core/bot.ts';
import type { HostPort, KnowledgeBase, Nlu } from '../../src/core/ports.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { createNlu } from '../../src/nlu/index.ts';

export const INTENTS_DIR = fileURLToPath(new URL('../../intents', import.meta.url));

let kbCached: KnowledgeBase | undefined;
let cached: { kb: KnowledgeBase; nlu: Nlu } | undefined;

/** The knowledge base alone (no training): for tests that only read titles and texts. */
export function knowledgeBase(): KnowledgeBase {
  kbCached ??= loadKnowledge(INTENTS_DIR);
  return kbCached;
}

/** The run's model cache (test/global-setup.ts): trained once per run, loaded by every other test file. */
export function testModelCacheDir(): string {
  return inject('modelCacheDir');
}

/** The knowledge base and trained NLU, built once per test file (its model from the run's cache). */
export function realParts(): { kb: KnowledgeBase; nlu: Nlu } {
  if (!cached) {
    const kb = knowledgeBase();
    cached = { kb, nlu: createNlu(kb, { cache: { dir: testModelCacheDir() } }) };
  }
  return cached;
}

/**
 * A bot on the real parts, its classifier loaded (or trained) before it is handed out, as the
 * service does before any adapter connects (src/app/service.ts): a test that times an answer
 * ("answers at once" within Discord's 3 s) never times a first training.
 */
export function makeTestBot(opts: { host?: HostPort } & Partial<BotDeps> = {}): Bot {
  const { kb, nlu } = realParts();
  nlu.classify('what is a docker image');
  return createBot({ knowledge: kb, nlu, ...opts });
}
