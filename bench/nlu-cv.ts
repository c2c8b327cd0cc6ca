// npx tsx bench/nlu-cv.ts — cross-validation of the intent classifier on its own training data,
// plus the Braun corpora; what classifier settings are tuned on (the eval set is only a final check).
//   k-fold by example, stratified per intent: the held-out fold's example questions are tested, the
//   rest (plus every title, command and answer sentence, which are not questions) is trained on;
//   the out-of-scope list is folded the same way, its held-out sentences must come back `none`.
//   Braun: train split → test split per corpus, no threshold, pooled micro-F1.
// Then the development set (CV_DEV=0 to skip).
// CV_CONFUSIONS=1 prints the 25 most frequent confusions, CV_CONFUSIONS=N the N most frequent.
// Options: CV_OPTS='{"training":{"l2":1e-4}}' (merged into ClassifierOptions; features/training
// merged into the defaults), CV_FOLDS (5), CV_REPEATS (fold splits, 2), CV_BRAUN=0 to skip.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { NONE, trainClassifier, type ClassifierOptions, type TrainingExample } from '../src/nlu/classifier.ts';
import { DEFAULT_FEATURES } from '../src/nlu/features.ts';
import { classifyQuestion } from '../src/nlu/framing.ts';
import { trainingExamples } from '../src/nlu/index.ts';
import { DEFAULT_TRAINING } from '../src/nlu/linear.ts';
import { outOfScopeFactor } from '../src/nlu/domain.ts';
import { OUT_OF_SCOPE } from '../src/nlu/out-of-scope.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const FOLDS = Number(process.env.CV_FOLDS ?? 5);
const REPEATS = Number(process.env.CV_REPEATS ?? 2);
const raw = JSON.parse(process.env.CV_OPTS ?? '{}') as ClassifierOptions;
const options: ClassifierOptions = {
  ...raw,
  features: { ...DEFAULT_FEATURES, ...raw.features },
  training: { ...DEFAULT_TRAINING, ...raw.training },
};

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fold number for each item, stratified by `group`. */
function folds<T>(items: readonly T[], group: (t: T) => string, seed: number): number[] {
  const random = seeded(seed);
  const byGroup = new Map<string, number[]>();
  items.forEach((t, i) => byGroup.set(group(t), [...(byGroup.get(group(t)) ?? []), i]));
  const out = new Array<number>(items.length).fill(0);
  let offset = 0;
  for (const idx of byGroup.values()) {
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [idx[i], idx[j]] = [idx[j] as number, idx[i] as number];
    }
    idx.forEach((k, n) => (out[k] = (n + offset) % FOLDS));
    offset += idx.length;
  }
  return out;
}

const kb = loadKnowledge(join(root, 'intents'));
const all = trainingExamples(kb);
const questions = all.filter((e) => e.weight === undefined);
const auxiliary = all.filter((e) => e.weight !== undefined);

let inOk = 0,
  inN = 0,
  wrongIntent = 0,
  belowNone = 0,
  oosOk = 0,
  oosN = 0,
  logLoss = 0,
  ms = 0,
  trainings = 0;
const confusions = new Map<string, number>();
for (let r = 0; r < REPEATS; r++) {
  const qf = folds(questions, (e) => e.intent, 101 + r);
  const of = folds(OUT_OF_SCOPE, () => 'oos', 201 + r);
  for (let f = 0; f < FOLDS; f++) {
    const train: TrainingExample[] = [...questions.filter((_, i) => qf[i] !== f), ...auxiliary];
    const c = trainClassifier(train, { outOfScope: OUT_OF_SCOPE.filter((_, i) => of[i] !== f), outOfScopeFactor, ...options });
    ms += c.trainingMs;
    trainings++;
    questions.forEach((e, i) => {
      if (qf[i] !== f) return;
      const got = c.classify(e.text);
      inN++;
      if (got.intent === e.intent) {
        inOk++;
        logLoss -= Math.log(Math.max(1e-6, got.confidence));
      } else {
        if (got.intent === NONE) belowNone++;
        else wrongIntent++;
        const p =
          got.intent === NONE
            ? (got.alternatives.find((a) => a.intent === e.intent)?.confidence ?? 0)
            : (got.alternatives.find((a) => a.intent === e.intent)?.confidence ?? 0);
        logLoss -= Math.log(Math.max(1e-6, p));
        const k = `${e.intent} → ${got.intent}`;
        if (process.env.CV_SHOW && k.includes(process.env.CV_SHOW)) console.log(`  ${k} (${got.confidence}): ${e.text}`);
        confusions.set(k, (confusions.get(k) ?? 0) + 1);
      }
    });
    OUT_OF_SCOPE.forEach((t, i) => {
      if (of[i] !== f) return;
      oosN++;
      if (c.classify(t).intent === NONE) oosOk++;
    });
  }
}

