import { readFileSync } from 'node:fs';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { createNlu } from '../src/nlu/index.ts';
import { readMessage } from '../src/nlu/reader/read-message.ts';
import type { Classification } from '../src/core/ports.ts';
const kb = loadKnowledge('intents'); const nlu = createNlu(kb);
const probs = (c: Classification) => { const m = new Map<string, number>(); m.set(c.intent, c.confidence); for (const a of c.alternatives) if (!m.has(a.intent)) m.set(a.intent, a.confidence); return m; };
for (const file of process.argv.slice(2)) {
  const score: Record<string, number> = {}; let n = 0;
  for (const l of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const it = JSON.parse(l); const m = readMessage(it.text);
    if (!(m.outputs.length || m.errors.length)) continue;
    n++;
    const full = nlu.classify(it.text);
    const prose = m.prose.trim() ? nlu.classify(m.prose) : full;
    const heads = m.outputs.map((o) => o.split('\n').find((x) => x.trim()) ?? '').join('\n');
    const ph = nlu.classify([m.prose, heads, ...m.errors].join('\n'));
    const v: Record<string, string> = { full: full.intent, prose: prose.intent, proseHeads: ph.intent };
    for (const a of [0.3, 0.5, 0.7]) {
      const pf = probs(full), pp = probs(prose), all = new Set([...pf.keys(), ...pp.keys()]);
      let best = 'none', bs = -1; for (const k of all) { const s = a * (pp.get(k) ?? 0) + (1 - a) * (pf.get(k) ?? 0); if (k !== 'none' && s > bs) { bs = s; best = k; } }
      v[`mix${a}`] = best;
      const ph2 = probs(ph); let b2 = 'none', s2 = -1; for (const k of new Set([...pf.keys(), ...ph2.keys()])) { const s = a * (ph2.get(k) ?? 0) + (1 - a) * (pf.get(k) ?? 0); if (k !== 'none' && s > s2) { s2 = s; b2 = k; } }
      v[`mixH${a}`] = b2;
    }
    for (const [k, x] of Object.entries(v)) score[k] = (score[k] ?? 0) + (x === it.intent ? 1 : 0);
  }
  console.log(file, n, score);
}
