// Builds the real bot (real knowledge base, real NLU) for tests; pass a host to connect one.
import { join } from 'node:path';
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

/**
 * The NLU of `kb`, its models in the run's cache (or in `folder` of it), loaded (or trained) now,
 * in the caller's set-up, as the service does before any adapter connects (src/app/service.ts): a
 * test never pays for a first training inside its own time limit.
 */
export function readyNlu(kb: KnowledgeBase, folder?: string): Nlu {
  const nlu = createNlu(kb, { cache: { dir: folder ? join(testModelCacheDir(), folder) : testModelCacheDir() } });
  nlu.classify('what is a docker image');
  return nlu;
}

/** The knowledge base and trained NLU, built once per test file (its model from the run's cache). */
export function realParts(): { kb: KnowledgeBase; nlu: Nlu } {
  if (!cached) {
    const kb = knowledgeBase();
    cached = { kb, nlu: readyNlu(kb) };
  }
  return cached;
}

/** A bot on the real parts, its classifier already loaded (readyNlu): "answers at once" never times a first training. */
export function makeTestBot(opts: { host?: HostPort } & Partial<BotDeps> = {}): Bot {
  const { kb, nlu } = realParts();
  return createBot({ knowledge: kb, nlu, ...opts });
}
