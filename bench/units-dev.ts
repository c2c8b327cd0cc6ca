// npx tsx bench/units-dev.ts [--misses] [--json] [--scan] [--set=<file>] — the real bot (intents/, trained NLU, no host) on
// the development set of answer units (test/fixtures/units-dev.jsonl): the set the unit picking is
// tuned on, so that units-eval.jsonl (bench:units) stays a checkpoint measurement only. Same scorer
// and same columns as bench:units. `--scan` also tries the NLU alone (no bot) with the joint topic
// weighing off and at several JOINT_POWER values (nlu/units.ts, jointTopic).
import { fileURLToPath } from 'node:url';
import { messageReading } from '../src/app/runtime.ts';
import { createBot } from '../src/core/bot.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';
import type { KnowledgeBase } from '../src/core/ports.ts';
import { NONE } from '../src/nlu/classifier.ts';
import { withoutFraming } from '../src/nlu/framing.ts';
import { createNlu, trainIntentClassifier } from '../src/nlu/index.ts';
import { createUnitPicker, jointTopic, withUnit } from '../src/nlu/units.ts';
import { loadEvalSet, sameUnitOf, scoreUnits, type EvalItem } from './units-eval.ts';
import { toReply } from './units.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../test/fixtures/${name}`, import.meta.url));
/** `--set=<file under test/fixtures>` measures another labelled set the same way (default: the development set). */
const setName = () => process.argv.find((a) => a.startsWith('--set='))?.slice('--set='.length) ?? 'units-dev.jsonl';
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Topic @1 and unit-or-article of the NLU alone, with the joint weighing at `power` (null: off). */
function scan(kb: KnowledgeBase, items: EvalItem[]): void {
  const intents = trainIntentClassifier(kb);
  const picker = createUnitPicker(kb);
  const pick = { pick: (intent: string, text: string) => picker.pick(intent, withoutFraming(text)) };
  console.log('\n| joint power | topic @1 | unit or article |\n|---|---:|---:|');
  for (const power of [null, 0.25, 0.5, 0.75, 1, 1.5, 2]) {
    let topic = 0;
    let right = 0;
    for (const item of items) {
      const c = intents.classify(item.text);
      const joined = power === null || c.intent === NONE ? c : jointTopic(c, pick, item.text, power);
      const a = withUnit({ ...joined, alternatives: [] }, pick, item.text);
      if (a.intent === item.intent) topic++;
      if (a.intent === item.intent && (a.unit === undefined ? item.unit === null : item.unit === `${a.intent}/${a.unit}`)) right++;
    }
    console.log(`| ${power === null ? 'off' : String(power)} | ${pct(topic / items.length)} | ${pct(right / items.length)} |`);
  }
}

async function main(): Promise<void> {
  const kb = loadKnowledge(fileURLToPath(new URL('../intents', import.meta.url)));
  const bot = createBot({ knowledge: kb, nlu: createNlu(kb), ...messageReading(kb) });
  let n = 0;
  const handle = async (text: string) =>
    toReply(await bot.handle({ text, platform: 'test', conversation: `dev-${String(n++)}`, hostAllowed: false }));
  const items = loadEvalSet(fixture(setName()));
  const s = await scoreUnits(handle, items, [], sameUnitOf(kb));
  const { misses, ...numbers } = s;
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(numbers));
    return;
  }
  console.log('| measure | value |\n|---|---:|');
  console.log(`| topic right @1 | ${pct(s.topicAt1)} (${String(s.questions)} questions) |`);
  console.log(`| topic right @2 | ${pct(s.topicAt2)} |`);
  console.log(`| unit or article right | ${pct(s.unitOrArticle)} (${String(s.unitOrArticleN)} labelled) |`);
  console.log(`| article instead of unit | ${pct(s.articleInsteadOfUnit)} |`);
  console.log(`| answer length p50 / p90 | ${String(s.wordsP50)} / ${String(s.wordsP90)} words |`);
  if (process.argv.includes('--scan')) scan(kb, items);
  if (process.argv.includes('--misses'))
    for (const [kind, list] of Object.entries(misses)) {
      if (kind === 'nearMiss') continue;
      console.log(`\n## ${kind} misses (${String(list.length)})`);
      for (const m of list) console.log(`- ${m.text.replace(/\n/g, ' ⏎ ')}  →  ${m.got}  (expected ${m.expected})`);
    }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
