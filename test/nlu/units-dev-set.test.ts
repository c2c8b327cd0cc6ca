// The development set of answer units (test/fixtures/units-dev.jsonl, the set the unit picking is
// tuned on; bench/units-dev.ts) stays a measurement: every label exists, and no question is a
// near-copy of a training phrasing (intent or unit examples), so tuning on it cannot turn into
// copying it into intents/.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { jaccard, loadEvalSet, wordSet } from '../../bench/units-eval.ts';
import { knowledgeBase } from '../helpers/bot.ts';

const items = loadEvalSet(fileURLToPath(new URL('../fixtures/units-dev.jsonl', import.meta.url)));
const kb = knowledgeBase();
const NEAR_COPY = 0.6;

describe('units development set', () => {
  it('is big enough, covers every intent, and labels a unit or broad on every line', () => {
    expect(items.length).toBeGreaterThanOrEqual(200);
    const covered = new Set(items.map((i) => i.intent));
    expect(kb.intents.map((i) => i.id).filter((id) => !covered.has(id))).toEqual([]);
    expect(items.filter((i) => i.broad === (i.unit !== null)).map((i) => i.text)).toEqual([]);
  });

  it('labels only units that exist under the labelled intent', () => {
    const bad = items.filter((item) => {
      if (item.unit === null) return kb.get(item.intent) === undefined;
      const [owner, unitId] = item.unit.split('/');
      return owner !== item.intent || !(kb.get(item.intent)?.units ?? []).some((u) => u.id === unitId);
    });
    expect(bad.map((i) => i.text)).toEqual([]);
  });

  it('holds no near-copy of an intent or unit example', () => {
    const training = kb.intents.flatMap((i) => [...i.examples, ...(i.units ?? []).flatMap((u) => [u.question, ...u.examples])]);
    const sets = training.map((t) => ({ t, w: wordSet(t) }));
    const copies = items.flatMap((q) => {
      const w = wordSet(q.text);
      const hit = sets.find((s) => jaccard(w, s.w) >= NEAR_COPY);
      return hit ? [`${q.text} ~ ${hit.t}`] : [];
    });
    expect(copies).toEqual([]);
  });
});
