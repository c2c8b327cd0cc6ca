// npx tsx bench/clinc-ens.ts a.json b.json … — averages the saved val probabilities of CLINC
// experiments (bench/clinc-exp.ts with SAVE=1) and scores the average like clinc-exp does.
import { readFileSync } from 'node:fs';
import { loadClinc } from './corpora.ts';

const d = loadClinc('full');
const members = process.argv.slice(2).map((f) => JSON.parse(readFileSync(f, 'utf8')) as { labels: string[]; rows: number[][] });
const labels = (members[0] as { labels: string[] }).labels;
const oos = labels.length - 1;
const avg = (members[0] as { rows: number[][] }).rows.map((_, r) =>
  labels.map((_, c) => members.reduce((s, m) => s + (m.rows[r]?.[c] ?? 0), 0) / members.length),
);
const scored = avg.map((p) => {
  let best = 0;
  for (let i = 1; i < oos; i++) if ((p[i] as number) > (p[best] as number)) best = i;
  return { label: labels[best], pb: p[best] as number, oosWins: (p[oos] as number) > (p[best] as number) };
});
const inRows = scored.slice(0, d.val.length);
const oosRows = scored.slice(d.val.length);
const acc = (t: number) => inRows.filter((s, i) => s.label === d.val[i]?.intent && !s.oosWins && s.pb >= t).length / inRows.length;
const raw = inRows.filter((s, i) => s.label === d.val[i]?.intent).length / inRows.length;
let chosen = 0;
for (let k = 0; k <= 95; k++) if (acc(0) - acc(k / 100) <= 0.005) chosen = k / 100;
const rec = oosRows.filter((s) => s.oosWins || s.pb < chosen).length / oosRows.length;
console.log(
  `ens raw ${(raw * 100).toFixed(2)} | in ${(acc(chosen) * 100).toFixed(2)} oos ${(rec * 100).toFixed(2)} @${chosen} | ${members.length} members`,
);
