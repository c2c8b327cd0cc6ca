// npm run bench:nlu — our classifier and nlp.js side by side, in one run, on:
//   (a) the project's evaluation set (test/fixtures/nlu-eval.jsonl), development set
//       (nlu-dev.jsonl) and the framed and pasted-output sets, both systems trained on intents/;
//   (b) the three Braun et al. (2017) corpora (../shared/data/nlu-eval/), both trained on each
//       corpus's train split and tested on its test split;
//   (c) latency, start-up time to first answer (cold: nothing saved; warm: a saved model) and memory;
//   (d) the public benchmark anchors CLINC150 (full, small, oos_plus) and BANKING77 (bench/corpora.ts),
//       both systems on the same data, beside the published numbers.
// Prints markdown tables and writes them to bench/results/nlu.md.
// Flags: --json prints one JSON line per public corpus (and no tables); --corpora-only runs (d)
// alone; --no-corpora leaves (d) out; --skip-nlpjs leaves nlp.js out of (d) (it takes minutes there);
// --corpus=<name> runs that one public corpus of (d) (e.g. clinc150-full) and saves no results file.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { messageReading } from '../src/app/runtime.ts';
import { createBot } from '../src/core/bot.ts';
import type { KnowledgeBase } from '../src/core/ports.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { NONE, trainClassifier } from '../src/nlu/classifier.ts';
import { createNlu, loadIntentClassifier, trainIntentClassifier } from '../src/nlu/index.ts';
import { MODEL_FILE } from '../src/nlu/model-cache.ts';
import { normalize } from '../src/nlu/tokenize.ts';
import { DATA_DIR } from './corpora.ts';
import { corporaTable, runPublicCorpora, type CorporaRun } from './corpora-run.ts';
import { answerLengthRows, answerLengthTable } from './answer-length.ts';
import { slowestHostileInputMs } from './hostile.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const CORPORA_DIR = join(DATA_DIR, 'nlu-eval');
const CORPORA = ['ChatbotCorpus', 'AskUbuntuCorpus', 'WebApplicationsCorpus'] as const;
const LATENCY_CALLS = 10_000;
const HANDLE_CALLS = 2_000;

interface Labelled {
  text: string;
  intent: string;
}

/** What both systems must do: train on labelled sentences, then answer one label (or `none`). */
interface System {
  name: string;
  /** On our knowledge base, the way the product trains. */
  trainOwn(kb: KnowledgeBase): Promise<(text: string) => Promise<string>>;
  /** On a corpus's labelled training sentences. */
  train(examples: Labelled[]): Promise<(text: string) => Promise<string>>;
}

// ---- the two systems ------------------------------------------------------------------------

const ours: System = {
  name: 'container-coach',
  trainOwn(kb) {
    // The product: examples plus (weighted) titles, commands and answer sentences of intents/, the
    // out-of-scope class, the domain-keyword factor and the `none` threshold.
    const c = trainIntentClassifier(kb);
    return Promise.resolve((t: string) => Promise.resolve(c.classify(t).intent));
  },
  train(examples) {
    // On the Braun corpora none of that applies: "None" is one of the corpus's own labels, trained
    // from its examples like any other, so there is no threshold and the best label is the answer.
    const c = trainClassifier(examples, { threshold: null });
    return Promise.resolve((t: string) => Promise.resolve(c.classify(t).intent));
  },
};

const require = createRequire(import.meta.url);

const nlpjs: System = {
  name: 'nlp.js',
  async trainOwn(kb) {
    return this.train(kb.intents.flatMap((i) => i.examples.map((text) => ({ text, intent: i.id }))));
  },
  async train(examples) {
    // nlp.js answers 'None' below its own default threshold (0.5); on our set that is `none`, on
    // the Braun corpora it is mapped to the corpus's "None" label (a miss where a corpus has none).
    const { Nlp } = require('@nlpjs/nlp') as { Nlp: new (o: object) => NlpJs };
    const { LangEn } = require('@nlpjs/lang-en-min') as { LangEn: unknown };
    const nlp = new Nlp({ languages: ['en'], autoSave: false, autoLoad: false, nlu: { log: false } });
    nlp.use(LangEn);
    for (const e of examples) nlp.addDocument('en', e.text, e.intent);
    await nlp.train();
    return async (t) => {
      const r = await nlp.process('en', t);
      return r.intent === 'None' ? NONE : r.intent;
    };
  },
};

interface NlpJs {
  use(plugin: unknown): void;
  addDocument(lang: string, text: string, intent: string): void;
  train(): Promise<void>;
  process(lang: string, text: string): Promise<{ intent: string; score: number }>;
}

