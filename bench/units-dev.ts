// npx tsx bench/units-dev.ts [--misses] [--json] — the real bot (intents/, trained NLU, no host) on
// the development set of answer units (test/fixtures/units-dev.jsonl): the set the unit picking is
// tuned on, so that units-eval.jsonl (bench:units) stays a checkpoint measurement only. Same scorer
// and same columns as bench:units.
import { fileURLToPath } from 'node:url';
import { createBot } from '../src/core/bot.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { createNlu } from '../src/nlu/index.ts';
import { loadEvalSet, scoreUnits } from './units-eval.ts';
import { toReply } from './units.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../test/fixtures/${name}`, import.meta.url));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

async function main(): Promise<void> {
  const kb = loadKnowledge(fileURLToPath(new URL('../intents', import.meta.url)));
  const bot = createBot({ knowledge: kb, nlu: createNlu(kb) });
  let n = 0;
  const handle = async (text: string) =>
    toReply(await bot.handle({ text, platform: 'test', conversation: `dev-${String(n++)}`, hostAllowed: false }));
  const s = await scoreUnits(handle, loadEvalSet(fixture('units-dev.jsonl')), []);
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
  if (process.argv.includes('--misses'))
    for (const [kind, list] of Object.entries(misses)) {
      if (kind === 'nearMiss') continue;
      console.log(`\n## ${kind} misses (${String(list.length)})`);
      for (const m of list) console.log(`- ${m.text.replace(/\n/g, ' ⏎ ')}  →  ${m.got}  (expected ${m.expected})`);
    }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
