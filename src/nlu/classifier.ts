// The intent classifier: tf-idf features (features.ts) → softmax regression (linear.ts), plus an
// internal out-of-scope class trained on sentences that belong to no intent. The answer is `none`
// when that class wins or the best intent's probability is below the threshold. Optionally a
// hidden-layer model (mlp.ts) on the same features joins it: the two models' probabilities are
// averaged to rank the intents, while `none` stays the linear model's decision alone.
import type { Classification, Classifier, Scored } from '../core/ports.ts';
import { DEFAULT_FEATURES, Featurizer, type FeaturizerState, type FeatureWeights } from './features.ts';
import { DEFAULT_TRAINING, SoftmaxModel, type TrainOptions } from './linear.ts';
import { MlpModel, type MlpOptions, type TrainingKeys } from './mlp.ts';
import { hashString } from './random.ts';
import { int8Probabilities, toInt8, type Int8HiddenLayer } from './mlp-int8.ts';

export interface TrainingExample {
  text: string;
  intent: string;
  /** How much this sentence counts in training (default 1): lower for text that is not a question. */
  weight?: number;
}

export interface ClassifierOptions {
  /** Sentences that belong to no intent: trained as an internal class that is never returned. */
  outOfScope?: readonly string[];
  /** Below this probability the answer is `none`. `null` always answers the best intent. */
  threshold?: number | null;
  features?: FeatureWeights;
  training?: TrainOptions;
  /** Multiplies the out-of-scope probability for one text (e.g. from domain keywords). */
  outOfScopeFactor?: (text: string) => number;
  /** How much the out-of-scope class weighs against one intent (classes are otherwise balanced). */
  outOfScopeWeight?: number;
  /** What is being trained, for training listeners: the intent classifier (default) or an intent's unit model. */
  kind?: 'intent' | 'unit';
  /** A hidden-layer model trained beside the linear one; unset: the linear model alone. */
  hiddenLayer?: HiddenLayer;
  /**
   * Draw training's randomness per sentence, feature and class (default), so a change to the data
   * moves the model by its own effect only; `false`: one seeded stream for all (the order before).
   */
  keyedTraining?: boolean;
}

/** The hidden-layer member: how it is trained, and its share of the averaged probabilities. */
export interface HiddenLayer extends MlpOptions {
  weight: number;
}

export interface TrainedClassifier extends Classifier {
  readonly intents: readonly string[];
  /** Wall-clock training time, milliseconds (0 for a model loaded from the cache). */
  readonly trainingMs: number;
}

export const NONE = 'none';
const OUT_OF_SCOPE = '\u0000out-of-scope';
/**
 * Below this probability for the best intent the answer is `none`. Chosen on 4-fold cross-validation
 * of the training examples + out-of-scope list: 0.15 keeps almost all in-scope answers (most
 * near misses are caught by the out-of-scope class and the domain-keyword factor, not by this).
 */
export const DEFAULT_THRESHOLD = 0.15;
const DEFAULT_OUT_OF_SCOPE_WEIGHT = 3;

/** Everything a trained classifier learned: what model-cache.ts saves and loads. */
export interface TrainedModel {
  /** Class labels in model order: the intents (sorted), then the out-of-scope class if trained. */
  labels: string[];
  /** Whether the last label is the internal out-of-scope class. */
  outOfScope: boolean;
  featurizer: FeaturizerState;
  weights: Float32Array;
  bias: Float64Array;
  /** The hidden-layer member, when one was trained (its first layer in 8 bits), and its share of the average. */
  mlp?: { layer: Int8HiddenLayer; weight: number };
}

/** What training is told about, e.g. so a test can count how often it happens. */
export type TrainingListener = (event: { sentences: number; ms: number; kind: 'intent' | 'unit' }) => void;
const trainingListeners = new Set<TrainingListener>();

/** Calls `listener` after every training in this process; returns the function that stops it. */
export function observeTraining(listener: TrainingListener): () => void {
  trainingListeners.add(listener);
  return () => trainingListeners.delete(listener);
}

/** The options that change what training learns (threshold and out-of-scope factor act later). */
export function trainingSettings(options: ClassifierOptions = {}): {
  features: FeatureWeights;
  training: TrainOptions;
  outOfScopeWeight: number;
  hiddenLayer: HiddenLayer | null;
  keyedTraining: boolean;
} {
  return {
    features: options.features ?? DEFAULT_FEATURES,
    training: options.training ?? DEFAULT_TRAINING,
    outOfScopeWeight: options.outOfScopeWeight ?? DEFAULT_OUT_OF_SCOPE_WEIGHT,
    hiddenLayer: options.hiddenLayer ?? null,
    keyedTraining: options.keyedTraining !== false,
  };
}

