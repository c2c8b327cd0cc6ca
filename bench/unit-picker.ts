// npx tsx bench/unit-picker.ts — the unit picker on the fixture units (test/fixtures/units/): how often
// the first answer is the right unit (or, for a broad question, the article), how often the right
// one is the answer or the offered choice, and how often a choice is offered; for the per-intent
// models the product uses (nlu/units.ts) and, to compare, one model over every unit. Also scans
// the two thresholds (UNIT_MIN, CLOSE_RATIO) so their values can be checked against the data.
import type { Classification, KnowledgeBase } from '../src/core/ports.ts';
import { trainClassifier, type TrainingExample } from '../src/nlu/classifier.ts';
import { outOfScopeFactor } from '../src/nlu/domain.ts';
import { trainIntentClassifier, trainingExamples } from '../src/nlu/index.ts';
import { OUT_OF_SCOPE } from '../src/nlu/out-of-scope.ts';
import { CLOSE_RATIO, createUnitPicker, UNIT_MIN, withUnit } from '../src/nlu/units.ts';
import { intentsWithFixtureUnits, unitEvalSet, type UnitCase } from '../test/helpers/unit-fixture.ts';

interface Score {
  right: number;
  topic: number;
  rightOrOffered: number;
  offered: number;
  n: number;
}

const ref = (c: { intent: string; unit?: string }) => (c.unit !== undefined ? `${c.intent}/${c.unit}` : c.intent);

function score(cases: UnitCase[], answer: (t: string) => Classification): Score {
  const s: Score = { right: 0, topic: 0, rightOrOffered: 0, offered: 0, n: cases.length };
  for (const c of cases) {
    const a = answer(c.text);
    const got = ref(a);
    const offered = a.close ? ref(a.close) : undefined;
    if (got === c.expect) s.right++;
    if (a.intent === c.expect.split('/')[0]) s.topic++;
    if (got === c.expect || offered === c.expect) s.rightOrOffered++;
    if (offered) s.offered++;
  }
  return s;
}

/** One model whose labels are every unit (`intent/unit`) and every article (`intent`). */
function oneModel(kb: KnowledgeBase): (t: string) => Classification {
  const examples: TrainingExample[] = [
    ...trainingExamples(kb).filter((e) => !kb.get(e.intent)?.units?.some((u) => u.examples.includes(e.text) || u.question === e.text)),
    ...kb.intents.flatMap((i) =>
      (i.units ?? []).flatMap((u) => [...u.examples, u.question].map((text) => ({ text, intent: `${i.id}/${u.id}` }))),
    ),
  ];
  const c = trainClassifier(examples, { outOfScope: OUT_OF_SCOPE, outOfScopeFactor });
  return (t) => {
    const r = c.classify(t);
    const [intent = r.intent, unit] = r.intent.split('/');
    const second = r.alternatives[0];
    const close =
      second && second.confidence >= CLOSE_RATIO * r.confidence ? { intent: second.intent, confidence: second.confidence } : undefined;
    return { ...r, intent, ...(unit ? { unit } : {}), ...(close ? { close } : {}) };
  };
}

const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;
const row = (name: string, s: Score) =>
  `| ${name} | ${pct(s.right, s.n)} | ${pct(s.topic, s.n)} | ${pct(s.rightOrOffered, s.n)} | ${pct(s.offered, s.n)} |`;

const fixture = intentsWithFixtureUnits();
try {
  const cases = unitEvalSet();
  const intents = trainIntentClassifier(fixture.kb);
  const picker = createUnitPicker(fixture.kb);
  const lines = [
    `Fixture units: ${fixture.kb.intents.reduce((n, i) => n + (i.units?.length ?? 0), 0)}; held-out questions: ${cases.length}`,
    '',
    '| system | right answer first | right topic | right first or offered | choice offered |',
    '|---|---|---|---|---|',
    row(
      `per-intent unit models (product; UNIT_MIN ${UNIT_MIN}, CLOSE_RATIO ${CLOSE_RATIO})`,
      score(cases, (t) => withUnit(intents.classify(t), picker, t)),
    ),
    row('one model over every unit and article', score(cases, oneModel(fixture.kb))),
  ];
  console.log(lines.join('\n'));
  if (process.argv.includes('--scan')) {
    console.log('\n| UNIT_MIN | right first |\n|---|---|');
    for (const min of [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6]) {
      const s = score(cases, (t) => {
        const c = withUnit(intents.classify(t), picker, t);
        const p = picker.pick(c.intent, t).ranked[0];
        return p?.unit !== undefined && p.confidence >= min
          ? { ...c, unit: p.unit }
          : { intent: c.intent, confidence: c.confidence, alternatives: [] };
      });
      console.log(`| ${min} | ${pct(s.right, s.n)} |`);
    }
    for (const c of cases) {
      const a = withUnit(intents.classify(c.text), picker, c.text);
      if (ref(a) !== c.expect)
        console.log(
          `miss: "${c.text}" → ${ref(a)} (${a.confidence})${a.close ? ` / offered ${ref(a.close)}` : ''}; expected ${c.expect}; ${JSON.stringify(picker.pick(a.intent, c.text).ranked.slice(0, 3))}`,
        );
    }
  }
} finally {
  fixture.remove();
}
