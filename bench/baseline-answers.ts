// Stores the previous release's answers once, so bench:answers can score them beside today's
// bot in one run without building the old release each time.
//
//   npx tsx bench/baseline-answers.ts [/path/to/a/checkout/of/b1b82fa]   (default /work/baseline)
//
// The checkout needs its own node_modules; it is only read. Every message of every set in
// bench/answer-sets.ts goes through the old bot (its knowledge base, classifier and plain-text
// renderer, no host), and one line per message is written to bench/baselines/<ref>-answers.jsonl:
// { set, text, intent, answer, code } (code: what the answer shows as code, see codeOf). Re-run it after adding messages to a set.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SETS, codeOf, loadSet, type AnswerLike } from './answer-sets.ts';

export const BASELINE_REF = 'b1b82fa';
export const BASELINE_FILE = fileURLToPath(new URL(`baselines/${BASELINE_REF}-answers.jsonl`, import.meta.url));

interface OldAnswer extends AnswerLike {
  intent: string;
}
interface OldBot {
  handle(q: { text: string; platform: string; conversation: string; hostAllowed: boolean }): Promise<OldAnswer | null>;
}

async function load<T>(dir: string, file: string): Promise<T> {
  return (await import(pathToFileURL(join(dir, file)).href)) as T;
}

async function main(): Promise<void> {
  const dir = process.argv[2] ?? '/work/baseline';
  const head = execFileSync('git', ['-C', dir, 'rev-parse', '--short=7', 'HEAD'], { encoding: 'utf8' }).trim();
  if (head !== BASELINE_REF) throw new Error(`${dir} is at ${head}, not ${BASELINE_REF}`);
  const { loadKnowledge } = await load<{ loadKnowledge: (d: string) => unknown }>(dir, 'src/knowledge/load.ts');
  const { createNlu } = await load<{ createNlu: (kb: unknown) => unknown }>(dir, 'src/nlu/index.ts');
  const { createBot } = await load<{ createBot: (d: { knowledge: unknown; nlu: unknown }) => OldBot }>(dir, 'src/core/bot.ts');
  const { renderAnswer } = await load<{ renderAnswer: (a: OldAnswer) => string }>(dir, 'src/adapters/cli/render.ts');
  const kb = loadKnowledge(join(dir, 'intents'));
  const bot = createBot({ knowledge: kb, nlu: createNlu(kb) });
  const lines: string[] = [];
  let n = 0;
  for (const set of SETS) {
    for (const row of loadSet(set.file)) {
      const a = await bot.handle({ text: row.text, platform: 'test', conversation: `old-${++n}`, hostAllowed: false });
      lines.push(
        JSON.stringify({
          set: set.id,
          text: row.text,
          intent: a?.intent ?? 'none',
          answer: a ? renderAnswer(a) : '',
          code: a ? codeOf(a) : '',
        }),
      );
    }
  }
  writeFileSync(BASELINE_FILE, `${lines.join('\n')}\n`);
  console.log(`${lines.length} answers of ${BASELINE_REF} written to ${BASELINE_FILE}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
