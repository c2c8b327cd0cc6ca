// npx tsx bench/clinc-div.ts <member> '<options JSON>' — one more kind of CLINC150 ensemble member,
// on the validation split only (never test); saves its val + oos_val probabilities in the format of
// bench/clinc-exp.ts SAVE=1 (/tmp/kclinc-probs), for bench/clinc-ens.ts to average with others.
//   mlp '<MlpOptions>'  the hidden-layer model on FEATURES (merged into the corpus features), with
//                       AUG=n extra copies of each training sentence, each word dropped with
//                       probability DROP (default 0.15) — training-data augmentation;
//   knn '{"temperature":0.05}'  nearest training sentences (cosine of the featurizer's
//                       vectors): a class's score is the softmax of its best similarity.
// Env: VARIANT=full|small|oos_plus, FEATURES='<FeatureWeights JSON>', OOS_WEIGHT (default 3).
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Featurizer, type SparseVector } from '../src/nlu/features.ts';
import { mulberry32 } from '../src/nlu/random.ts';
import { DEFAULT_MLP, MlpModel, type MlpOptions } from '../src/nlu/mlp.ts';
import { augment, DEFAULT_AUGMENT } from './augment.ts';
import { CORPUS_SETTINGS } from './corpora-run.ts';
import { clincExperiment, scoreOnVal } from './clinc-score.ts';

const { variant, d, labels, classIndex } = clincExperiment();
const [member = 'mlp', arg = '{}'] = process.argv.slice(2);

let started: number;
const features = { ...CORPUS_SETTINGS.features!, ...(JSON.parse(process.env.FEATURES ?? '{}') as object) };
const featurizer = new Featurizer(features);
// NEIGH=n: n copies of each in-scope training sentence with words replaced by word-vector neighbours
// (bench/augment.ts; NSHARE the chance per word, default 0.15), fitted and trained on like the rest.
const neigh = Number(process.env.NEIGH ?? 0);
started = performance.now();
const extraRows = neigh
  ? augment(d.train, (e) => e.text, { ...DEFAULT_AUGMENT, copies: neigh, share: Number(process.env.NSHARE ?? 0.15) }).map((a) => ({
      text: a.text,
      intent: a.item.intent,
    }))
  : [];
