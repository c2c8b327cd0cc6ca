// The hidden-layer model (src/nlu/mlp.ts) and its 8-bit form (mlp-int8.ts): it learns what a linear model cannot, repeats for a seed,
// and copes with an empty sentence.
import { describe, expect, it } from 'vitest';
import type { SparseVector } from '../../src/nlu/features.ts';
import { SoftmaxModel } from '../../src/nlu/linear.ts';
import { DEFAULT_MLP, MlpModel, type MlpOptions } from '../../src/nlu/mlp.ts';
import { int8Probabilities, toInt8 } from '../../src/nlu/mlp-int8.ts';

const vec = (pairs: [number, number][]): SparseVector => ({
  index: Int32Array.from(pairs.map(([i]) => i)),
  value: Float64Array.from(pairs.map(([, v]) => v)),
});

// XOR over two binary "words" (features 0 and 1), with a constant feature 2 so every sentence has input:
// class 1 when exactly one of the words is present.
const xor = [
  { x: vec([[2, 1]]), y: 0 },
  {
    x: vec([
      [0, 1],
      [2, 1],
    ]),
    y: 1,
  },
  {
    x: vec([
      [1, 1],
      [2, 1],
    ]),
    y: 1,
  },
  {
    x: vec([
      [0, 1],
      [1, 1],
      [2, 1],
    ]),
    y: 0,
  },
];
const xs = Array.from({ length: 25 }, () => xor.map((e) => e.x)).flat();
const ys = Array.from({ length: 25 }, () => xor.map((e) => e.y)).flat();
const small: MlpOptions = { ...DEFAULT_MLP, hidden: 16, epochs: 40, learningRate: 0.2, dropout: 0, inputDropout: 0, initScale: 1 };

const argmax = (p: ArrayLike<number>) => Array.from(p).reduce((best, v, i, a) => (v > (a[best] as number) ? i : best), 0);

describe('MlpModel', () => {
  it('learns XOR, which no linear model over the same features can', () => {
    const mlp = new MlpModel(2, 3, 16);
    mlp.train(xs, ys, small);
    expect(xor.map((e) => argmax(mlp.probabilities(e.x)))).toEqual([0, 1, 1, 0]);

    const linear = new SoftmaxModel(2, 3);
    linear.train(xs, ys, { steps: 1_000, epochs: 40, learningRate: 0.5, l2: 0, balanced: true, seed: 7 });
    const right = xor.filter((e) => argmax(linear.probabilities(e.x)) === e.y).length;
    expect(right).toBeLessThan(4);
  });

  it('learns with tanh units and with dropout too', () => {
    for (const o of [
      { ...small, activation: 'tanh' as const },
      { ...small, hidden: 64, epochs: 80, dropout: 0.2 },
    ]) {
      const mlp = new MlpModel(2, 3, o.hidden, o.activation);
      mlp.train(xs, ys, o);
      expect(xor.map((e) => argmax(mlp.probabilities(e.x)))).toEqual([0, 1, 1, 0]);
    }
  });

  it('trains to the same weights for the same seed, and to other weights for another', () => {
    const o = { ...small, dropout: 0.2, inputDropout: 0.1 };
    const fit = (seed: number) => {
      const mlp = new MlpModel(2, 3, 16);
      mlp.train(xs, ys, { ...o, seed });
      return Array.from(mlp.parameters.w1);
    };
    expect(fit(3)).toEqual(fit(3));
    expect(fit(3)).not.toEqual(fit(4));
  });

  it('answers an empty sentence (and ignores features it was not built for) with probabilities that sum to 1', () => {
    const mlp = new MlpModel(2, 3, 16);
    mlp.train(xs, ys, small);
    for (const x of [vec([]), vec([[99, 1]])]) {
      const p = mlp.probabilities(x);
      expect(p).toHaveLength(2);
      expect(p.every((v) => Number.isFinite(v))).toBe(true);
      expect((p[0] as number) + (p[1] as number)).toBeCloseTo(1, 9);
    }
  });

  it('weighs classes: a heavier class wins the sentences both classes share', () => {
    const shared = vec([[0, 1]]);
    const train = (classWeights: number[]) => {
      const mlp = new MlpModel(2, 1, 8);
      mlp.train([shared, shared], [0, 1], { ...small, epochs: 50 }, classWeights);
      return mlp.probabilities(shared);
    };
    expect(argmax(train([1, 3]))).toBe(1);
    expect(argmax(train([3, 1]))).toBe(0);
  });

  it('rejects parameters of the wrong size', () => {
    const p = { w1: new Float32Array(3), b1: new Float32Array(1), w2: new Float32Array(2), b2: new Float32Array(2) };
    expect(() => new MlpModel(2, 3, 1, 'relu', p)).not.toThrow();
    expect(() => new MlpModel(2, 4, 1, 'relu', p)).toThrow(RangeError);
  });
});

describe('the hidden layer in 8 bits (src/nlu/mlp-int8.ts)', () => {
  it('answers as the float model does, within rounding, and keeps its decisions', () => {
    const mlp = new MlpModel(2, 3, small.hidden);
    mlp.train(xs, ys, small);
    const layer = toInt8(mlp.parameters, small.hidden, small.activation);
    expect(layer.q1).toBeInstanceOf(Int8Array);
    expect(layer.q1.length).toBe(3 * small.hidden);
    for (const e of xor) {
      const exact = mlp.probabilities(e.x);
      const rounded = int8Probabilities(layer, e.x);
      expect(argmax(rounded)).toBe(argmax(exact));
      for (let c = 0; c < 2; c++) expect(Math.abs((rounded[c] as number) - (exact[c] as number))).toBeLessThan(0.02);
    }
  });

  it('ignores features it never saw and answers a sentence without any', () => {
    const mlp = new MlpModel(2, 3, small.hidden);
    mlp.train(xs, ys, small);
    const layer = toInt8(mlp.parameters, small.hidden, small.activation);
    const p = int8Probabilities(layer, vec([[99, 1]]));
    expect(p[0]! + p[1]!).toBeCloseTo(1, 10);
    expect(Array.from(p)).toEqual(Array.from(int8Probabilities(layer, vec([]))));
  });
});
