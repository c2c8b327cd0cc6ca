// The public corpora's readers (bench/corpora.ts): the CSV quoting BANKING77 uses, and the splits.
import { describe, expect, it } from 'vitest';
import { loadBanking77, loadClinc, parseCsv } from '../../bench/corpora.ts';
import { CORPUS_SETTINGS, corpusModel, ours } from '../../bench/corpora-run.ts';
import { DEFAULT_MLP } from '../../src/nlu/mlp.ts';
import { NONE, trainClassifier, type TrainingExample } from '../../src/nlu/classifier.ts';

describe('public corpora', () => {
  it('reads quoted CSV fields with commas, doubled quotes and line breaks', () => {
    const csv = 'text,category\nplain text,a\n"with, comma",b\n"say ""hi""\nthen go",c\r\nlast,d';
    expect(parseCsv(csv)).toEqual([
      { text: 'plain text', intent: 'a' },
      { text: 'with, comma', intent: 'b' },
      { text: 'say "hi"\nthen go', intent: 'c' },
      { text: 'last', intent: 'd' },
    ]);
  });

  it('reads BANKING77 whole: 10,003 training and 3,080 test rows over 77 intents', () => {
    const b = loadBanking77();
    expect([b.train.length, b.test.length]).toEqual([10_003, 3_080]);
    expect(new Set(b.train.map((e) => e.intent)).size).toBe(77);
  });

  it('reads the CLINC150 splits, out-of-scope rows apart from the 150 intents', () => {
    const full = loadClinc('full');
    expect([full.train.length, full.val.length, full.test.length]).toEqual([15_000, 3_000, 4_500]);
    expect([full.oosTrain.length, full.oosVal.length, full.oosTest.length]).toEqual([100, 100, 1_000]);
    expect(new Set(full.train.map((e) => e.intent)).size).toBe(150);
    expect(loadClinc('oos_plus').oosTrain.length).toBe(250);
    expect(loadClinc('small').train.length).toBe(7_500);
  });
});

describe('ours on the public corpora', () => {
  const examples: TrainingExample[] = [
    ...['cancel my reservation', 'cancel the table booking', 'please cancel my booking'].map((text) => ({ text, intent: 'cancel' })),
    ...['what is the weather today', 'is it going to rain', 'how hot is it outside'].map((text) => ({ text, intent: 'weather' })),
  ];

  it('trains with the word-vector features, which carry a question worded unlike every example', () => {
    // "forecast" and "sunny" are in no training sentence: only their word vectors tie them to the weather.
    const withVectors = trainClassifier(examples, { ...CORPUS_SETTINGS, threshold: null });
    expect(withVectors.classify('sunny forecast').intent).toBe('weather');
    const weather = (c: typeof withVectors) => {
      const r = c.classify('sunny forecast');
      return r.intent === 'weather' ? r.confidence : (r.alternatives.find((a) => a.intent === 'weather')?.confidence ?? 0);
    };
    // Without them (the product's defaults) nothing but a few character n-grams is known, and those point elsewhere.
    expect(weather(withVectors)).toBeGreaterThan(weather(trainClassifier(examples, { threshold: null })) + 0.2);
  });

  it('chooses its none threshold on the held-out split and answers none for out-of-scope sentences', async () => {
    const outOfScope = ['tell me a joke', 'who won the football game', 'sing me a song', 'what is your favourite colour'];
    const heldOut = { inScope: [{ text: 'cancel my table', intent: 'cancel' }], outOfScope: ['tell me another joke'] };
    const trained = await ours.train(examples, outOfScope, heldOut);
    expect(trained.extra?.threshold).toEqual(expect.any(Number));
    expect(await trained.answer('cancel my table')).toBe('cancel');
    expect(await trained.answer('tell me a funny joke')).toBe(NONE);
  });

  it('averages the hidden-layer model in at its weight: weight 0 is the linear model alone', () => {
    const outOfScope = ['tell me a joke', 'who won the football game', 'sing me a song'];
    const mlp = { ...DEFAULT_MLP, hidden: 32, epochs: 30, weight: 0 };
    const { mlp: _default, ...linearOnly } = CORPUS_SETTINGS;
    const linear = corpusModel(examples, { ...linearOnly, outOfScope });
    const none = corpusModel(examples, { ...CORPUS_SETTINGS, outOfScope, mlp });
    const half = corpusModel(examples, { ...CORPUS_SETTINGS, outOfScope, mlp: { ...mlp, weight: 0.5 } });
    const only = corpusModel(examples, { ...CORPUS_SETTINGS, outOfScope, mlp: { ...mlp, weight: 1 } });
    const text = 'cancel my table for tonight';
    expect(Array.from(none.probabilities(text))).toEqual(Array.from(linear.probabilities(text)));
    const [l, h, m] = [linear, half, only].map((x) => x.probabilities(text)[0] as number);
    expect(h).toBeCloseTo(((l as number) + (m as number)) / 2, 9);
    expect(only.model.labels[0]).toBe('cancel');
    expect(m).toBeGreaterThan(0.5);
  });

  it('averages several hidden-layer models, one on features of its own, the linear model getting what is left', () => {
    const outOfScope = ['tell me a joke', 'who won the football game', 'sing me a song'];
    const a = { ...DEFAULT_MLP, hidden: 32, epochs: 30, weight: 1 };
    const b = { ...a, features: { chars: 0 } };
    const { mlp: _default, ...linearOnly } = CORPUS_SETTINGS;
    const linear = corpusModel(examples, { ...linearOnly, outOfScope });
    const onlyA = corpusModel(examples, { ...CORPUS_SETTINGS, outOfScope, mlp: a });
    const onlyB = corpusModel(examples, { ...CORPUS_SETTINGS, outOfScope, mlp: b });
    const mixed = corpusModel(examples, {
      ...CORPUS_SETTINGS,
      outOfScope,
      mlp: [
        { ...a, weight: 0.3 },
        { ...b, weight: 0.3 },
      ],
    });
    const text = 'cancel my table for tonight';
    const [l, x, y, m] = [linear, onlyA, onlyB, mixed].map((c) => c.probabilities(text)[0] as number);
    expect(x).not.toBeCloseTo(y as number, 6);
    expect(m).toBeCloseTo(0.4 * (l as number) + 0.3 * (x as number) + 0.3 * (y as number), 9);
  });
});
