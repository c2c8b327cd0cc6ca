// The intent classifier: tf-idf features (features.ts) → softmax regression (linear.ts), plus an
// internal out-of-scope class trained on sentences that belong to no intent. The answer is `none`
// when that class wins or the best intent's probability is below the threshold.
import type { Classification, Classifier, Scored } from '../core/ports.ts';
import { DEFAULT_FEATURES, Featurizer, type FeatureWeights } from './features.ts';
import { DEFAULT_TRAINING, SoftmaxModel, type TrainOptions } from './linear.ts';

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
}

export interface TrainedClassifier extends Classifier {
  readonly intents: readonly string[];
  /** Wall-clock training time, milliseconds. */
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

export function trainClassifier(examples: readonly TrainingExample[], options: ClassifierOptions = {}): TrainedClassifier {
  const started = performance.now();
  const intents = [...new Set(examples.map((e) => e.intent))].sort();
  const labels = [...intents];
  const outOfScope = options.outOfScope ?? [];
  if (outOfScope.length) labels.push(OUT_OF_SCOPE);
  const classIndex = new Map(labels.map((l, i) => [l, i]));
  const texts = [...examples.map((e) => e.text), ...outOfScope];
  const ys = [...examples.map((e) => classIndex.get(e.intent) as number), ...outOfScope.map(() => classIndex.get(OUT_OF_SCOPE) as number)];

  const featurizer = new Featurizer(options.features ?? DEFAULT_FEATURES);
  const xs = featurizer.fit(texts);
  const model = new SoftmaxModel(labels.length, featurizer.size);
  const classWeights = labels.map((l) => (l === OUT_OF_SCOPE ? (options.outOfScopeWeight ?? DEFAULT_OUT_OF_SCOPE_WEIGHT) : 1));
  const sampleWeights = [...examples.map((e) => e.weight ?? 1), ...outOfScope.map(() => 1)];
  model.train(xs, ys, options.training ?? DEFAULT_TRAINING, classWeights, sampleWeights);
  const threshold = options.threshold === undefined ? DEFAULT_THRESHOLD : options.threshold;
  const oosIndex = outOfScope.length ? labels.length - 1 : -1;

  function classify(text: string): Classification {
    const p = model.probabilities(featurizer.transform(text));
    if (oosIndex >= 0 && options.outOfScopeFactor) {
      // Reweigh out-of-scope against the rest and renormalize, so probabilities still sum to 1.
      const before = p[oosIndex] as number;
      const after = Math.min(1, before * options.outOfScopeFactor(text));
      const scale = (1 - after) / Math.max(1e-12, 1 - before);
      for (let i = 0; i < p.length; i++) p[i] = i === oosIndex ? after : (p[i] as number) * scale;
    }
    const ranked: Scored[] = intents
      .map((intent, i) => ({ intent, confidence: p[i] as number }))
      .sort((a, b) => b.confidence - a.confidence);
    const best = ranked[0] as Scored;
    const oos = oosIndex >= 0 ? (p[oosIndex] as number) : 0;
    if (threshold !== null && (oos > best.confidence || best.confidence < threshold)) {
      return { intent: NONE, confidence: round(1 - best.confidence), alternatives: ranked.slice(0, 3).map(rounded) };
    }
    return { intent: best.intent, confidence: round(best.confidence), alternatives: ranked.slice(1, 4).map(rounded) };
  }

  return { classify, intents, trainingMs: performance.now() - started };
}

const round = (x: number) => Math.min(1, Math.max(0, Math.round(x * 1e4) / 1e4));
const rounded = (s: Scored): Scored => ({ intent: s.intent, confidence: round(s.confidence) });
