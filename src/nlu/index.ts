// createNlu(kb): the classifier trained on the knowledge base's examples (plus the out-of-scope
// list), entity extraction and the docker command explainer, behind the core's Nlu port. The
// trained model is kept on disk (model-cache.ts) and loaded or trained on first use.
import { asideFromHelp } from './about-the-bot.ts';
import { COMMON_WORDS } from './common-words.ts';
import type { Classifier, Intent, KnowledgeBase, Nlu } from '../core/ports.ts';
import { trainClassifier, type ClassifierOptions, type TrainedClassifier, type TrainingExample } from './classifier.ts';
import { outOfScopeFactor } from './domain.ts';
import { extractEntities } from './entities.ts';
import { explainCommand } from './explain.ts';
import { classifyQuestion, isSocial, withoutFraming } from './framing.ts';
import { DEFAULT_TRAINING } from './linear.ts';
import { DEFAULT_MLP } from './mlp.ts';
import { loadOrTrainClassifier, type LoadedClassifier, type ModelCacheOptions } from './model-cache.ts';
import { OUT_OF_SCOPE, OUT_OF_SCOPE_WEIGHT } from './out-of-scope.ts';
import { createUnitPicker, withUnit } from './units.ts';

/**
 * What each intent teaches the classifier, with a weight: its example questions count fully; its
 * title, its commands and the sentences of its answer count less (they are not questions), but
 * they bring the intent's own vocabulary ("namespaces", "OOMKilled", "unless-stopped"), which
 * helps with real questions worded unlike any example (+4 points in 4-fold cross-validation).
 */
export function trainingExamples(kb: KnowledgeBase): TrainingExample[] {
  return kb.intents.flatMap((i) => [
    ...i.examples.map((text) => ({ text, intent: i.id })),
    { text: i.title, intent: i.id, weight: 1 },
    ...i.commands.map((text) => ({ text, intent: i.id, weight: 0.5 })),
    ...answerSentences(i.answer).map((text) => ({ text, intent: i.id, weight: 0.3 })),
    ...unitPhrasings(i).map((text) => ({ text, intent: i.id })),
    ...(i.broad ?? []).map((text) => ({ text, intent: i.id })),
  ]);
}

/** An answer unit's examples and question are phrasings of its intent too (a borrowed unit: only the examples written here). */
function unitPhrasings(i: Intent): string[] {
  return (i.units ?? []).flatMap((u) => (u.owner === undefined ? [...u.examples, u.question] : u.examples));
}

/** The answer's prose, sentence by sentence; code blocks are left out. */
function answerSentences(answer: string): string[] {
  return answer
    .replace(/```[\s\S]*?```/g, '\n')
    .split(/\n+|(?<=[.!?])\s+/)
    .map((s) => s.replace(/^[-*\d.\s]+/, '').trim())
    .filter((s) => s.length > 20);
}

/**
 * The intent classifier's training seed. Training draws its randomness per sentence, feature and
 * class (classifier.ts, keyedTraining), so adding one sentence moves ~1 of the 840 lines of the
 * evaluation and development sets (it moved 14-19 when one shuffle served all). The seed still moves
 * the development set by a few lines (seeds 7/8/9/10/11: 410/411/408/410/411 of 420), so it is a
 * setting like any other, chosen with the bot's development sets (bench/units-dev.ts): seeds 10 and
 * 11 answered the most there (551 of 596 units or articles, 162 of 175 near misses declined); 10 is
 * the lower of the two.
 */
const PRODUCT_TRAINING = { ...DEFAULT_TRAINING, seed: 10 };

/**
 * The hidden-layer model averaged with the linear one to rank the intents (classifier.ts; `none`
 * stays the linear model's call). Chosen on the development sets with the bot's whole path
 * (bench/units-dev.ts; topic right first / unit or article): units-dev 96.1/92.6 → 97.4/93.9,
 * units-pasted-dev 88.4/84.2 → 90.5/86.3, units-public-dev 93.8/89.2 → 94.3/89.2, near misses
 * declined unchanged; MLP seeds 7 / 11 / 13 alike on the classifier alone. At weight 0.5 near
 * misses fell and the public-style set lost up to 2 points; 128 hidden units gained about half as
 * much. It also keeps the evaluation set above its floor (test/nlu/classifier.test.ts): the linear
 * model alone, with the units' third round of phrasings, answers 396 of its 420 in-scope lines,
 * with the hidden layer 400. Cost: ~12 s more training on a first start (then the model cache),
 * a model file of 21 MB instead of 7.5 MB.
 */