// ---- measurements ---------------------------------------------------------------------------

interface OwnSetScore {
  inScope: number;
  nearMiss: number;
  overall: number;
  unseen: number;
  /** First training in this process (cold: includes JIT warm-up) and the median of three more. */
  coldMs: number;
  warmMs: number;
  /** The same trained system on the other labelled sets (in-scope accuracy, near misses → none). */
  others: { inScope: number; nearMiss: number }[];
}

async function ownSet(
  system: System,
  kb: KnowledgeBase,
  evalSet: Labelled[],
  otherSets: Labelled[][],
  seen: Set<string>,
): Promise<OwnSetScore> {
  const t0 = performance.now();
  const answer = await system.trainOwn(kb);
  const coldMs = performance.now() - t0;
  const warm: number[] = [];
  for (let i = 0; i < 3; i++) {
    const s = performance.now();
    await system.trainOwn(kb);
    warm.push(performance.now() - s);
  }
  const warmMs = warm.sort((a, b) => a - b)[1] as number;
  let inOk = 0,
    inN = 0,
    nmOk = 0,
    nmN = 0,
    unseenOk = 0,
    unseenN = 0;
  for (const e of evalSet) {
    const ok = (await answer(e.text)) === e.intent;
    if (e.intent === NONE) {
      nmN++;
      if (ok) nmOk++;
    } else {
      inN++;
      if (ok) inOk++;
    }
    if (!seen.has(key(e.text))) {
      unseenN++;
      if (ok) unseenOk++;
    }
  }
  const others: OwnSetScore['others'] = [];
  for (const set of otherSets) {
    let ok = 0,
      n = 0,
      nmOkOther = 0,
      nmNOther = 0;
    for (const e of set) {
      const hit = (await answer(e.text)) === e.intent;
      if (e.intent === NONE) {
        nmNOther++;
        if (hit) nmOkOther++;
      } else {
        n++;
        if (hit) ok++;
      }
    }
    others.push({ inScope: ok / n, nearMiss: nmOkOther / nmNOther });
  }
  return {
    inScope: inOk / inN,
    nearMiss: nmOk / nmN,
    overall: (inOk + nmOk) / (inN + nmN),
    unseen: unseenOk / unseenN,
    coldMs,
    warmMs,
    others,
  };
}

interface CorpusScore {
  correct: number;
  total: number;
}

async function corpus(system: System, name: string): Promise<CorpusScore> {
  const data = JSON.parse(readFileSync(join(CORPORA_DIR, `${name}.json`), 'utf8')) as { sentences: (Labelled & { training: boolean })[] };
  const answer = await system.train(data.sentences.filter((s) => s.training).map(({ text, intent }) => ({ text, intent })));
  let correct = 0;
  const test = data.sentences.filter((s) => !s.training);
  for (const s of test) {
    const got = await answer(s.text);
    if ((got === NONE ? 'None' : got) === s.intent) correct++;
  }
  return { correct, total: test.length };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function latency(answer: (t: string) => Promise<unknown>, texts: string[], calls: number): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < 200; i++) await answer(texts[i % texts.length] as string);
  const times: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t = texts[i % texts.length] as string;
    const s = performance.now();
    await answer(t);
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

/**
 * A fresh process: import, load intents, load the saved model from `cacheDir` or train (and save
 * it there), answer one question; ms since process start, RSS, and whether it trained. Ours keeps
 * its model with the model cache (src/nlu/model-cache.ts); nlp.js with its own export()/import().
 */
