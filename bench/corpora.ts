// The public benchmark anchors for bench/nlu.ts: CLINC150 (Larson et al. 2019; full, small and
// oos_plus variants) and BANKING77 (Casanueva et al. 2020), read from ../shared/data/.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** ../shared/data beside the checkout, or one level further up for a git worktree under ../wt/. */
export const DATA_DIR =
  [join(root, '../shared/data'), join(root, '../../shared/data')].find((d) => existsSync(d)) ?? join(root, '../shared/data');

export interface Labelled {
  text: string;
  intent: string;
}

/** One CLINC150 variant: in-scope rows (150 intents) and out-of-scope rows, per split. */
export interface ClincData {
  train: Labelled[];
  val: Labelled[];
  test: Labelled[];
  oosTrain: string[];
  oosVal: string[];
  oosTest: string[];
}

export type ClincVariant = 'full' | 'small' | 'oos_plus';

export function loadClinc(variant: ClincVariant, dir = join(DATA_DIR, 'clinc150')): ClincData {
  const raw = JSON.parse(readFileSync(join(dir, `data_${variant}.json`), 'utf8')) as Record<string, [string, string][]>;
  const rows = (k: string) => (raw[k] ?? []).map(([text, intent]) => ({ text, intent }));
  const texts = (k: string) => (raw[k] ?? []).map(([text]) => text);
  return {
    train: rows('train'),
    val: rows('val'),
    test: rows('test'),
    oosTrain: texts('oos_train'),
    oosVal: texts('oos_val'),
    oosTest: texts('oos_test'),
  };
}

/** BANKING77's CSV: `text,category`, a field quoted when it holds a comma, a quote or a line break. */
export function parseCsv(csv: string): Labelled[] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i] as string;
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && csv[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field || record.length) records.push([...record, field]);
  return records
    .slice(1)
    .filter((r) => r.length === 2)
    .map(([text, intent]) => ({ text: text as string, intent: intent as string }));
}

export function loadBanking77(dir = join(DATA_DIR, 'banking77')): { train: Labelled[]; test: Labelled[] } {
  const read = (f: string) => parseCsv(readFileSync(join(dir, f), 'utf8'));
  return { train: read('train.csv'), test: read('test.csv') };
}

// ---- running a system on the corpora ---------------------------------------------------------

/** A system under test: trains on labelled sentences (and out-of-scope ones), answers a label or `none`. */
export interface CorpusSystem {
  name: string;
  /**
   * `outOfScope` are sentences of no intent; `heldOut` is the validation split a system may tune
   * on (never the test split). The answer is an intent, or NONE for out-of-scope.
   */
  train(examples: Labelled[], outOfScope: string[], heldOut: { inScope: Labelled[]; outOfScope: string[] }): Promise<Trained>;
}

export type CorpusAnswer = (text: string) => string | Promise<string>;

export interface Trained {
  answer: CorpusAnswer;
  /** What else is worth printing about this training (e.g. the threshold it chose). */
  extra?: Record<string, number | string>;
}

export interface CorpusResult {
  corpus: string;
  system: string;
  /** Test accuracy on in-scope sentences (out-of-scope answered for one is a miss), percent. */
  inScope: number;
  /** Out-of-scope test sentences answered `none`, percent; null where the corpus has none. */
  oosRecall: number | null;
  trainMs: number;
  classifyUsP50: number;
  inScopeN: number;
  oosN: number;
  extra?: Record<string, number | string>;
}

export interface CorpusSpec {
  corpus: string;
  train: Labelled[];
  outOfScope: string[];
  heldOut: { inScope: Labelled[]; outOfScope: string[] };
  test: Labelled[];
  oosTest: string[];
  /** Published numbers (in-scope / out-of-scope recall), from ../shared/data/*\/SOURCE.txt. */
  published: string;
}

export const PUBLISHED = {
  full: 'FastText 89.0/9.7 · SVM 91.0/14.5 · Rasa 91.5/45.3 · MLP on USE 93.5/47.4 · BERT 96.9/40.3, with a threshold 96.2/52.3',
  small: '–',
  oos_plus: 'out-of-scope recall: Rasa 66.0 · BERT 59.2',
  banking77: 'BERT 93.66 · USE+ConveRT 93.36',
} as const;

/** The four public benchmark corpora, in the order they are printed. */
export function corpusSpecs(): CorpusSpec[] {
  const clinc = (variant: ClincVariant): CorpusSpec => {
    const d = loadClinc(variant);
    return {
      corpus: `clinc150-${variant.replace('_', '-')}`,
      train: d.train,
      outOfScope: d.oosTrain,
      heldOut: { inScope: d.val, outOfScope: d.oosVal },
      test: d.test,
      oosTest: d.oosTest,
      published: PUBLISHED[variant],
    };
  };
  const b = loadBanking77();
  return [
    clinc('full'),
    clinc('small'),
    clinc('oos_plus'),
    {
      corpus: 'banking77',
      train: b.train,
      outOfScope: [],
      heldOut: { inScope: [], outOfScope: [] },
      test: b.test,
      oosTest: [],
      published: PUBLISHED.banking77,
    },
  ];
}

const NONE_LABEL = 'none';

/** Trains `system` on the corpus's training split and scores it on the test split. */
export async function runCorpus(system: CorpusSystem, spec: CorpusSpec, latencyCalls = 5_000): Promise<CorpusResult> {
  const started = performance.now();
  const { answer, extra } = await system.train(spec.train, spec.outOfScope, spec.heldOut);
  const trainMs = performance.now() - started;
  let inOk = 0;
  for (const e of spec.test) if ((await answer(e.text)) === e.intent) inOk++;
  let oosOk = 0;
  for (const t of spec.oosTest) if ((await answer(t)) === NONE_LABEL) oosOk++;
  const texts = [...spec.test.map((e) => e.text), ...spec.oosTest];
  const times: number[] = [];
  for (let i = 0; i < latencyCalls + 200; i++) {
    const t = texts[i % texts.length] as string;
    const s = performance.now();
    await answer(t);
    if (i >= 200) times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  return {
    corpus: spec.corpus,
    system: system.name,
    inScope: (100 * inOk) / spec.test.length,
    oosRecall: spec.oosTest.length ? (100 * oosOk) / spec.oosTest.length : null,
    trainMs,
    classifyUsP50: (times[Math.floor(times.length / 2)] ?? NaN) * 1000,
    inScopeN: spec.test.length,
    oosN: spec.oosTest.length,
    ...(extra ? { extra } : {}),
  };
}
