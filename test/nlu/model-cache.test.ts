// The trained model on disk (src/nlu/model-cache.ts) and lazy training (createNlu): trainings are
// counted through the classifier's own observer, never timed.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliServices } from '../../src/adapters/cli/cli.ts';
import { loadConfig } from '../../src/config.ts';
import type { Classification, KnowledgeBase } from '../../src/core/ports.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { buildRuntime } from '../../src/app/runtime.ts';
import { classifierFromModel, observeTraining, trainModel, type TrainedModel } from '../../src/nlu/classifier.ts';
import { DEFAULT_MLP } from '../../src/nlu/mlp.ts';
import { createNlu } from '../../src/nlu/index.ts';
import { MODEL_FILE, modelKey, resolveModelCacheDir, DEFAULT_MODEL_CACHE_DIR } from '../../src/nlu/model-cache.ts';
import { decodeModel, encodeModel } from '../../src/nlu/model-file.ts';
import { createLogger } from '../../src/ops/logger.ts';
import { INTENTS_DIR } from '../helpers/bot.ts';
import { sink } from '../helpers/sink.ts';

const kb = loadKnowledge(INTENTS_DIR);
const root = mkdtempSync(join(tmpdir(), 'coach-model-cache-'));
let folders = 0;
const freshDir = () => join(root, `cache-${folders++}`);

let trainings = 0;
let unitTrainings = 0;
// The intent classifier's trainings (unit models are counted apart: unitTrainings)
const stopCounting = observeTraining((e) => {
  if (e.kind === 'intent') trainings++;
  else unitTrainings++;
});
afterAll(() => {
  stopCounting();
  rmSync(root, { recursive: true, force: true });
});

/** Trainings that happen while `fn` runs. */
async function trainingsDuring(fn: () => unknown): Promise<number> {
  const before = trainings;
  await fn();
  return trainings - before;
}

// Questions of every kind: in scope, framed, out of scope, with pasted output, misspelt.
const devLines = readFileSync(fileURLToPath(new URL('../fixtures/nlu-dev.jsonl', import.meta.url)), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { text: string }).text);
const questions = [
  ...devLines.filter((_, i) => i % 10 === 0),
  'Hello! how do I delet an imgae? thanks in advance',
  'what is the weather in Paris',
  'my container exits right away:\n```\nExited (137) 2 minutes ago\n```',
];

/** A knowledge base like the real one with one more example sentence. */
function withOneMoreExample(base: KnowledgeBase): KnowledgeBase {
  const intents = base.intents.map((i, n) => (n === 0 ? { ...i, examples: [...i.examples, 'one more way to ask this'] } : i));
  return { intents, get: (id) => intents.find((i) => i.id === id) };
}

// Upper bounds only (never asserted): a training takes ~0.5 s on a quiet machine, seconds on a busy one.
const SLOW = { timeout: 180_000 };

describe('training is lazy', SLOW, () => {
  it('creating the NLU, extracting entities and explaining a command train nothing; the first classify trains once', async () => {
    const nlu = createNlu(kb);
    const before = await trainingsDuring(() => {
      nlu.entities('why is my container web not reachable on port 8080');
      nlu.explain('docker run -d -p 8080:80 --name web nginx:1.25');
    });
    expect(before).toBe(0);
    expect(
      await trainingsDuring(() => {
        nlu.classify('what is an image');
        nlu.classify('what is a container');
      }),
    ).toBe(1);
  });
});

/** A fresh cache folder holding a copy of the models the cold start saved (intent and unit models). */
function warmDir(): string {
  const dir = freshDir();
  mkdirSync(dir);
  for (const f of readdirSync(golden.dir)) copyFileSync(join(golden.dir, f), join(dir, f));
  return dir;
}

/** Unit-model trainings while `fn` runs. */
async function unitTrainingsDuring(fn: () => unknown): Promise<number> {
  const before = unitTrainings;
  await fn();
  return unitTrainings - before;
}
const intentsWithUnits = kb.intents.filter((i) => i.units?.length).map((i) => i.id);

// A cold start: no model saved yet. Its answers (a freshly trained model) are the reference.
const golden = { dir: freshDir(), trainings: -1, reference: [] as Classification[] };
beforeAll(async () => {
  const cold = createNlu(kb, { cache: { dir: golden.dir } });
  golden.trainings = await trainingsDuring(() => (golden.reference = questions.map((q) => cold.classify(q))));
});

