import { describe, expect, it } from 'vitest';
import { parseWordVectors, wordVectors } from '../../src/nlu/embeddings.ts';
import { DEFAULT_FEATURES, Featurizer } from '../../src/nlu/features.ts';

/** A tiny EMB1 file: each word's int8 vector and its scale. */
function emb1(vectors: number[][]): Uint8Array {
  const dims = vectors[0]?.length ?? 0;
  const buf = Buffer.alloc(12 + vectors.length * 4 + vectors.length * dims);
  buf.write('EMB1', 0, 'latin1');
  buf.writeUInt32LE(vectors.length, 4);
  buf.writeUInt32LE(dims, 8);
  vectors.forEach((v, i) => {
    buf.writeFloatLE(0.01, 12 + i * 4);
    v.forEach((x, d) => buf.writeInt8(x, 12 + vectors.length * 4 + i * dims + d));
  });
  return buf;
}

// "cancel" and "stop" point the same way, "weather" elsewhere.
const tiny = parseWordVectors(
  emb1([
    [100, 0, 0],
    [90, 10, 0],
    [0, 0, 120],
  ]),
  ['cancel', 'stop', 'weather'],
);
const denseOnly = { ...DEFAULT_FEATURES, word: 0, pair: 0, chars: 0, concept: 0, spelling: false };

describe('word vectors', () => {
  it('reads an EMB1 file into unit-length vectors by word', () => {
    expect(tiny.dims).toBe(3);
    expect(Array.from(tiny.get('cancel') ?? [])).toEqual([1, 0, 0]);
    const v = Array.from(tiny.get('stop') ?? []);
    expect(Math.hypot(...v)).toBeCloseTo(1, 6);
    expect(tiny.get('unknown')).toBeUndefined();
    expect(() => parseWordVectors(emb1([[1, 2]]), ['a', 'b'])).toThrow(RangeError);
  });

  it('ships vectors for common English words, close for words that mean alike', () => {
    const v = wordVectors();
    expect(v.dims).toBe(100);
    const cos = (a: string, b: string) => {
      const x = v.get(a),
        y = v.get(b);
      if (!x || !y) throw new Error(`no vector for ${a} or ${b}`);
      return x.reduce((s, xi, i) => s + xi * (y[i] as number), 0);
    };
    expect(cos('cancel', 'cancellation')).toBeGreaterThan(cos('cancel', 'weather'));
    expect(cos('delete', 'remove')).toBeGreaterThan(0.5);
  });
});

describe('sentence-vector features', () => {
  it('appends the mean word vector after the sparse features, with the length asked for', () => {
    const f = new Featurizer({ ...denseOnly, word: 1, embedding: 0.5 }, tiny);
    f.fit(['cancel it', 'the weather']);
    expect(f.size).toBe(4 + 3); // cancel, it, the, weather + 3 dims
    const x = f.transform('please stop');
    const dense = Array.from(x.index)
      .map((i, k) => [i, x.value[k] as number] as const)
      .filter(([i]) => i >= 4);
    expect(dense.map(([i]) => i)).toEqual([4, 5, 6]);
    expect(Math.hypot(...dense.map(([, v]) => v))).toBeCloseTo(0.5, 6);
    // A word never seen in training ("stop") still lands near the one it means alike ("cancel").
    const cancel = f.transform('cancel');
    const dot = (a: typeof x, b: typeof x) =>
      Array.from(a.index).reduce((s, i, k) => {
        const j = Array.from(b.index).indexOf(i);
        return j < 0 ? s : s + (a.value[k] as number) * (b.value[j] as number);
      }, 0);
    expect(dot(x, cancel)).toBeGreaterThan(dot(x, f.transform('weather')));
  });

  it('adds the element-wise maximum as its own block, and nothing when both are unset', () => {
    const both = new Featurizer({ ...denseOnly, embedding: 0.5, embeddingMax: 0.3 }, tiny);
    both.fit(['cancel it']);
    expect(both.size).toBe(0 + 6);
    const x = both.transform('cancel weather');
    expect(Math.hypot(...Array.from(x.value).slice(3))).toBeCloseTo(0.3, 6);
    expect(
      Array.from(x.value)
        .slice(3)
        .map((v) => v > 0),
    ).toEqual([true, false, true]);
    const none = new Featurizer({ ...denseOnly, word: 1 }, tiny);
    none.fit(['cancel it']);
    expect(none.size).toBe(2);
    expect(none.transform('cancel').index.length).toBe(1);
  });

  it('transforms the same after a save and load of the fitted state', () => {
    const weights = { ...DEFAULT_FEATURES, embedding: 0.6, embeddingMax: 0.4 };
    const f = new Featurizer(weights, tiny);
    f.fit(['cancel my order', 'what is the weather', 'stop the music']);
    const g = Featurizer.fromState(f.state, weights, tiny);
    for (const t of ['cancel it', 'weather today', 'unknown words only']) expect(g.transform(t)).toEqual(f.transform(t));
  });
});

describe('vector-bucket features', () => {
  const only = { ...denseOnly, vectorBuckets: 1 };

  it('gives each sentence one bucket per table, none when no word has a vector', () => {
    const f = new Featurizer(only);
    f.fit(['cancel my reservation', 'qwxz zzqv']);
    expect(f.size).toBe(32);
    expect(f.transform('cancel my reservation').index.length).toBe(32);
    expect(f.transform('qwxz zzqv').index.length).toBe(0);
  });

  it('puts sentences that mean alike in more shared buckets than unrelated ones', () => {
    const f = new Featurizer(only);
    const texts = ['cancel my restaurant reservation', 'call off my dinner booking', 'what is the weather like tomorrow'];
    f.fit(texts);
    const [a, b, c] = texts.map((t) => new Set(f.transform(t).index));
    const shared = (x?: Set<number>, y?: Set<number>) => [...(x ?? [])].filter((i) => y?.has(i)).length;
    expect(shared(a, b)).toBeGreaterThan(shared(a, c));
    expect(shared(a, b)).toBeGreaterThan(shared(b, c));
  });
});
