// Answer length in words (issue 13: a direct answer fits a phone screen): every question of the
// eval set (test/fixtures/nlu-eval.jsonl) through bot.handle, p50/p90 of the words a person reads
// (title and body), for all answers and for the short (unit) answers; and, for comparison, the
// same over the fixture units' held-out questions. `npx tsx bench/answer-length.ts`, and a row
// group in `npm run bench:nlu`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { messageReading } from '../src/app/runtime.ts';
import { createBot } from '../src/core/bot.ts';
import { blocksToPlainText } from '../src/core/markdown.ts';
import type { KnowledgeBase } from '../src/core/ports.ts';
import type { Answer } from '../src/core/types.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { createNlu } from '../src/nlu/index.ts';
import { intentsWithFixtureUnits, unitEvalSet } from '../test/helpers/unit-fixture.ts';

const EVAL = fileURLToPath(new URL('../test/fixtures/nlu-eval.jsonl', import.meta.url));
const INTENTS = fileURLToPath(new URL('../intents', import.meta.url));

export interface LengthRow {
  set: string;
  answers: number;
  /** How many were short answers (one unit). */
  units: number;
  p50: number;
  p90: number;
  unitP50: number | null;
  unitP90: number | null;
}

/** Words a person reads in an answer: the title and the body blocks (code included). */
export function answerWords(a: Answer): number {
  return `${a.title}\n${blocksToPlainText(a.blocks)}`.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

/** `product`: the bot as the product builds it (error catalogue and pasted-output reader); the fixture units' row has no catalogue of its own. */
async function lengths(set: string, kb: KnowledgeBase, questions: string[], product = true): Promise<LengthRow> {
  const bot = createBot({ knowledge: kb, nlu: createNlu(kb), ...(product ? messageReading(kb) : {}) });
  const all: number[] = [];
  const units: number[] = [];
  let n = 0;
  for (const text of questions) {
    // Each question in its own conversation: no follow-up rules, the answer to the question alone.
    const a = await bot.handle({ text, platform: 'test', conversation: `bench:${n++}`, hostAllowed: false });
    if (!a) continue;
    all.push(answerWords(a));
    if (a.unit !== undefined) units.push(answerWords(a));
  }
  return {
    set,
    answers: all.length,
    units: units.length,
    p50: percentile(all, 50),
    p90: percentile(all, 90),
    unitP50: units.length ? percentile(units, 50) : null,
    unitP90: units.length ? percentile(units, 90) : null,
  };
}

/** The rows: the product's eval set on intents/, and the fixture units' questions. */
export async function answerLengthRows(): Promise<LengthRow[]> {
  const evalQuestions = readFileSync(EVAL, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text);
  const rows = [await lengths('eval set (test/fixtures/nlu-eval.jsonl), intents/', loadKnowledge(INTENTS), evalQuestions)];
  const fixture = intentsWithFixtureUnits();
  try {
    rows.push(
      await lengths(
        'fixture units, held-out questions (test/fixtures/units/eval.yaml)',
        fixture.kb,
        unitEvalSet().map((c) => c.text),
        false,
      ),
    );
  } finally {
    fixture.remove();
  }
  return rows;
}

const cell = (n: number | null) => (n === null ? '–' : String(n));

/** Markdown table rows for bench/nlu.ts's table: `| measure | value | – |`. */
export function answerLengthTable(rows: LengthRow[]): [string, string, string][] {
  return rows.map((r): [string, string, string] => [
    `Answer length, words p50 / p90 (short answers p50 / p90; ${r.units} of ${r.answers} answered by a unit): ${r.set}`,
    `${r.p50} / ${r.p90} (${cell(r.unitP50)} / ${cell(r.unitP90)})`,
    '–',
  ]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = await answerLengthRows();
  console.log(['| Measure | container-coach |', '|---|---|', ...answerLengthTable(rows).map((r) => `| ${r[0]} | ${r[1]} |`)].join('\n'));
}
