// The bot as `coach why|ps|images` gets it: the real knowledge base and core over a given host,
// with an Nlu whose classifier counts its calls and refuses to answer — the host commands must
// never classify (an explicit command names its intent), so a trained classifier is not needed.
import { fileURLToPath } from 'node:url';
import { createBot, type Bot, type BotDeps } from '../../src/core/bot.ts';
import type { HostPort, KnowledgeBase, Nlu } from '../../src/core/ports.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { extractEntities } from '../../src/nlu/entities.ts';

const INTENTS_DIR = fileURLToPath(new URL('../../intents', import.meta.url));
let kb: KnowledgeBase | undefined;

export interface HostBot extends Bot {
  /** How many times the classifier was asked (it throws when it is). */
  classifyCalls(): number;
}

export function untrainedNlu(): Nlu & { calls: number } {
  const nlu = {
    calls: 0,
    classify(): never {
      nlu.calls++;
      throw new Error('the classifier is not trained: this path must not classify');
    },
    entities: (text: string) => extractEntities(text),
    explain: () => null,
  };
  return nlu;
}

export function hostBot(host?: HostPort, over: Partial<BotDeps> = {}): HostBot {
  kb ??= loadKnowledge(INTENTS_DIR);
  const nlu = untrainedNlu();
  const bot = createBot({ knowledge: kb, nlu, ...(host ? { host } : {}), ...over });
  return { ...bot, classifyCalls: () => nlu.calls };
}
