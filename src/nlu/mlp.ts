// A one-hidden-layer perceptron over the featurizer's sparse vectors (features.ts): input → hidden
// (ReLU or tanh, dropout) → softmax over the classes, trained by per-sentence SGD with a linearly
// falling learning rate. A sparse input costs only its non-zero features' rows of the first layer,
// so a sentence of ~300 active features and 256 hidden units costs ~0.1 M multiply-adds to classify.
// Plain TypeScript on Float32Arrays; deterministic for a seed (and, with TrainingKeys, each draw tied
// to one sentence, feature or class). The product's classifier averages one with its linear model
// (classifier.ts `hiddenLayer`); the public-corpus benchmark trains its own (bench/corpora-run.ts).
import type { SparseVector } from './features.ts';
import { shuffle, softmax, trainingWeights } from './linear.ts';
import { keyedOrder, mixKeys, mulberry32 } from './random.ts';

export interface MlpOptions {
  /** Hidden units. */
  hidden: number;
  epochs: number;
  learningRate: number;
  /** L2 penalty, applied to the weights a step touches (first-layer rows of its features, second-layer rows of its active units). */
  l2: number;
  /** Share of hidden units dropped per training sentence (inverted dropout). */
  dropout: number;
  /** Share of a sentence's input features dropped per training step. */
  inputDropout: number;
  activation: 'relu' | 'tanh';
  /** Standard deviation of the first layer's initial weights (the second's is scaled to the hidden size). */
  initScale: number;
  /** Weigh each class by 1/count so classes with many examples do not win by volume. */
  balanced: boolean;
  seed: number;
}

export const DEFAULT_MLP: MlpOptions = {
  hidden: 256,
  epochs: 10,
  learningRate: 0.1,
  l2: 1e-6,
  dropout: 0.3,
  inputDropout: 0.1,
  activation: 'relu',
  initScale: 0.1,
  balanced: true,
  seed: 7,
};

/**
 * Stable keys for what training draws random numbers for: each sentence (its order in a pass and
 * its dropout), each input feature (its first-layer row) and each class (its second-layer column).
 * With them, adding a sentence, a feature or a class changes only its own draws, not everyone's.
 */
export interface TrainingKeys {
  examples: ArrayLike<number>;
  features: ArrayLike<number>;
  classes: ArrayLike<number>;
}

export interface MlpParameters {
  /** First layer, feature-major: `w1[f * hidden + j]`. */
  w1: Float32Array;
  b1: Float32Array;
  /** Second layer, hidden-major: `w2[j * classes + c]`. */
  w2: Float32Array;
  b2: Float32Array;
}

export class MlpModel {
  private readonly p: MlpParameters;

  constructor(
    readonly classes: number,
    readonly features: number,
    readonly hidden: number,
    private readonly activation: MlpOptions['activation'] = 'relu',
    parameters?: MlpParameters,
  ) {
    if (classes < 1 || hidden < 1) throw new RangeError('an MLP needs at least one class and one hidden unit');
    if (
      parameters &&
      (parameters.w1.length !== features * hidden ||
        parameters.b1.length !== hidden ||
        parameters.w2.length !== hidden * classes ||
        parameters.b2.length !== classes)
    )
      throw new RangeError(`parameters do not fit ${features} features × ${hidden} hidden × ${classes} classes`);
    this.p = parameters ?? {
      w1: new Float32Array(features * hidden),
      b1: new Float32Array(hidden),
      w2: new Float32Array(hidden * classes),
      b2: new Float32Array(classes),
    };
  }

  /** The learned parameters (the arrays themselves, not copies). */
  get parameters(): MlpParameters {
    return this.p;
  }

  /** Hidden activations for one vector (no dropout); features beyond the model's size are ignored. */
  hiddenOf(x: SparseVector, out = new Float32Array(this.hidden)): Float32Array {
    const H = this.hidden;
    const { w1, b1 } = this.p;
    out.set(b1);
    for (let k = 0; k < x.index.length; k++) {
      const f = x.index[k] as number;
      if (f < 0 || f >= this.features) continue;
      const v = x.value[k] as number;
      const base = f * H;
      for (let j = 0; j < H; j++) out[j] = (out[j] as number) + v * (w1[base + j] as number);
    }
    this.activate(out);
    return out;
  }

  /** Class probabilities for one vector. */
  probabilities(x: SparseVector): Float64Array {
    return softmax(this.logitsOf(this.hiddenOf(x), new Float64Array(this.classes)), 1);
  }

  private activate(z: Float32Array): void {
    if (this.activation === 'relu') {
      for (let j = 0; j < z.length; j++) if ((z[j] as number) < 0) z[j] = 0;
    } else for (let j = 0; j < z.length; j++) z[j] = Math.tanh(z[j] as number);
  }

  private logitsOf(h: Float32Array, out: Float64Array): Float64Array {
    const C = this.classes;
    const { w2, b2 } = this.p;
    for (let c = 0; c < C; c++) out[c] = b2[c] as number;
    for (let j = 0; j < h.length; j++) {
      const hj = h[j] as number;
      if (hj === 0) continue;
      const base = j * C;
      for (let c = 0; c < C; c++) out[c] = (out[c] as number) + hj * (w2[base + c] as number);
    }
    return out;
  }

