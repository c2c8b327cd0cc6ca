// npm run bench:units — the real bot (intents/, trained NLU, no host) on the answer-unit sets of
// issue 13: topic right @1 and @2, unit-or-article right, near misses declined, and how long the
// answers are. `--misses` lists what went wrong; `--json` prints one JSON line instead of the table.
// `--set blind` scores the blind sets (written without reading the training data) instead.
// An answer without `unit` counts as the article (today's bot has no unit picking).
import { fileURLToPath } from 'node:url';
import { messageReading } from '../src/app/runtime.ts';
import { createBot } from '../src/core/bot.ts';
import type { Answer, Block } from '../src/core/types.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { createNlu } from '../src/nlu/index.ts';
import { loadEvalSet, loadNearMisses, sameUnitOf, scoreUnits, type Choice, type Reply, type UnitsScore } from './units-eval.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../test/fixtures/${name}`, import.meta.url));

/** Question file and near-miss file of each named set; `own` is the default. */
export const SETS = {
  own: ['units-eval.jsonl', 'units-near-misses.jsonl'],
  blind: ['units-blind.jsonl', 'units-near-misses-blind.jsonl'],
  blind2: ['units-blind2.jsonl', 'units-near-misses-blind2.jsonl'],
  blind3: ['units-blind3.jsonl', 'units-near-misses-blind3.jsonl'],
  blind4: ['units-blind4.jsonl', 'units-near-misses-blind4.jsonl'],
  // blind5: public-style questions written by a helper from reading public posts via search; labelled from unit questions and answers only.
  blind5: ['units-blind5.jsonl', 'units-near-misses-blind5.jsonl'],
} as const;
export type SetName = keyof typeof SETS;

/** The set named by `--set NAME` in argv, `own` without it; throws on an unknown name. */
export function setFromArgs(argv: readonly string[]): SetName {
  const at = argv.indexOf('--set');
  if (at === -1) return 'own';
  const name = argv[at + 1] ?? '';
  if (!Object.hasOwn(SETS, name)) throw new Error(`--set takes one of: ${Object.keys(SETS).join(', ')} (got "${name}")`);
  return name as SetName;
}

const countWords = (s: string): number => s.split(/\s+/).filter(Boolean).length;

function blockWords(b: Block): number {
  switch (b.type) {
    case 'text':
      return countWords(b.text);
    case 'list':
      return b.items.reduce((n, i) => n + countWords(i), 0);
    case 'code':
      return countWords(b.code);
    case 'table':
      return [b.header, ...b.rows].flat().reduce((n, c) => n + countWords(c), 0);
  }
}

/** Words the person reads: the title and every block. */
export function answerWords(a: Answer): number {
  return countWords(a.title) + a.blocks.reduce((n, b) => n + blockWords(b), 0);
}

/** A ref may carry a unit (`unit`, or an intent written as `<intent>/<unit>`) once units are offered. */
function toChoice(ref: { intent: string; unit?: unknown }): Choice {
  const [intent = ref.intent, unit] = ref.intent.split('/', 2);
  const u = typeof ref.unit === 'string' ? ref.unit : unit;
  return u === undefined ? { intent } : { intent, unit: u };
}

export function toReply(a: Answer | null): Reply {
  if (!a) return { intent: 'none', words: 0 };
  // `unit` is added to Answer by the unit-picking work; read it without depending on it.
  const unit = (a as Answer & { unit?: unknown }).unit;
  return {
    intent: a.intent,
    ...(typeof unit === 'string' ? { unit } : {}),
    offered: a.suggestions.map((s) => toChoice(s)),
    words: answerWords(a),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function table(s: UnitsScore): string {
  const rows: [string, string, string][] = [
    ['topic right @1', pct(s.topicAt1), `${String(s.questions)} questions`],
    ['topic right @2', pct(s.topicAt2), 'first answer or the second choice offered'],
    ['unit or article right', pct(s.unitOrArticle), `${String(s.unitOrArticleN)} labelled (goal ≥ 95%)`],
    ['article instead of unit', pct(s.articleInsteadOfUnit), `of ${String(s.unitLabelled)} unit questions, right topic`],
    ['near misses declined', pct(s.nearMissDeclined), `${String(s.nearMisses)} near misses (goal ≥ 90%)`],
    ['answer length p50', `${String(s.wordsP50)} words`, 'title + blocks, eval questions'],
    ['answer length p90', `${String(s.wordsP90)} words`, ''],
  ];
  return ['| measure | value | note |', '|---|---:|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function printMisses(s: UnitsScore): void {
  for (const [kind, list] of Object.entries(s.misses)) {
    console.log(`\n## ${kind} misses (${String(list.length)})`);
    for (const m of list) console.log(`- ${m.text}  →  ${m.got}  (expected ${m.expected})`);
  }
}

async function main(): Promise<void> {
  const [questions, nearMisses] = SETS[setFromArgs(process.argv)];
  const kb = loadKnowledge(fileURLToPath(new URL('../intents', import.meta.url)));
  const bot = createBot({ knowledge: kb, nlu: createNlu(kb), ...messageReading(kb) });
  let n = 0;
  // A fresh conversation per question: each is asked cold, as in a new thread.
  const handle = async (text: string) =>
    toReply(await bot.handle({ text, platform: 'test', conversation: `units-${String(n++)}`, hostAllowed: false }));
  const score = await scoreUnits(handle, loadEvalSet(fixture(questions)), loadNearMisses(fixture(nearMisses)), sameUnitOf(kb));
  if (process.argv.includes('--json')) {
    const { misses: _misses, ...numbers } = score;
    console.log(JSON.stringify(numbers));
    return;
  }
  console.log(table(score));
  if (process.argv.includes('--misses')) printMisses(score);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
