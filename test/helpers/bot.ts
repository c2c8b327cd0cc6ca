// Builds the real bot (real knowledge base, real NLU) for tests; pass a host to connect one.
import { fileURLToPath } from 'node:url';
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

/** The knowledge base and trained NLU, built once per test file. */
export function realParts(): { kb: KnowledgeBase; nlu: Nlu } {
  if (!cached) {
    const kb = knowledgeBase();
    cached = { kb, nlu: createNlu(kb) };
  }
  return cached;
}

export function makeTestBot(opts: { host?: HostPort } & Partial<BotDeps> = {}): Bot {
  const { kb, nlu } = realParts();
  return createBot({ knowledge: kb, nlu, ...opts });
}