const f3 = (x: number) => x.toFixed(4);
console.log(
  `CV ${FOLDS}-fold × ${REPEATS}: in-scope ${f3(inOk / inN)} (${inOk}/${inN}; wrong ${wrongIntent}, none ${belowNone}), ` +
    `out-of-scope → none ${f3(oosOk / oosN)} (${oosOk}/${oosN}), log-loss ${f3(logLoss / inN)}, train ${(ms / trainings).toFixed(0)} ms`,
);
if (process.env.CV_CONFUSIONS) {
  console.log(
    [...confusions]
      .sort((a, b) => b[1] - a[1])
      .slice(0, Number(process.env.CV_CONFUSIONS) > 1 ? Number(process.env.CV_CONFUSIONS) : 25)
      .map(([k, n]) => `  ${n} ${k}`)
      .join('\n'),
  );
}

// The development set (test/fixtures/nlu-dev.jsonl): real-question styles written independently of
// both the training examples and the eval set; trained on everything, tested on every line.
if (process.env.CV_DEV !== '0') {
  const dev = readFileSync(join(root, 'test/fixtures/nlu-dev.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { text: string; intent: string });
  const c = trainClassifier(all, { outOfScope: OUT_OF_SCOPE, outOfScopeFactor, ...options });
  let ok = 0,
    n = 0,
    noneOk = 0,
    noneN = 0,
    wrong = 0,
    none = 0;
  const devConfusions = new Map<string, number>();
  for (const d of dev) {
    const got = classifyQuestion(c, d.text).intent;
    if (d.intent === NONE) {
      noneN++;
      if (got === NONE) noneOk++;
      continue;
    }
    n++;
    if (got === d.intent) ok++;
    else {
      if (got === NONE) none++;
      else wrong++;
      const k = `${d.intent} → ${got}`;
      devConfusions.set(k, (devConfusions.get(k) ?? 0) + 1);
      if (process.env.CV_SHOW && k.includes(process.env.CV_SHOW)) console.log(`  dev ${k}: ${d.text}`);
    }
  }
  console.log(
    `dev in-scope ${f3(ok / n)} (${ok}/${n}; wrong ${wrong}, none ${none}), near misses → none ${f3(noneOk / noneN)} (${noneOk}/${noneN})`,
  );
  if (process.env.CV_CONFUSIONS) {
    console.log(
      [...devConfusions]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 25)
        .map(([k, v]) => `  ${v} ${k}`)
        .join('\n'),
    );
  }
}

if (process.env.CV_BRAUN !== '0') {
  const dir = join(root, '../shared/data/nlu-eval');
  let ok = 0,
    n = 0;
  const parts: string[] = [];
  for (const name of ['ChatbotCorpus', 'AskUbuntuCorpus', 'WebApplicationsCorpus']) {
    const data = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as {
      sentences: { text: string; intent: string; training: boolean }[];
    };
    const { outOfScope: _o, outOfScopeFactor: _f, outOfScopeWeight: _w, ...plain } = options;
    const c = trainClassifier(
      data.sentences.filter((s) => s.training),
      { ...plain, threshold: null },
    );
    let k = 0;
    const test = data.sentences.filter((s) => !s.training);
    for (const s of test) if (c.classify(s.text).intent === s.intent) k++;
    parts.push(`${name.replace('Corpus', '')} ${k}/${test.length}`);
    ok += k;
    n += test.length;
  }
  console.log(`Braun pooled ${f3(ok / n)} (${ok}/${n}): ${parts.join(', ')}`);
}
