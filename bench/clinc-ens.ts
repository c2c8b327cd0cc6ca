// npx tsx bench/clinc-ens.ts a.json[:weight] b.json[:weight] … — averages the saved val
// probabilities of CLINC experiments (bench/clinc-exp.ts, clinc-mlp.ts, clinc-div.ts with SAVE=1),
// each member counting its weight (default 1), and scores the average like clinc-exp does.
import { readFileSync } from 'node:fs';
import { loadClinc } from './corpora.ts';

const d = loadClinc('full');
// file:weight:temperature — a temperature above 1 flattens that member's probabilities (p^(1/T), renormalized) before averaging.
const members = process.argv.slice(2).map((arg) => {
  const [file, w, temperature] = arg.split(':');
  const m = JSON.parse(readFileSync(file as string, 'utf8')) as { labels: string[]; rows: number[][] };
  const t = Number(temperature ?? 1);
  if (t !== 1)
    m.rows = m.rows.map((p) => {
      const q = p.map((v) => Math.pow(Math.max(v, 1e-300), 1 / t));
      const z = q.reduce((a, b) => a + b, 0);
      return q.map((v) => v / z);
    });
  return { weight: Number(w ?? 1), ...m };
});
const total = members.reduce((s, m) => s + m.weight, 0);
const labels = (members[0] as { labels: string[] }).labels;
for (const m of members) if (m.labels.join('\n') !== labels.join('\n')) throw new Error('members have other labels');
const oos = labels.length - 1;
// GEO=1: the weighted geometric mean (renormalized) instead of the arithmetic one.
const geo = process.env.GEO === '1';
const avg = (members[0] as { rows: number[][] }).rows.map((_, r) => {
  if (!geo) return labels.map((_, c) => members.reduce((s, m) => s + m.weight * (m.rows[r]?.[c] ?? 0), 0) / total);
  const g = labels.map((_, c) =>
    Math.exp(members.reduce((s, m) => s + m.weight * Math.log(Math.max(1e-12, m.rows[r]?.[c] ?? 0)), 0) / total),
  );
  const z = g.reduce((a, b) => a + b, 0);
  return g.map((v) => v / z);
});
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
const rec = (t: number) => oosRows.filter((s) => s.oosWins || s.pb < t).length / oosRows.length;
// In-scope accuracy where out-of-scope recall first reaches 60 / 70 (a view of the whole trade-off, not a rule).
const at = (r: number) => {
  for (let k = 0; k <= 95; k++) if (rec(k / 100) >= r) return `${(acc(k / 100) * 100).toFixed(2)}@${k / 100}`;
  return 'never';
};
console.log(
  `ens raw ${(raw * 100).toFixed(2)} | in ${(acc(chosen) * 100).toFixed(2)} oos ${(rec(chosen) * 100).toFixed(2)} @${chosen} | in at oos≥60 ${at(0.6)} ≥70 ${at(0.7)} | ${process.argv.slice(2).join(' ')}`,
);
