// npx tsx bench/clinc-mlp.ts '<MlpOptions JSON>' ['<MlpOptions JSON>' …] — CLINC150 experiments with
// the hidden-layer model (src/nlu/mlp.ts) on the validation split only (never test). Featurizes
// train + oos_train once with the corpus settings' features, then per option set trains the MLP and
// prints, like bench/clinc-exp.ts: raw in-scope accuracy on val (best intent, no `none`), and
// in-scope / out-of-scope recall on val / oos_val at the threshold CORPUS_THRESHOLD_RULE picks there.
// LINEAR=<file saved by clinc-exp.ts SAVE=1> also scores the average of the MLP's and the linear
// model's probabilities at weights 0.3-0.7 for the MLP. Env: VARIANT=full|small|oos_plus,
// FEATURES='<FeatureWeights JSON>' merged into the corpus features, OOS_WEIGHT (default 3), SAVE=1
// saves each MLP's val probabilities for bench/clinc-ens.ts.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Featurizer } from '../src/nlu/features.ts';
import { DEFAULT_MLP, MlpModel, type MlpOptions } from '../src/nlu/mlp.ts';
import { CORPUS_SETTINGS } from './corpora-run.ts';
import { clincExperiment, scoreOnVal } from './clinc-score.ts';

const { variant, d, labels, classIndex } = clincExperiment();

let started = performance.now();
const featurizer = new Featurizer({ ...CORPUS_SETTINGS.features!, ...(JSON.parse(process.env.FEATURES ?? '{}') as object) });
const xs = featurizer.fit([...d.train.map((e) => e.text), ...d.oosTrain]);
const ys = [...d.train.map((e) => classIndex.get(e.intent) as number), ...d.oosTrain.map(() => labels.length - 1)];
const heldTexts = [...d.val.map((e) => e.text), ...d.oosVal];
const heldXs = heldTexts.map((t) => featurizer.transform(t));
const nnz = xs.reduce((s, x) => s + x.index.length, 0) / xs.length;
console.log(
  `featurized in ${((performance.now() - started) / 1000).toFixed(1)} s: ${featurizer.size} features, ${nnz.toFixed(0)} per sentence`,
);

const linear = process.env.LINEAR
  ? (JSON.parse(readFileSync(process.env.LINEAR, 'utf8')) as { labels: string[]; rows: number[][] })
  : undefined;
if (linear && linear.labels.join('\n') !== labels.join('\n')) throw new Error('the linear model has other labels');

const score = (rows: ArrayLike<number>[]): string => scoreOnVal(d, labels, heldTexts, rows);

for (const arg of process.argv.slice(2).length ? process.argv.slice(2) : ['{}']) {
  const o: MlpOptions = { ...DEFAULT_MLP, ...(JSON.parse(arg) as Partial<MlpOptions>) };
  const oosWeight = Number(process.env.OOS_WEIGHT ?? 3);
  const model = new MlpModel(labels.length, featurizer.size, o.hidden, o.activation);
  started = performance.now();
  model.train(
    xs,
    ys,
    o,
    labels.map((_, i) => (i === labels.length - 1 ? oosWeight : 1)),
  );
  const trainMs = performance.now() - started;
  started = performance.now();
  const rows = heldXs.map((x) => model.probabilities(x));
  const us = ((performance.now() - started) * 1000) / heldXs.length;
  console.log(`${variant} mlp ${score(rows)} | ${(trainMs / 1000).toFixed(1)} s, ${us.toFixed(0)} µs/forward | ${arg}`);
  if (process.env.SAVE) {
    // The same format as clinc-exp.ts SAVE=1, so bench/clinc-ens.ts can average MLPs and linear models.
    mkdirSync('/tmp/kclinc-probs', { recursive: true });
    const id = createHash('sha1')
      .update(`mlp${variant}${process.env.FEATURES ?? ''}${arg}`)
      .digest('hex')
      .slice(0, 8);
    writeFileSync(`/tmp/kclinc-probs/${id}.json`, JSON.stringify({ config: arg, labels, rows: rows.map((p) => Array.from(p)) }));
    console.log(`  saved /tmp/kclinc-probs/${id}.json`);
  }
  if (linear) {
    for (const w of [0.3, 0.4, 0.5, 0.6, 0.7]) {
      const mixed = rows.map((p, r) => Float64Array.from(p, (v, c) => w * v + (1 - w) * (linear.rows[r]?.[c] ?? 0)));
      console.log(`  + linear, mlp weight ${w}: ${score(mixed)}`);
    }
  }
}