if (neigh) console.log(`augmented ${extraRows.length} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
const texts = [...d.train.map((e) => e.text), ...d.oosTrain, ...extraRows.map((e) => e.text)];
const xs = featurizer.fit(texts);
const ys = [
  ...d.train.map((e) => classIndex.get(e.intent) as number),
  ...d.oosTrain.map(() => labels.length - 1),
  ...extraRows.map((e) => classIndex.get(e.intent) as number),
];
const heldTexts = [...d.val.map((e) => e.text), ...d.oosVal];
const heldXs = heldTexts.map((t) => featurizer.transform(t));
console.log(`featurized in ${((performance.now() - started) / 1000).toFixed(1)} s: ${featurizer.size} features`);

const score = (rows: ArrayLike<number>[]): string => scoreOnVal(d, labels, heldTexts, rows);

/** Drops each feature of a word-level copy: the sentence re-featurized without some of its words. */
function augmented(n: number, drop: number, seed: number): { xs: SparseVector[]; ys: number[] } {
  const random = mulberry32(seed);
  const outX: SparseVector[] = [];
  const outY: number[] = [];
  texts.forEach((t, i) => {
    const ws = t.split(/\s+/).filter(Boolean);
    for (let k = 0; k < n; k++) {
      const kept = ws.filter(() => random() >= drop);
      if (!kept.length || kept.length === ws.length) continue;
      outX.push(featurizer.transform(kept.join(' ')));
      outY.push(ys[i] as number);
    }
  });
  return { xs: outX, ys: outY };
}

function save(rows: ArrayLike<number>[], extra: Record<string, unknown> = {}): void {
  mkdirSync('/tmp/kclinc-probs', { recursive: true });
  const id = createHash('sha1')
    .update(
      `div${member}${variant}${process.env.FEATURES ?? ''}${process.env.AUG ?? ''}${process.env.DROP ?? ''}${process.env.NEIGH ?? ''}${process.env.NSHARE ?? ''}${arg}`,
    )
    .digest('hex')
    .slice(0, 8);
  writeFileSync(
    `/tmp/kclinc-probs/${id}.json`,
    JSON.stringify({
      config: `${member} ${process.env.FEATURES ?? ''} aug${process.env.AUG ?? 0} neigh${process.env.NEIGH ?? 0}/${process.env.NSHARE ?? ''} ${arg}`,
      labels,
      rows: rows.map((p) => Array.from(p)),
      ...extra,
    }),
  );
  console.log(`  saved /tmp/kclinc-probs/${id}.json`);
}

if (member === 'mlp') {
  const o: MlpOptions = { ...DEFAULT_MLP, ...(JSON.parse(arg) as Partial<MlpOptions>) };
  const oosWeight = Number(process.env.OOS_WEIGHT ?? 3);
  const aug = Number(process.env.AUG ?? 0);
  const extra = aug ? augmented(aug, Number(process.env.DROP ?? 0.15), o.seed + 1) : { xs: [], ys: [] };
  const model = new MlpModel(labels.length, featurizer.size, o.hidden, o.activation);
  started = performance.now();
  model.train(
    [...xs, ...extra.xs],
    [...ys, ...extra.ys],
    o,
    labels.map((_, i) => (i === labels.length - 1 ? oosWeight : 1)),
  );
  const trainMs = performance.now() - started;
  started = performance.now();
  const rows = heldXs.map((x) => model.probabilities(x));
  const us = ((performance.now() - started) * 1000) / heldXs.length;
  console.log(
    `${variant} mlp ${score(rows)} | ${(trainMs / 1000).toFixed(1)} s, ${us.toFixed(0)} µs/forward, +${extra.xs.length} augmented | ${process.env.FEATURES ?? ''} ${arg}`,
  );
  save(rows);
} else if (member === 'knn') {
  const o = { temperature: 0.05, ...(JSON.parse(arg) as { temperature?: number }) };
  // Inverted index of the training vectors (unit length: the featurizer normalizes the sparse part; the dense part adds its shares).
  const norms = xs.map((x) => Math.sqrt(x.value.reduce((s, v) => s + v * v, 0)));
  const postings = new Map<number, { doc: number[]; v: number[] }>();
  xs.forEach((x, i) => {
    for (let k = 0; k < x.index.length; k++) {
      const f = x.index[k] as number;
      let p = postings.get(f);
      if (!p) postings.set(f, (p = { doc: [], v: [] }));
      p.doc.push(i);
      p.v.push((x.value[k] as number) / (norms[i] as number));
    }
  });
  const sims = new Float64Array(xs.length);
  started = performance.now();
  const maxSims: number[] = [];
  const rows = heldXs.map((x) => {
    sims.fill(0);
    const norm = Math.sqrt(x.value.reduce((s, v) => s + v * v, 0)) || 1;
    for (let k = 0; k < x.index.length; k++) {
      const p = postings.get(x.index[k] as number);
      if (!p) continue;
      const q = (x.value[k] as number) / norm;
      for (let j = 0; j < p.doc.length; j++) sims[p.doc[j] as number] = (sims[p.doc[j] as number] as number) + q * (p.v[j] as number);
    }
    const best = new Float64Array(labels.length).fill(-1);
    for (let i = 0; i < xs.length; i++) {
      const c = ys[i] as number;
      if ((sims[i] as number) > (best[c] as number)) best[c] = sims[i] as number;
    }
    maxSims.push(Math.max(...best));
    const z = Float64Array.from(best, (s) => s / o.temperature);
    let m = -Infinity;
    for (const v of z) m = Math.max(m, v);
    let sum = 0;
    for (let c = 0; c < z.length; c++) sum += z[c] = Math.exp((z[c] as number) - m);
    for (let c = 0; c < z.length; c++) z[c] = (z[c] as number) / sum;
    return z;
  });
  const us = ((performance.now() - started) * 1000) / heldXs.length;
  console.log(`${variant} knn ${score(rows)} | ${us.toFixed(0)} µs/query | ${process.env.FEATURES ?? ''} ${arg}`);
  save(rows, { maxSims });
}
