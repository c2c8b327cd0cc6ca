// npx tsx bench/near-copies.ts — which training sentences (intent and unit examples, unit
// questions, out-of-scope rows) are near-copies of a line of a measurement set, set by set.
// Prints only the training side and the set's name, never the set's line: whoever adds phrasings
// can reword their own sentence without reading a blind set. Lines quoted from issue 13 (`seen`)
// are left out. Exits 1 when any set has one.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { OUT_OF_SCOPE } from '../src/nlu/out-of-scope.ts';
import { jaccard, NEAR_COPY, trainingSentences, wordSet } from './units-eval.ts';

const fixtures = fileURLToPath(new URL('../test/fixtures/', import.meta.url));
const kb = loadKnowledge(fileURLToPath(new URL('../intents', import.meta.url)));
const training = trainingSentences(kb, OUT_OF_SCOPE).map((s) => ({ ...s, words: wordSet(s.text) }));
/** Every labelled measurement set: the unit sets and their near misses. */
const sets = readdirSync(fixtures).filter((f) => /^units-.*\.jsonl$/.test(f));

let found = 0;
for (const set of sets) {
  const lines = readFileSync(`${fixtures}${set}`, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  // Lines quoted from issue 13's "What was seen" are trained on by design.
  const texts = lines.map((l) => JSON.parse(l) as { text: string; seen?: boolean }).flatMap((l) => (l.seen === true ? [] : [l.text]));
  const hits = new Map<string, string>();
  for (const text of texts) {
    const words = wordSet(text);
    const hit = training.find((s) => jaccard(words, s.words) >= NEAR_COPY);
    if (hit) hits.set(hit.text, hit.source);
  }
  found += hits.size;
  console.log(`${set}: ${String(hits.size)} training sentence(s) too close to a line`);
  for (const [text, source] of hits) console.log(`  - ${text} (${source})`);
}
process.exit(found > 0 ? 1 : 0);