  /**
   * Fits the weights (from a seeded random start) to `xs` labelled `ys` (class indexes).
   * `classWeights` multiplies each class's share (after balancing, when on); `sampleWeights` each sentence's.
   * With `keys` every random draw belongs to one sentence, feature or class (TrainingKeys); without
   * them all draws come from one seeded stream.
   */
  train(
    xs: readonly SparseVector[],
    ys: readonly number[],
    o: MlpOptions = DEFAULT_MLP,
    classWeights?: readonly number[],
    sampleWeights?: readonly number[],
    keys?: TrainingKeys,
  ): void {
    const C = this.classes;
    const H = this.hidden;
    const D = this.features;
    const { w1, b1, w2, b2 } = this.p;
    let random = mulberry32(o.seed);
    const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    for (let f = 0; f < D; f++) {
      if (keys) random = mulberry32(mixKeys(keys.features[f] as number, o.seed, 1));
      for (let j = 0; j < H; j++) w1[f * H + j] = gaussian() * o.initScale;
    }
    const s2 = Math.sqrt(2 / (H + C));
    if (keys) {
      for (let c = 0; c < C; c++) {
        random = mulberry32(mixKeys(keys.classes[c] as number, o.seed, 2));
        for (let j = 0; j < H; j++) w2[j * C + c] = gaussian() * s2;
      }
    } else for (let i = 0; i < w2.length; i++) w2[i] = gaussian() * s2;
    b1.fill(this.activation === 'relu' ? 0.01 : 0);
    b2.fill(0);

    const weightOf = trainingWeights(ys, C, o.balanced, classWeights, sampleWeights);

    const order = xs.map((_, i) => i);
    const z = new Float32Array(H);
    const h = new Float32Array(H);
    const gh = new Float32Array(H);
    const logits = new Float64Array(C);
    const g2 = new Float64Array(C);
    const keepHidden = 1 - o.dropout;
    const keepInput = 1 - o.inputDropout;
    const kept: number[] = [];
    const totalSteps = Math.max(1, o.epochs * xs.length);
    let step = 0;
    for (let epoch = 0; epoch < o.epochs; epoch++) {
      const pass = keys ? keyedOrder(keys.examples, o.seed, epoch) : shuffle(order, random);
      for (const i of pass) {
        if (keys) random = mulberry32(mixKeys(keys.examples[i] as number, o.seed, 3 + epoch));
        const x = xs[i] as SparseVector;
        const y = ys[i] as number;
        const sw = weightOf[i] as number;
        const lr = o.learningRate * (1 - step / totalSteps) + 0.01 * o.learningRate;
        step++;
        // Forward, with the input features this step keeps.
        kept.length = 0;
        z.set(b1);
        for (let k = 0; k < x.index.length; k++) {
          const f = x.index[k] as number;
          if (f < 0 || f >= D) continue;
          if (o.inputDropout > 0 && random() >= keepInput) continue;
          kept.push(k);
          const v = (x.value[k] as number) / keepInput;
          const base = f * H;
          for (let j = 0; j < H; j++) z[j] = (z[j] as number) + v * (w1[base + j] as number);
        }
        for (let j = 0; j < H; j++) {
          const a = this.activation === 'relu' ? Math.max(0, z[j] as number) : Math.tanh(z[j] as number);
          // Dropped units are 0 in h; kept ones are scaled up so the expected input of the next layer stays the same.
          h[j] = o.dropout > 0 ? (random() < keepHidden ? a / keepHidden : 0) : a;
        }
        const p = softmax(this.logitsOf(h, logits), 1);
        for (let c = 0; c < C; c++) g2[c] = ((p[c] as number) - (c === y ? 1 : 0)) * sw;
        // Backward: the hidden gradient through the second layer's weights before they change.
        for (let j = 0; j < H; j++) {
          const hj = h[j] as number;
          if (hj === 0 && this.activation === 'relu') {
            gh[j] = 0;
            continue;
          }
          const base = j * C;
          let s = 0;
          for (let c = 0; c < C; c++) s += (w2[base + c] as number) * (g2[c] as number);
          // d h / d z: ReLU 1 (scaled by dropout), tanh 1 − a² (h = a / keep).
          if (this.activation === 'relu') gh[j] = s / keepHidden;
          else {
            const a = hj * (o.dropout > 0 ? keepHidden : 1);
            gh[j] = (s * (1 - a * a)) / (o.dropout > 0 ? keepHidden : 1);
          }
        }
        const decay2 = 1 - lr * o.l2;
        for (let j = 0; j < H; j++) {
          const hj = h[j] as number;
          const base = j * C;
          if (hj === 0) continue;
          for (let c = 0; c < C; c++) w2[base + c] = (w2[base + c] as number) * decay2 - lr * hj * (g2[c] as number);
        }
        for (let c = 0; c < C; c++) b2[c] = (b2[c] as number) - lr * (g2[c] as number);
        const decay1 = 1 - lr * o.l2;
        for (const k of kept) {
          const base = (x.index[k] as number) * H;
          const v = (lr * (x.value[k] as number)) / keepInput;
          for (let j = 0; j < H; j++) w1[base + j] = (w1[base + j] as number) * decay1 - v * (gh[j] as number);
        }
        for (let j = 0; j < H; j++) b1[j] = (b1[j] as number) - lr * (gh[j] as number);
      }
    }
  }
}