/** Fits features and weights to the examples (and the out-of-scope sentences). */
export function trainModel(examples: readonly TrainingExample[], options: ClassifierOptions = {}): TrainedModel {
  const started = performance.now();
  const settings = trainingSettings(options);
  const intents = [...new Set(examples.map((e) => e.intent))].sort();
  const labels = [...intents];
  const outOfScope = options.outOfScope ?? [];
  if (outOfScope.length) labels.push(OUT_OF_SCOPE);
  const classIndex = new Map(labels.map((l, i) => [l, i]));
  const texts = [...examples.map((e) => e.text), ...outOfScope];
  const ys = [...examples.map((e) => classIndex.get(e.intent) as number), ...outOfScope.map(() => classIndex.get(OUT_OF_SCOPE) as number)];

  const featurizer = new Featurizer(settings.features);
  const xs = featurizer.fit(texts);
  const model = new SoftmaxModel(labels.length, featurizer.size);
  const classWeights = labels.map((l) => (l === OUT_OF_SCOPE ? settings.outOfScopeWeight : 1));
  const sampleWeights = [...examples.map((e) => e.weight ?? 1), ...outOfScope.map(() => 1)];
  const keys = settings.keyedTraining ? trainingKeys(texts, ys, labels, featurizer) : undefined;
  model.train(xs, ys, settings.training, classWeights, sampleWeights, keys?.examples);
  const { w, bias } = model.parameters;
  const trained: TrainedModel = { labels, outOfScope: outOfScope.length > 0, featurizer: featurizer.state, weights: w, bias };
  if (settings.hiddenLayer) {
    const { weight, ...mlpOptions } = settings.hiddenLayer;
    const mlp = new MlpModel(labels.length, featurizer.size, mlpOptions.hidden, mlpOptions.activation);
    mlp.train(xs, ys, mlpOptions, classWeights, sampleWeights, keys);
    trained.mlp = { layer: toInt8(mlp.parameters, mlpOptions.hidden, mlpOptions.activation), weight };
  }
  const ms = performance.now() - started;
  for (const listener of trainingListeners) listener({ sentences: texts.length, ms, kind: options.kind ?? 'intent' });
  return trained;
}

/** Each sentence's key is its label and text; a feature's, its hash in the vocabulary (dense dimensions: their number). */
function trainingKeys(texts: readonly string[], ys: readonly number[], labels: readonly string[], featurizer: Featurizer): TrainingKeys {
  const { vocab } = featurizer.state;
  const features = new Uint32Array(featurizer.size);
  features.set(vocab);
  for (let d = vocab.length; d < features.length; d++) features[d] = hashString(`dense ${d - vocab.length}`);
  return {
    examples: Uint32Array.from(texts, (t, i) => hashString(`${labels[ys[i] as number]}\u0001${t}`)),
    features,
    classes: Uint32Array.from(labels, (l) => hashString(l)),
  };
}

export function trainClassifier(examples: readonly TrainingExample[], options: ClassifierOptions = {}): TrainedClassifier {
  const started = performance.now();
  const classifier = classifierFromModel(trainModel(examples, options), options);
  return { ...classifier, trainingMs: performance.now() - started };
}

/**
 * A classifier from a trained (or loaded) model. `options` must be the ones it was trained with;
 * only `threshold` and `outOfScopeFactor` are read here.
 */
export function classifierFromModel(trained: TrainedModel, options: ClassifierOptions = {}): ModelClassifier {
  const { labels } = trained;
  const featurizer = Featurizer.fromState(trained.featurizer, trainingSettings(options).features);
  const model = new SoftmaxModel(labels.length, featurizer.size, { w: trained.weights, bias: trained.bias });
  const oosIndex = trained.outOfScope ? labels.length - 1 : -1;
  const intents = oosIndex >= 0 ? labels.slice(0, -1) : [...labels];
  const threshold = options.threshold === undefined ? DEFAULT_THRESHOLD : options.threshold;

  const m = trained.mlp;
  /** The linear model's probabilities, and the average with the hidden-layer model's when there is one. */
  const both = (text: string): { linear: Float64Array; averaged: Float64Array } => {
    const x = featurizer.transform(text);
    const linear = model.probabilities(x);
    if (!m) return { linear, averaged: linear };
    const q = int8Probabilities(m.layer, x);
    return { linear, averaged: linear.map((p, c) => (1 - m.weight) * p + m.weight * (q[c] as number)) };
  };
  const classify = (text: string): Classification => {
    const { linear, averaged } = both(text);
    const alone = decide(linear, text, intents, oosIndex, threshold, options.outOfScopeFactor);
    // The linear model alone says `none` (the out-of-scope list and threshold were tuned on its
    // calibration); among the intents, the average ranks them.
    if (linear === averaged || alone.intent === NONE) return alone;
    return decide(averaged, text, intents, oosIndex, null, options.outOfScopeFactor);
  };
  return { classify, intents, trainingMs: 0, probabilities: (text) => Array.from(both(text).averaged) };
}