describe('the model cache', SLOW, () => {
  it('a cold start trains once and saves the model; a warm one trains zero times and answers identically', async () => {
    expect(golden.trainings).toBe(1);
    // Every intent's unit model is saved with it, and no temporary file is left behind.
    expect(intentsWithUnits.length).toBeGreaterThan(0);
    expect(readdirSync(golden.dir).sort()).toEqual([MODEL_FILE, ...intentsWithUnits.map((id) => `units.${id}.bin`)].sort());

    const warm = createNlu(kb, { cache: { dir: warmDir() } });
    let answers: Classification[] = [];
    const units = await unitTrainingsDuring(async () => {
      expect(await trainingsDuring(() => (answers = questions.map((q) => warm.classify(q))))).toBe(0);
    });
    expect(units).toBe(0); // a warm process trains no unit model either
    expect(answers).toEqual(golden.reference);
  });

  // One byte changed inside the weights: only the checksum can tell.
  const damages: [string, (good: Buffer) => Buffer][] = [
    ['truncated', (good) => good.subarray(0, Math.floor(good.length / 2))],
    [
      'one weight byte changed',
      (good) => {
        const bytes = Buffer.from(good);
        bytes[bytes.length - 1000] = (bytes[bytes.length - 1000]! + 1) % 256;
        return bytes;
      },
    ],
  ];
  it.each(damages)('rebuilds a %s file instead of trusting it', async (_what, damage) => {
    const dir = warmDir();
    const file = join(dir, MODEL_FILE);
    const good = readFileSync(file);
    writeFileSync(file, damage(good));
    let answers: Classification[] = [];
    const trained = await trainingsDuring(() => {
      const nlu = createNlu(kb, { cache: { dir } });
      answers = questions.map((q) => nlu.classify(q));
    });
    expect(trained).toBe(1);
    expect(answers).toEqual(golden.reference);
    expect(readFileSync(file).equals(good)).toBe(true); // rewritten, whole again
  });

  it('retrains when the training data changed (a stale file), and keeps the new model', async () => {
    const dir = warmDir();
    const changed = withOneMoreExample(kb);
    expect(await trainingsDuring(() => createNlu(changed, { cache: { dir } }).classify('what is an image'))).toBe(1);
    expect(await trainingsDuring(() => createNlu(changed, { cache: { dir } }).classify('what is an image'))).toBe(0);
  });

  it('trains and answers when the folder cannot be written, warning once', async () => {
    const blocker = join(root, 'a-file');
    writeFileSync(blocker, 'not a folder');
    const dir = join(blocker, 'model'); // below a file: mkdir fails (ENOTDIR) even for root
    const warnings: object[] = [];
    const log = { warn: (details: object) => void warnings.push(details) };
    let answer: Classification | undefined;
    const trained = await trainingsDuring(() => {
      answer = createNlu(kb, { cache: { dir, log } }).classify(questions[0]!);
      createNlu(kb, { cache: { dir, log } }).classify(questions[0]!);
    });
    expect(trained).toBe(2);
    expect(answer).toEqual(golden.reference[0]);
    expect(warnings).toEqual([{ dir, code: 'ENOTDIR' }]);
    expect(existsSync(dir)).toBe(false);
  });
});

