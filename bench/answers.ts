// npm run bench:answers — how many messages of each set the bot answers right, side by side with
// the previous release (b1b82fa), in one run. Sets (bench/answer-sets.ts): the error pastes, the
// prose + command messages, the pasted-output questions and the held-out set written the way
// people post in channels. "Right" (one checker for both releases): the answer is on the right
// topic (for an error paste, the topic of its errors/ entry; for pasted output, a topic that
// explains a code it shows), its rendered text (the terminal renderer, plain) contains every
// "says" term, and it never runs a command of the message on into the prose after it.
//
// The old release's answers are stored, not rebuilt: bench/baseline-answers.ts runs the old bot
// over the same messages once and writes bench/baselines/b1b82fa-answers.jsonl. Re-run it after
// changing a set (this script says which messages it has no old answer for).
//
//   npm run bench:answers            the table (also written to bench/results/answers.md)
//   npm run bench:answers -- -v      and every message the current bot gets wrong, with why
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderAnswer } from '../src/adapters/cli/render.ts';
import { createBot } from '../src/core/bot.ts';
import { diagnosePasted } from '../src/host/pasted/index.ts';
import { loadErrorCatalogue } from '../src/knowledge/error-catalogue.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { createNlu } from '../src/nlu/index.ts';
import { createMessageReader } from '../src/nlu/reader/index.ts';
import { SETS, check, codeOf, loadSet, percentile, wordCount, type Row, type Topics, type Verdict } from './answer-sets.ts';
import { BASELINE_FILE, BASELINE_REF } from './baseline-answers.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const verbose = process.argv.includes('-v');

interface Scored {
  right: number;
  leaks: number;
  words: number[];
  wrong: string[];
  missing: number;
}

function buildBot() {
  const kb = loadKnowledge(`${root}intents`);
  const errors = loadErrorCatalogue(`${root}errors`, new Set(kb.intents.map((i) => i.id)));
  const topics: Topics = {
    ofError: (id) => errors.entries.find((e) => e.id === id)?.intent,
    ofCode: (code) => kb.intents.filter((i) => i.explains?.includes(code)).map((i) => i.id),
  };
  const bot = createBot({
    knowledge: kb,
    nlu: createNlu(kb),
    reader: createMessageReader(errors),
    pasted: { read: (t, r) => diagnosePasted(t, r) },
  });
  return { bot, topics };
}

interface Stored {
  intent: string;
  answer: string;
  code: string;
}

function loadBaseline(): Map<string, Stored> {
  const out = new Map<string, Stored>();
  if (!existsSync(BASELINE_FILE)) return out;
  for (const line of readFileSync(BASELINE_FILE, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as Stored & { set: string; text: string };
    out.set(`${r.set}\u0000${r.text}`, r);
  }
  return out;
}

function tally(s: Scored, v: Verdict, answer: string, row: Row): void {
  if (v.right) s.right++;
  else s.wrong.push(`  ✗ ${row.text.replace(/\s+/g, ' ').slice(0, 110)}\n      ${v.why}`);
  if (v.proseAsCommand) s.leaks++;
  s.words.push(wordCount(answer));
}

const empty = (): Scored => ({ right: 0, leaks: 0, words: [], wrong: [], missing: 0 });
const pct = (a: number, n: number) => (n ? `${a}/${n} (${Math.round((100 * a) / n)}%)` : '–');

async function main(): Promise<void> {
  const { bot, topics } = buildBot();
  const baseline = loadBaseline();
  const table = [
    `| set | messages | ${BASELINE_REF} right | now right | ${BASELINE_REF} prose as command | now prose as command | words p50/p90 ${BASELINE_REF} | words p50/p90 now |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const details: string[] = [];
  let n = 0;
  for (const set of SETS) {
    const rows = loadSet(set.file);
    const old = empty();
    const now = empty();
    for (const row of rows) {
      const a = await bot.handle({ text: row.text, platform: 'test', conversation: `bench-${++n}`, hostAllowed: false });
      const text = a ? renderAnswer(a) : '';
      tally(now, check(row, a?.intent ?? 'none', text, a ? codeOf(a) : '', topics), text, row);
      const was = baseline.get(`${set.id}\u0000${row.text}`);
      if (was) tally(old, check(row, was.intent, was.answer, was.code, topics), was.answer, row);
      else old.missing++;
    }
    const w = (s: Scored) => `${percentile(s.words, 50)}/${percentile(s.words, 90)}`;
    const oldRight = old.missing ? `${pct(old.right, rows.length - old.missing)} (${old.missing} not stored)` : pct(old.right, rows.length);
    table.push(
      `| ${set.label} | ${rows.length} | ${oldRight} | ${pct(now.right, rows.length)} | ${old.leaks} | ${now.leaks} | ${w(old)} | ${w(now)} |`,
    );
    if (now.wrong.length) details.push(`${set.label}: ${now.wrong.length} wrong now`, ...now.wrong);
  }
  const out = table.join('\n');
  console.log(out);
  if (verbose && details.length) console.log(`\n${details.join('\n')}`);
  if (baseline.size === 0) console.log(`\nNo stored baseline: run \`npx tsx bench/baseline-answers.ts\` once.`);
  mkdirSync(`${root}bench/results`, { recursive: true });
  writeFileSync(`${root}bench/results/answers.md`, `# bench:answers\n\n${out}\n`);
}

await main();