function startup(which: 'ours' | 'nlpjs', cacheDir: string): { ms: number; rssMb: number; trained: boolean } {
  const url = (p: string) => JSON.stringify(pathToFileURL(join(root, p)).href);
  const nlpModel = JSON.stringify(join(cacheDir, 'nlpjs-model.json'));
  const script =
    which === 'ours'
      ? `const { loadKnowledge } = await import(${url('src/knowledge/load.ts')});
         const { observeTraining } = await import(${url('src/nlu/classifier.ts')});
         const { createNlu } = await import(${url('src/nlu/index.ts')});
         let trained = false; observeTraining(() => { trained = true; });
         const nlu = createNlu(loadKnowledge(${JSON.stringify(join(root, 'intents'))}), { cache: { dir: ${JSON.stringify(cacheDir)} } });
         nlu.classify('what is the difference between an image and a container');`
      : `const { loadKnowledge } = await import(${url('src/knowledge/load.ts')});
         const { createRequire } = await import('node:module');
         const fs = await import('node:fs');
         const require = createRequire(${url('package.json')});
         const { Nlp } = require('@nlpjs/nlp'); const { LangEn } = require('@nlpjs/lang-en-min');
         const nlp = new Nlp({ languages: ['en'], autoSave: false, autoLoad: false, nlu: { log: false } });
         nlp.use(LangEn);
         const kb = loadKnowledge(${JSON.stringify(join(root, 'intents'))});
         let trained = false;
         if (fs.existsSync(${nlpModel})) nlp.import(fs.readFileSync(${nlpModel}, 'utf8'));
         else {
           for (const i of kb.intents) for (const e of i.examples) nlp.addDocument('en', e, i.id);
           await nlp.train();
           trained = true;
           fs.writeFileSync(${nlpModel}, nlp.export(true));
         }
         await nlp.process('en', 'what is the difference between an image and a container');`;
  const tsx = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      tsx,
      '--input-type=module',
      '-e',
      `${script}\nprocess.stderr.write(JSON.stringify({ ms: performance.now(), rss: process.memoryUsage().rss, trained }));`,
    ],
    { cwd: root, encoding: 'utf8', timeout: 600_000 },
  );
  const m = /\{"ms".*\}$/.exec(r.stderr.trim());
  if (r.status !== 0 || !m) throw new Error(`start-up probe (${which}) failed: ${r.stderr}`);
  const { ms, rss, trained } = JSON.parse(m[0]) as { ms: number; rss: number; trained: boolean };
  return { ms, rssMb: rss / 2 ** 20, trained };
}

/** Cold (nothing saved: trains and saves) then warm (loads what the cold run saved), median of `runs` pairs. */
function coldAndWarm(which: 'ours' | 'nlpjs', runs = 3): { cold: ReturnType<typeof startup>; warm: ReturnType<typeof startup> } {
  const cold: ReturnType<typeof startup>[] = [];
  const warm: ReturnType<typeof startup>[] = [];
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'coach-bench-nlu-'));
    try {
      cold.push(startup(which, dir));
      warm.push(startup(which, dir));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (!cold.every((c) => c.trained) || warm.some((w) => w.trained))
    throw new Error(`${which}: cold runs must train and warm runs must not`);
  const mid = <T extends { ms: number }>(xs: T[]) => [...xs].sort((a, b) => a.ms - b.ms)[Math.floor(xs.length / 2)] as T;
  return { cold: mid(cold), warm: mid(warm) };
}

