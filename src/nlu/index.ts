// INTERIM (to be replaced by the classifier on `natural`, entity extraction and the explainer).
import type { Classification, KnowledgeBase, Nlu } from '../core/ports.ts';
import { emptyEntities } from '../core/types.ts';

export function createNlu(kb: KnowledgeBase): Nlu {
  const words = (s: string) => new Set(s.toLowerCase().match(/[a-z0-9]+/g) ?? []);
  const bags = kb.intents.map((i) => ({ id: i.id, bags: i.examples.map(words) }));
  return {
    classify(text: string): Classification {
      const w = words(text);
      const scored = bags
        .map((b) => ({
          intent: b.id,
          confidence: Math.max(0, ...b.bags.map((e) => [...w].filter((x) => e.has(x)).length / Math.max(1, new Set([...w, ...e]).size))),
        }))
        .sort((a, b) => b.confidence - a.confidence);
      const top = scored[0];
      if (!top || top.confidence < 0.3) return { intent: 'none', confidence: 0, alternatives: scored.slice(0, 3) };
      return { intent: top.intent, confidence: top.confidence, alternatives: scored.slice(1, 4) };
    },
    entities: () => emptyEntities(),
    explain: () => null,
  };
}