const PRODUCT_HIDDEN_LAYER = { ...DEFAULT_MLP, weight: 0.3 };

/** The options the product trains with: the out-of-scope class and the domain-keyword factor. */
function productOptions(options: ClassifierOptions): ClassifierOptions {
  return {
    outOfScope: OUT_OF_SCOPE,
    outOfScopeWeight: OUT_OF_SCOPE_WEIGHT,
    outOfScopeFactor,
    training: PRODUCT_TRAINING,
    hiddenLayer: PRODUCT_HIDDEN_LAYER,
    ...options,
  };
}

/** Reads a question out of its framing (framing.ts) before and after classifying. */
function asQuestionClassifier(trained: TrainedClassifier): TrainedClassifier {
  return { ...trained, classify: (text) => classifyQuestion(trained, text) };
}

/** Trains the classifier on the knowledge base: ~2 s for the linear model, ~12 s more for the hidden layer. */
export function trainIntentClassifier(kb: KnowledgeBase, options: ClassifierOptions = {}): TrainedClassifier {
  return asQuestionClassifier(trainClassifier(trainingExamples(kb), productOptions(options)));
}

/** The classifier from the model cache when it holds this knowledge base's model, else trained (and saved). */
export function loadIntentClassifier(
  kb: KnowledgeBase,
  options: ClassifierOptions,
  cache: ModelCacheOptions,
): TrainedClassifier & { from: LoadedClassifier['from'] } {
  const loaded = loadOrTrainClassifier(trainingExamples(kb), productOptions(options), cache);
  const trainingMs = loaded.from === 'training' ? loaded.ms : 0;
  return { ...asQuestionClassifier({ ...loaded.classifier, trainingMs }), from: loaded.from };
}

export interface NluOptions extends ClassifierOptions {
  /** Where the trained model is kept between processes; without it every process trains. */
  cache?: ModelCacheOptions;
}

/**
 * The NLU. Creating it trains nothing: the classifier is loaded from the cache (or trained) on the
 * first classify(), so commands that never classify (`coach why`, `ps`, `images`, explaining a
 * command line, entities) never pay for it.
 */
export function createNlu(kb: KnowledgeBase, options: NluOptions = {}): Nlu {
  const { cache = { dir: null }, ...classifierOptions } = options;
  let classifier: Classifier | undefined;
  // Each intent's unit model is loaded (or trained) the first time a question lands on it; with a
  // model cache, all of them with the intent classifier, so a warm process never trains (and a
  // cold one saves them all: the image ships them built).
  const units = createUnitPicker(kb, { cache, classifier: pickTraining(classifierOptions) });
  const ready = (): Classifier => {
    if (classifier) return classifier;
    classifier = loadIntentClassifier(kb, classifierOptions, cache);
    if (cache.dir !== null) units.warmAll();
    return classifier;
  };
  // The framing is what a social message says ("thx, that fixed it" is thanks, not "that fixed it").
  const pickUnit = (intent: string, text: string) => units.pick(intent, isSocial(intent) ? text : withoutFraming(text));
  return {
    classify: (text) => withUnit(asideFromHelp(kb, ready().classify(text), text), { pick: pickUnit }, text),
    entities: (text) => extractEntities(text),
    explain: (text) => explainCommand(text),
    ordinaryWord: (word) => COMMON_WORDS.has(word.toLowerCase()),
    pickUnit,
  };
}

function pickTraining(o: ClassifierOptions): Pick<ClassifierOptions, 'features' | 'training'> {
  return { ...(o.features ? { features: o.features } : {}), ...(o.training ? { training: o.training } : {}) };
}
export { DEFAULT_MODEL_CACHE_DIR, resolveModelCacheDir } from './model-cache.ts';
