import { readFileSync } from 'node:fs';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { createNlu } from '../src/nlu/index.ts';
import { readMessage } from '../src/nlu/reader/read-message.ts';
const kb = loadKnowledge('intents'); const nlu = createNlu(kb);
const file = process.argv[2] ?? 'test/fixtures/tmp-pasted-topic.jsonl';
let qr = 0, fr = 0, n = 0, br = 0;
for (const l of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
  const it = JSON.parse(l); const m = readMessage(it.text);
  if (!(m.outputs.length || m.errors.length)) continue;
  n++;
  const q = m.prose.trim() ? nlu.classify(m.prose) : { intent: 'none', confidence: 0 };
  const f = nlu.classify(it.text);
  const best = q.intent !== 'none' && q.confidence >= f.confidence * 0.0 + 0.3 ? q : f;
  if (q.intent === it.intent) qr++; if (f.intent === it.intent) fr++; if (best.intent === it.intent) br++;
  if (process.argv.includes('-v')) console.log(`${it.intent === q.intent ? 'Q' : '.'}${it.intent === f.intent ? 'F' : '.'} q=${q.intent}:${q.confidence.toFixed(2)} f=${f.intent}:${f.confidence.toFixed(2)} exp=${it.intent} | ${m.prose.replace(/\n/g, ' ').slice(0, 90)}`);
}
console.log({ n, prose: qr, full: fr, mixed: br });
