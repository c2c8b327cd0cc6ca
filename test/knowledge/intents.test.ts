// The real knowledge base: it loads without problems and holds every catalogue id.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { missingIntentIds, REQUIRED_INTENT_IDS } from '../../src/knowledge/catalogue.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';

const INTENTS_DIR = fileURLToPath(new URL('../../intents', import.meta.url));

describe('intents/', () => {
  it('the catalogue has 35 distinct ids', () => {
    expect(new Set(REQUIRED_INTENT_IDS).size).toBe(35);
  });

  it('validates and holds exactly the 35 catalogue ids', () => {
    const kb = loadKnowledge(INTENTS_DIR); // throws a KnowledgeError listing every problem
    expect(missingIntentIds(kb.intents.map((i) => i.id))).toEqual([]);
    const extra = kb.intents.map((i) => i.id).filter((id) => !(REQUIRED_INTENT_IDS as readonly string[]).includes(id));
    expect(extra).toEqual([]);
  });
});