/**
 * The answer from class probabilities `p` (intents, then out-of-scope at `oosIndex` if ≥ 0; `p` is
 * changed): `none` when the out-of-scope class wins or the best intent is below `threshold`.
 */
export function decide(
  p: Float64Array,
  text: string,
  intents: readonly string[],
  oosIndex: number,
  threshold: number | null,
  outOfScopeFactor?: (text: string) => number,
): Classification {
  if (oosIndex >= 0 && outOfScopeFactor) {
    // Reweigh out-of-scope against the rest and renormalize, so probabilities still sum to 1.
    const before = p[oosIndex] as number;
    const after = Math.min(1, before * outOfScopeFactor(text));
    const scale = (1 - after) / Math.max(1e-12, 1 - before);
    for (let i = 0; i < p.length; i++) p[i] = i === oosIndex ? after : (p[i] as number) * scale;
  }
  const ranked: Scored[] = intents.map((intent, i) => ({ intent, confidence: p[i] as number })).sort((a, b) => b.confidence - a.confidence);
  const best = ranked[0] as Scored;
  const oos = oosIndex >= 0 ? (p[oosIndex] as number) : 0;
  if (threshold !== null && (oos > best.confidence || best.confidence < threshold)) {
    return { intent: NONE, confidence: round(1 - best.confidence), alternatives: ranked.slice(0, 3).map(rounded) };
  }
  return { intent: best.intent, confidence: round(best.confidence), alternatives: ranked.slice(1, 4).map(rounded) };
}

export interface ModelClassifier extends TrainedClassifier {
  /** The model's raw class probabilities (labels order), before the out-of-scope factor and threshold. */
  probabilities(text: string): number[];
}

const round = (x: number) => Math.min(1, Math.max(0, Math.round(x * 1e4) / 1e4));
const rounded = (s: Scored): Scored => ({ intent: s.intent, confidence: round(s.confidence) });

/** How a `none` threshold is chosen from held-out sentences (see chooseThreshold). */
export interface ThresholdRule {
  /** In-scope accuracy (0-1) the threshold may cost on the held-out in-scope sentences, at most. */
  maxInScopeLoss: number;
  /** Thresholds tried, ascending. */
  candidates?: readonly number[];
}

/**
 * The `none` threshold for a trained model, chosen on held-out sentences (a validation split, never
 * the test split): the highest candidate whose in-scope accuracy is at most `maxInScopeLoss` below
 * the accuracy with no threshold. Raising the threshold turns more out-of-scope sentences into
 * `none` and, past some point, in-scope ones too; this keeps the second cost bounded and explicit.
 */
export function chooseThreshold(
  trained: TrainedModel,
  inScope: readonly { text: string; intent: string }[],
  rule: ThresholdRule,
  options: ClassifierOptions = {},
): number {
  const c = classifierFromModel(trained, { ...options, threshold: null });
  return chooseThresholdFor((t) => c.probabilities(t), trained.labels, trained.outOfScope, inScope, rule);
}

/** chooseThreshold for any model's raw probabilities (`labels` order, out-of-scope last if `outOfScope`). */
export function chooseThresholdFor(
  probabilities: (text: string) => ArrayLike<number>,
  labels: readonly string[],
  outOfScope: boolean,
  inScope: readonly { text: string; intent: string }[],
  rule: ThresholdRule,
): number {
  const candidates = rule.candidates ?? Array.from({ length: 41 }, (_, i) => i / 100);
  const oosIndex = outOfScope ? labels.length - 1 : -1;
  const scored = inScope.map((e) => {
    const p = probabilities(e.text);
    let best = 0;
    for (let i = 1; i < p.length; i++) if (i !== oosIndex && (p[i] as number) > (p[best] as number)) best = i;
    const pb = p[best] as number;
    return { right: labels[best] === e.intent, pb, oosWins: oosIndex >= 0 && (p[oosIndex] as number) > pb };
  });
  const accuracy = (t: number) => scored.filter((s) => s.right && !s.oosWins && s.pb >= t).length / Math.max(1, scored.length);
  const base = accuracy(0);
  let chosen = candidates[0] ?? 0;
  for (const t of candidates) if (base - accuracy(t) <= rule.maxInScopeLoss) chosen = t;
  return chosen;
}