describe('the cache file and its key', SLOW, () => {
  const examples = [
    { text: 'what is an image', intent: 'a' },
    { text: 'what is a container', intent: 'b' },
    { text: 'how do I remove an image', intent: 'a' },
  ];
  const options = { outOfScope: ['what is the weather'] };
  let model: TrainedModel;
  beforeAll(() => {
    model = trainModel(examples, options);
  });

  it('changes the key with any example, weight, out-of-scope sentence or training setting', () => {
    const key = modelKey(examples, options);
    expect(modelKey(examples, options)).toBe(key);
    const variants = [
      modelKey([...examples, { text: 'one more', intent: 'b' }], options),
      modelKey([{ ...examples[0]!, text: 'what is an imag' }, ...examples.slice(1)], options),
      modelKey([{ ...examples[0]!, weight: 0.5 }, ...examples.slice(1)], options),
      modelKey([{ ...examples[0]!, intent: 'b' }, ...examples.slice(1)], options),
      modelKey(examples, { outOfScope: ['what is the weather today'] }),
      modelKey(examples, { ...options, outOfScopeWeight: 2 }),
      modelKey(examples, { ...options, training: { steps: 10, learningRate: 1, l2: 0, balanced: true, seed: 1 } }),
    ];
    expect(new Set([key, ...variants]).size).toBe(variants.length + 1);
    // Settings that act after training (the threshold) do not invalidate the model.
    expect(modelKey(examples, { ...options, threshold: 0.5 })).toBe(key);
  });

  it('decodes what it encodes, bit for bit, and names what is wrong with a bad file', () => {
    const key = modelKey(examples, options);
    const bytes = encodeModel(key, model, [[0.5, 0.5]]);
    const decoded = decodeModel(bytes, key);
    if ('problem' in decoded) throw new Error(decoded.problem);
    expect(decoded.model).toEqual(model);
    expect(decoded.probes).toEqual([[0.5, 0.5]]);

    const header = bytes.subarray(0, bytes.indexOf('}') + 1);
    const problems = [
      decodeModel(bytes, modelKey([...examples, { text: 'x', intent: 'a' }], options)),
      decodeModel(bytes.subarray(0, bytes.length - 1), key),
      decodeModel(Buffer.concat([bytes, Buffer.alloc(8)]), key),
      decodeModel(header, key),
      decodeModel(Buffer.from('{"hello":"world"}'), key),
      decodeModel(Buffer.alloc(0), key),
      decodeModel(Buffer.from(bytes.toString('latin1').replace('"labels"', '"lables"'), 'latin1'), key),
      decodeModel(Buffer.from(bytes.toString('latin1').replace('"format":2', '"format":{'), 'latin1'), key),
    ].map((d) => ('problem' in d ? d.problem : 'accepted'));
    expect(problems).toEqual([
      'stale (trained on other data or code)',
      'wrong size',
      'wrong size',
      'truncated header',
      'not a model file',
      'not a model file',
      'unexpected header',
      'garbled header',
    ]);
  });

  it('keeps a hidden layer: decoded, it answers exactly as trained; its settings are part of the key', () => {
    const withLayer = { ...options, hiddenLayer: { ...DEFAULT_MLP, hidden: 8, epochs: 2, weight: 0.3 } };
    const trained = trainModel(examples, withLayer);
    const key = modelKey(examples, withLayer);
    expect(key).not.toBe(modelKey(examples, options));
    expect(key).not.toBe(modelKey(examples, { ...withLayer, hiddenLayer: { ...withLayer.hiddenLayer, hidden: 16 } }));
    const decoded = decodeModel(encodeModel(key, trained, []), key);
    if ('problem' in decoded) throw new Error(decoded.problem);
    expect(decoded.model).toEqual(trained);
    const [a, b] = [trained, decoded.model].map((m) => classifierFromModel(m, withLayer));
    for (const text of ['what is an image', 'delete a container', 'what is the weather'])
      expect(b?.probabilities(text)).toEqual(a?.probabilities(text));
    // The hidden layer moves the ranking: the average differs from the linear model alone.
    const { mlp, ...linearOnly } = trained;
    expect(mlp?.layer.hidden).toBe(8);
    const linear = classifierFromModel(linearOnly, options);
    expect(a?.probabilities('what is an image')).not.toEqual(linear.probabilities('what is an image'));
  });

  it('resolves the folder setting: unset → the install folder, off → none, else that path', () => {
    expect(resolveModelCacheDir(undefined)).toBe(DEFAULT_MODEL_CACHE_DIR);
    expect(DEFAULT_MODEL_CACHE_DIR).toBe(fileURLToPath(new URL('../../.cache/model', import.meta.url)));
    expect(resolveModelCacheDir('off')).toBeNull();
    expect(resolveModelCacheDir('/var/cache/coach')).toBe('/var/cache/coach');
  });
});

describe('the runtime', SLOW, () => {
  const logger = createLogger({ level: 'silent', format: 'json', secrets: [] });

  function services(dir: string): CliServices & { built: () => number } {
    let built = 0;
    const config = loadConfig({ COACH_MODEL_CACHE_DIR: dir, COACH_DOCKER: 'off' });
    const runtime = () => {
      built++;
      return buildRuntime(config, logger);
    };
    return {
      built: () => built,
      core: () => Promise.resolve(runtime()),
      // The host commands go through the core's bot (no host connected here: the core answers
      // from the knowledge base); what matters is that building it and answering train nothing.
      hostBot: () => Promise.resolve(runtime().bot),
      config: () => Promise.resolve(0),
      start: () => Promise.resolve(0),
      discordRegister: () => Promise.resolve(0),
      proxy: () => Promise.resolve(0),
      report: () => Promise.resolve(0),
    };
  }
  const io = () => ({ stdin: process.stdin, stdout: sink().out, stderr: sink().out });

  it('building it and answering `coach why`, `ps` and `images` train nothing', async () => {
    const s = services(freshDir());
    const trained = await trainingsDuring(async () => {
      await runCli(['why', 'web'], io(), s);
      await runCli(['ps', '--all'], io(), s);
      await runCli(['images'], io(), s);
    });
    expect(s.built()).toBeGreaterThan(0);
    expect(trained).toBe(0);
  });

  it('`coach ask` with a warm cache trains nothing', async () => {
    const out = sink();
    const ask = () =>
      runCli(['ask', 'how do I delete an image'], { stdin: process.stdin, stdout: out.out, stderr: sink().out }, services(warmDir()));
    expect(await trainingsDuring(ask)).toBe(0);
    expect(out.text()).toMatch(/docker (image )?rmi/);
  });
});