/** Our model: training time against loading it from the cache, in this process, and the file's size. */
function modelLoadVsTrain(kb: KnowledgeBase): { trainMs: number; loadMs: number; bytes: number } {
  const dir = mkdtempSync(join(tmpdir(), 'coach-bench-model-'));
  try {
    const train: number[] = [];
    const load: number[] = [];
    for (let i = 0; i < 3; i++) {
      rmSync(dir, { recursive: true, force: true });
      const t = performance.now();
      loadIntentClassifier(kb, {}, { dir });
      train.push(performance.now() - t);
      const l = performance.now();
      loadIntentClassifier(kb, {}, { dir });
      load.push(performance.now() - l);
    }
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[1] as number;
    return { trainMs: med(train), loadMs: med(load), bytes: statSync(join(dir, MODEL_FILE)).size };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- the run --------------------------------------------------------------------------------

const key = (s: string) =>
  normalize(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const flags = new Set(process.argv.slice(2).filter((a) => !a.startsWith('--corpus=')));
const onlyCorpus = process.argv
  .slice(2)
  .find((a) => a.startsWith('--corpus='))
  ?.slice('--corpus='.length);

async function main(): Promise<void> {
  let publicRun: CorporaRun | undefined;
  if (!flags.has('--no-corpora'))
    publicRun = await runPublicCorpora({
      nlpjs: !flags.has('--skip-nlpjs'),
      ...(onlyCorpus ? { only: onlyCorpus } : {}),
      log: (m) => {
        console.error(m);
      },
    });
  report(flags.has('--corpora-only') ? undefined : await ownRows(), publicRun);
}

/** Prints (and saves) the own-set table and the public corpora's; JSON lines instead with --json. */
function report(own: string | undefined, publicRun: CorporaRun | undefined): void {
  const parts = [own, publicRun ? corporaTable(publicRun) : undefined].filter((p): p is string => p !== undefined);
  const out = parts.join('\n');
  if (flags.has('--json')) for (const line of publicRun?.jsonLines ?? []) console.log(line);
  else console.log(out);
  const save = (name: string, text: string) => {
    const file = join(root, 'bench/results', name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  // The public corpora's table and JSON lines on their own; the whole report only from a whole run.
  if (publicRun && !onlyCorpus)
    save(
      'nlu-corpora.md',
      `# NLU benchmark, public corpora (npm run bench:nlu)\n${corporaTable(publicRun)}\n\`\`\`json\n${publicRun.jsonLines.join('\n')}\n\`\`\`\n`,
    );
  if (own && publicRun && !onlyCorpus && !flags.has('--skip-nlpjs')) save('nlu.md', `# NLU benchmark (npm run bench:nlu)\n\n${out}`);
}

async function ownRows(): Promise<string> {
  const kb = loadKnowledge(join(root, 'intents'));
  const examples = kb.intents.flatMap((i) => i.examples.map((text) => ({ text, intent: i.id })));
  const readSet = (name: string) =>
    readFileSync(join(root, 'test/fixtures', name), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Labelled);
  const evalSet = readSet('nlu-eval.jsonl');
  const otherSets: [name: string, set: Labelled[]][] = [
    ['Development set', readSet('nlu-dev.jsonl')],
    ['Framed questions (greetings, thanks, sign-offs)', readSet('nlu-framed.jsonl')],
    ['Questions with pasted output', readSet('nlu-pasted.jsonl')],
  ];
  const seen = new Set(examples.map((e) => key(e.text)));
  const duplicates = evalSet.filter((e) => seen.has(key(e.text))).length;

  const systems = [ours, nlpjs];
  const own = [] as OwnSetScore[];
  const braun = [] as CorpusScore[][];
  for (const s of systems) {
    own.push(
      await ownSet(
        s,
        kb,
        evalSet,
        otherSets.map(([, set]) => set),
        seen,
      ),
    );
    const perCorpus: CorpusScore[] = [];
    for (const c of CORPORA) perCorpus.push(await corpus(s, c));
    braun.push(perCorpus);
  }

  // Latency: the same texts for both, cycled (our eval set plus the Braun test sentences).
  const texts = [
    ...evalSet.map((e) => e.text),
    ...CORPORA.flatMap((c) =>
      (JSON.parse(readFileSync(join(CORPORA_DIR, `${c}.json`), 'utf8')) as { sentences: Labelled[] }).sentences.map((s) => s.text),
    ),
  ];
  const nlu = createNlu(kb);
  const ourLatency = await latency((t) => Promise.resolve(nlu.classify(t)), texts, LATENCY_CALLS);
  const nlpAnswer = await nlpjs.trainOwn(kb);
  const nlpLatency = await latency(nlpAnswer, texts, LATENCY_CALLS);
  const bot = createBot({ knowledge: kb, nlu, ...messageReading(kb) });
  let n = 0;
  const handleLatency = await latency(
    (t) => bot.handle({ text: t, platform: 'test', conversation: `bench-${n++ % 50}`, hostAllowed: false }),
    texts,
    HANDLE_CALLS,
  );
  const ourStart = coldAndWarm('ours');
  const nlpStart = coldAndWarm('nlpjs');
  const cached = modelLoadVsTrain(kb);

  const f = (x: number) => x.toFixed(3);
  const ms = (x: number) => (x < 1 ? `${(x * 1000).toFixed(0)} µs` : `${x.toFixed(1)} ms`);
  const pooled = braun.map((b) =>
    b.reduce((a, c) => ({ correct: a.correct + c.correct, total: a.total + c.total }), { correct: 0, total: 0 }),
  );
  const rows: [string, string, string][] = [
    [`Own eval set: in-scope accuracy (${evalSet.filter((e) => e.intent !== NONE).length} lines)`, f(own[0]!.inScope), f(own[1]!.inScope)],
    [
      `Own eval set: near misses answered none (${evalSet.filter((e) => e.intent === NONE).length} lines)`,
      f(own[0]!.nearMiss),
      f(own[1]!.nearMiss),
    ],
    ['Own eval set: overall accuracy', f(own[0]!.overall), f(own[1]!.overall)],
    [
      `Own eval set: accuracy on lines that are not also training examples (${evalSet.length - duplicates})`,
      f(own[0]!.unseen),
      f(own[1]!.unseen),
    ],
    ...otherSets.flatMap(([name, set], k): [string, string, string][] => [
      [
        `${name}: in-scope accuracy (${set.filter((e) => e.intent !== NONE).length} lines)`,
        f(own[0]!.others[k]!.inScope),
        f(own[1]!.others[k]!.inScope),
      ],
      [
        `${name}: near misses answered none (${set.filter((e) => e.intent === NONE).length} lines)`,
        f(own[0]!.others[k]!.nearMiss),
        f(own[1]!.others[k]!.nearMiss),
      ],
    ]),
    ...CORPORA.map((c, i): [string, string, string] => {
      const a = braun[0]![i]!,
        b = braun[1]![i]!;
      return [
        `${c} micro-F1 (${a.total} test sentences)`,
        `${f(a.correct / a.total)} (${a.correct})`,
        `${f(b.correct / b.total)} (${b.correct})`,
      ];
    }),
    [
      `Braun corpora pooled micro-F1 (${pooled[0]!.total})`,
      `**${f(pooled[0]!.correct / pooled[0]!.total)}** (${pooled[0]!.correct}/${pooled[0]!.total})`,
      `${f(pooled[1]!.correct / pooled[1]!.total)} (${pooled[1]!.correct}/${pooled[1]!.total})`,
    ],
    [
      `Training on intents/ (${examples.length} examples): first in process / warm median of 3`,
      `${ms(own[0]!.coldMs)} / ${ms(own[0]!.warmMs)}`,
      `${ms(own[1]!.coldMs)} / ${ms(own[1]!.warmMs)}`,
    ],
    [
      `classify latency p50 / p99 (${LATENCY_CALLS.toLocaleString('en')} calls)`,
      `${ms(ourLatency.p50)} / ${ms(ourLatency.p99)}`,
      `${ms(nlpLatency.p50)} / ${ms(nlpLatency.p99)}`,
    ],
    [
      `bot.handle latency p50 / p99 (${HANDLE_CALLS.toLocaleString('en')} calls, no host)`,
      `${ms(handleLatency.p50)} / ${ms(handleLatency.p99)}`,
      '–',
    ],
    [
      'Start-up to first answer, cold (fresh process, nothing saved: import, load intents, train and save, classify; median of 3)',
      ms(ourStart.cold.ms),
      ms(nlpStart.cold.ms),
    ],
    [
      'Start-up to first answer, warm (fresh process, saved model: import, load intents, load model, classify; median of 3)',
      ms(ourStart.warm.ms),
      ms(nlpStart.warm.ms),
    ],
    [
      'Saved model: train / load from disk in-process (median of 3), file size',
      `${ms(cached.trainMs)} / ${ms(cached.loadMs)}, ${(cached.bytes / 2 ** 20).toFixed(1)} MB`,
      '–',
    ],
    [
      'RSS after first answer (cold / warm)',
      `${ourStart.cold.rssMb.toFixed(0)} / ${ourStart.warm.rssMb.toFixed(0)} MB`,
      `${nlpStart.cold.rssMb.toFixed(0)} / ${nlpStart.warm.rssMb.toFixed(0)} MB`,
    ],
    ['Slowest hostile input (entities, explain, framing; test/fixtures/hostile-inputs.ts)', ms(slowestHostileInputMs()), '–'],
    ...answerLengthTable(await answerLengthRows()),
  ];
  const table = [
    `| Measure | ${systems.map((s) => s.name).join(' | ')} |`,
    '|---|---|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
  const notes = [
    '',
    `Both are trained on the same ${examples.length} example questions from intents/; ours also learns, with lower weight, from each intent's title, commands and answer sentences, and from its own out-of-scope list (src/nlu/out-of-scope.ts). The eval set is never trained on.`,
    'The development set (test/fixtures/nlu-dev.jsonl) was written later, independently, in the styles of real public questions (Stack Overflow titles, long Slack/Reddit posts, short chat, non-native English); classifier changes are chosen on it and on cross-validation (bench/nlu-cv.ts), and the eval set is the final check. The framed (nlu-framed.jsonl) and pasted-output (nlu-pasted.jsonl) sets were written last, by someone who saw neither the code nor the other sets, to measure two habits of real posts.',
    `${duplicates} eval line(s) are also training examples (normalized text); the "not also training examples" row leaves them out.`,
    'Braun corpora: each system is trained on the train split and tested on the test split of each corpus. One label per sentence, so micro-F1 = accuracy. Ours: no `none` threshold, "None" is a label like any other. nlp.js: its own threshold, its `None` counted as the corpus label "None" (a miss in the Chatbot corpus, which has no None).',
    `Node ${process.version}, ${cpus().length} CPU(s), load average ${loadavg()[0]!.toFixed(1)} at the end of the run; ${new Date().toISOString().slice(0, 10)}.`,
  ].join('\n');
  return `${table}\n${notes}\n`;
}

await main();
