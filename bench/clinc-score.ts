// The one-line validation score of the CLINC experiment tools (bench/clinc-mlp.ts, clinc-div.ts):
// raw in-scope accuracy on val (best intent, no `none`), then in-scope / out-of-scope recall on
// val / oos_val at the threshold CORPUS_THRESHOLD_RULE picks there.
import { chooseThresholdFor } from '../src/nlu/classifier.ts';
import { loadClinc, type ClincData, type ClincVariant } from './corpora.ts';
import { CORPUS_THRESHOLD_RULE } from './corpora-run.ts';

/** `rows[i]` are the class probabilities (`labels` order, out-of-scope last) of `heldTexts[i]`: val, then oos_val. */
export function scoreOnVal(d: ClincData, labels: readonly string[], heldTexts: readonly string[], rows: ArrayLike<number>[]): string {
  const byText = new Map(heldTexts.map((t, i) => [t, rows[i] as ArrayLike<number>]));
  const threshold = chooseThresholdFor((t) => byText.get(t) as ArrayLike<number>, [...labels], true, d.val, CORPUS_THRESHOLD_RULE);
  const oos = labels.length - 1;
  const verdict = (p: ArrayLike<number>) => {
    let best = 0;
    for (let i = 1; i < oos; i++) if ((p[i] as number) > (p[best] as number)) best = i;
    const none = (p[oos] as number) > (p[best] as number) || (p[best] as number) < threshold;
    return { label: labels[best], none };
  };
  let raw = 0;
  let inOk = 0;
  d.val.forEach((e, i) => {
    const v = verdict(rows[i] as ArrayLike<number>);
    if (v.label === e.intent) raw++;
    if (v.label === e.intent && !v.none) inOk++;
  });
  const oosOk = d.oosVal.filter((_, i) => verdict(rows[d.val.length + i] as ArrayLike<number>).none).length;
  const pct = (n: number, of: number) => ((100 * n) / of).toFixed(2);
  return `raw ${pct(raw, d.val.length)} | in ${pct(inOk, d.val.length)} oos ${pct(oosOk, d.oosVal.length)} @${threshold}`;
}

/** The CLINC data an experiment runs on (VARIANT=full|small|oos_plus) and its labels: the intents sorted, out-of-scope last. */
export function clincExperiment(): { variant: ClincVariant; d: ClincData; labels: string[]; classIndex: Map<string, number> } {
  const variant = (process.env.VARIANT ?? 'full') as ClincVariant;
  const d = loadClinc(variant);
  const intents = [...new Set(d.train.map((e) => e.intent))].sort();
  const labels = [...intents, '\u0000out-of-scope'];
  return { variant, d, labels, classIndex: new Map(labels.map((l, i) => [l, i])) };
}
