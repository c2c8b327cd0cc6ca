// npx tsx bench/clinc-exp.ts '<options JSON>' — one quick CLINC150 experiment on the validation
// split only (never test): trains ours on train + oos_train with the corpus settings merged with
// the JSON (keys of ClassifierOptions: features, training, outOfScopeWeight, ...), prints one line:
// raw in-scope accuracy on val (best intent, no `none`), then in-scope / out-of-scope recall on
// val / oos_val at the threshold CORPUS_THRESHOLD_RULE picks there (optimistic: chosen and scored
// on the same split, fine for comparing settings). Env: VARIANT=full|small|oos_plus,
// SUB=n keeps n training sentences per intent (quick screening).
import { mkdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { chooseThreshold, classifierFromModel, NONE, trainModel, type ClassifierOptions } from '../src/nlu/classifier.ts';
import { loadClinc, type ClincVariant, type Labelled } from './corpora.ts';
import { CORPUS_SETTINGS, CORPUS_THRESHOLD_RULE } from './corpora-run.ts';

const variant = (process.env.VARIANT ?? 'full') as ClincVariant;
const sub = Number(process.env.SUB ?? 0);
const extra = JSON.parse(process.argv[2] ?? '{}') as ClassifierOptions;
const d = loadClinc(variant);

function subsample(rows: Labelled[], n: number): Labelled[] {
  if (!n) return rows;
  const seen = new Map<string, number>();
  return rows.filter((r) => {
    const k = seen.get(r.intent) ?? 0;
    seen.set(r.intent, k + 1);
    return k < n;
  });
}

const train = subsample(d.train, sub);
const oos = sub ? d.oosTrain.slice(0, Math.round((d.oosTrain.length * sub) / 100)) : d.oosTrain;
const options: ClassifierOptions = {
  ...CORPUS_SETTINGS,
  ...extra,
  features: { ...CORPUS_SETTINGS.features!, ...extra.features },
  training: { ...CORPUS_SETTINGS.training!, ...extra.training },
  outOfScope: oos,
};
const started = performance.now();
const model = trainModel(train, options);
const trainMs = performance.now() - started;
const raw = classifierFromModel(model, { ...options, threshold: 0 });
const rawOk = d.val.filter((e) => {
  const p = raw.probabilities(e.text);
  let best = 0;
  for (let i = 1; i < model.labels.length - 1; i++) if ((p[i] as number) > (p[best] as number)) best = i;
  return model.labels[best] === e.intent;
}).length;
const threshold = chooseThreshold(model, d.val, CORPUS_THRESHOLD_RULE, options);
const c = classifierFromModel(model, { ...options, threshold });
const inOk = d.val.filter((e) => c.classify(e.text).intent === e.intent).length;
const oosOk = d.oosVal.filter((t) => c.classify(t).intent === NONE).length;
const pct = (n: number, of: number) => ((100 * n) / of).toFixed(2);
console.log(
  `${variant}${sub ? `/sub${sub}` : ''} raw ${pct(rawOk, d.val.length)} | in ${pct(inOk, d.val.length)} oos ${pct(oosOk, d.oosVal.length)} @${threshold} | ${(trainMs / 1000).toFixed(1)} s ${model.featurizer.vocab.length} feats | ${process.argv[2] ?? '{}'}`,
);

// Saves the member's probabilities on val + oos_val, so bench/clinc-ens.ts can average any set.
if (process.env.SAVE) {
  mkdirSync('/tmp/kclinc-probs', { recursive: true });
  const rows = [...d.val.map((e) => e.text), ...d.oosVal].map((t) => raw.probabilities(t));
  const id = createHash('sha1')
    .update(`${variant}${sub}${process.argv[2] ?? '{}'}`)
    .digest('hex')
    .slice(0, 8);
  writeFileSync(`/tmp/kclinc-probs/${id}.json`, JSON.stringify({ config: process.argv[2] ?? '{}', labels: model.labels, rows }));
  console.log(`saved /tmp/kclinc-probs/${id}.json`);
}
