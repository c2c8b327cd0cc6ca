// The second level of classification: under the intent the classifier chose, which answer unit
// the question asks for. One small model per intent (its units as classes, plus an "article" class
// trained on the intent's title and broad requests about it), trained on first use or loaded from
// the model cache (a file per intent, keyed on that intent's units). A unit answers when it beats
// the article and is likely enough; otherwise only the topic is clear and the article answers.
//
// Why per intent rather than one model over every unit: on the fixture set (bench/unit-picker.ts) the
// per-intent models pick the right unit or article more often, since each one only has to tell
// apart a handful of neighbours, and the intent level keeps the classifier's calibration.
import { hasExitCodeUnits, unitForCode, unitForExitCode } from '../core/exit-code-units.ts';
import { fillPlaceholders } from '../core/placeholders.ts';
import type { Classification, Intent, KnowledgeBase, Scored, UnitPick } from '../core/ports.ts';
import { emptyEntities } from '../core/types.ts';
import { classifierFromModel, NONE, trainModel, type ClassifierOptions, type ModelClassifier, type TrainingExample } from './classifier.ts';
import { extractEntities } from './entities.ts';
import { unitForAskedFlag } from './flag-unit.ts';
import { loadOrTrainClassifier, type ModelCacheOptions } from './model-cache.ts';

/**
 * A unit answers only when its probability is at least this (and above the article's). Chosen on
 * the fixture set (`npx tsx bench/unit-picker.ts --scan`, 0.2–0.6): below 0.45 a broad question ("how do
 * docker registries work") gets a unit; up to 0.6 no specific question lost its unit. The lowest
 * value of that plateau, since intents with more units spread their probability thinner.
 */
export const UNIT_MIN = 0.45;
/**
 * A question that names a specific detail (a flag, an exit code or port, a quoted or pasted error)
 * asks about that detail, not for the whole topic: its best unit answers from this probability on,
 * when it is ahead of the article. Chosen on the development set (bench/units-dev.ts): unit or
 * article right 90.4% at UNIT_MIN (no special case), 90.9% at 0.35, 91.3% from 0.25 down to 0.15;
 * no broad question there names such a detail. 0.25, the top of that plateau.
 */
export const SPECIFIC_UNIT_MIN = 0.25;
const SPECIFIC_DETAIL = /(?:^|\s)--?[a-z][a-z-]*\b|\b\d{2,5}\b|error|denied|refused|failed|not found|conflict/i;

/**
 * Words that ask for the whole picture ("in general", "what are the best practices", "techniques
 * for …"): the article answers unless one unit is nearly certain. Measured on the development sets
 * (bench/units-dev.ts): one broad pasted question gained ("what are the general techniques for making
 * docker images smaller?" got the unit about finding the heavy layer), none lost, from 0.6 to 1;
 * five unit questions there carry such a word, each far above the units' usual confidence or without it.
 */
export const WHOLE_PICTURE_UNIT_MIN = 0.8;
const WHOLE_PICTURE =
  /\b(?:in general|general(?:ly)?|overview|big picture|whole picture|start to finish|end to end|basics|fundamentals|best practices?|tips|techniques|strateg(?:y|ies)|approaches|in a nutshell|eli5|high[- ]level|conceptually|under the hood|deep dive|everything about)\b/i;

/** Whether the text asks for the general picture rather than one detail. */
export function asksForWholePicture(text: string): boolean {
  return WHOLE_PICTURE.test(text);
}

/** Whether the text names a flag, a number, or an error. */
export function namesSpecifics(text: string): boolean {
  return SPECIFIC_DETAIL.test(text);
}

/** The unit that answers, from the ranked candidates (units and the article); undefined: the article. */
export function chooseUnit(ranked: UnitPick['ranked'], text: string): string | undefined {
  const best = ranked.find((r) => r.unit !== undefined);
  const article = ranked.find((r) => r.unit === undefined)?.confidence ?? 0;
  const min = namesSpecifics(text) ? SPECIFIC_UNIT_MIN : UNIT_MIN;
  if (!best || best.confidence <= article) return undefined;
  if (asksForWholePicture(text) && best.confidence < WHOLE_PICTURE_UNIT_MIN) return undefined;
  if (best.confidence >= min) return best.unit;
  // Two units close at the top and far ahead of the article: the question is specific, the model
  // only unsure which of the two; the first answers and the second is offered (withUnit's `close`).
  const second = ranked.filter((r) => r.unit !== undefined)[1]?.confidence ?? 0;
  return best.confidence + second >= PAIR_MIN && article * ARTICLE_BEHIND <= best.confidence ? best.unit : undefined;
}

/**
 * How much the two best units together must hold for the first to answer below UNIT_MIN ("attach or
 * exec to get a shell, what is the difference?": 0.40 and 0.39, the article 0.03), with the article
 * at most a third of the first. Chosen on the development sets (bench/units-dev.ts, 0.6–0.8 and an
 * article at most 1/1.5 or 1/3 of the first): 0.6–0.7 alike, unit or article right 93.9 → 94.8%
 * (units-dev) and 89.8 → 90.3% (units-public-dev), one pasted question lost (88.9 → 88.4%); 0.8
 * gains only one. Near misses unchanged (the topic is decided before).
 */
export const PAIR_MIN = 0.7;
const ARTICLE_BEHIND = 3;

/**
 * A runner-up whose score is at least this share of the answer's is offered as a one-tap choice.
 * On the fixture set (bench/unit-picker.ts) 0.5 offers one on 8% of answers and turns one of the four
 * misses into "right answer one tap away"; 0.25–0.4 offer one on 25–28% and catch none of them.
 */
export const CLOSE_RATIO = 0.5;
/** Below this probability a runner-up intent is never offered, however close. */
const CLOSE_MIN = 0.15;

/** How strongly the unit's own question and answer count next to its examples. */
const QUESTION_WEIGHT = 1;
const ANSWER_WEIGHT = 0.3;

/**
 * Broad requests that name no topic: they teach every intent's article class the words that ask
 * for the whole picture ("overview", "in general", "walk me through") rather than one detail.
 */
const GENERIC_BROAD = [
  'give me an overview',
  'explain the whole thing',
  'walk me through it from the start',
  'the big picture please',
  'tell me everything about it',
  'how does it work in general',
  'an introduction for a beginner',
  'explain it like I am new to this',
];

/**
 * Sentences that stand for the whole article: its title in broad requests, the intent's own broad
 * phrasings (`broad:` in its file), the questions its article answers best (`article_asks:`), and the
 * generic broad requests above.
 */
export function articleSentences(intent: Intent): string[] {
  const t = intent.title.replace(/[.?!]+$/, '');
  return [
    t,
    `explain ${t}`,
    `tell me about ${t}`,
    `${t}, explained`,
    `overview of ${t}`,
    `help me understand ${t}`,
    `${t}: the basics`,
    `walk me through ${t} in general`,
    ...(intent.broad ?? []),
    ...(intent.article_asks ?? []),
    ...GENERIC_BROAD,
  ];
}

/** The training examples of one intent's unit model (labels are unit ids). */
export function unitExamples(intent: Intent): TrainingExample[] {
  return (intent.units ?? []).flatMap((u) => [
    ...[...u.examples, ...(u.sharedExamples ?? [])].map((text) => ({ text, intent: u.id })),
    { text: u.question, intent: u.id, weight: QUESTION_WEIGHT },
    // Placeholders read as their example (`<container:web>` → web), as the person sees them.
    { text: fillPlaceholders(u.answer, emptyEntities()).replace(/`/g, ''), intent: u.id, weight: ANSWER_WEIGHT },
  ]);
}

export interface UnitPickerOptions {
  cache?: ModelCacheOptions;
  /** The training options of the intent classifier, without its out-of-scope settings. */
  classifier?: Pick<ClassifierOptions, 'features' | 'training'>;
}

export interface UnitPicker {
  /** The unit under `intent` that `text` asks for; `{ ranked: [] }` when the intent has no units. */
  pick(intent: string, text: string): UnitPick;
  /** Loads (or trains and saves) every intent's unit model now, so later questions train nothing. */
  warmAll(): void;
}

const cacheFile = (intent: string) => `units.${intent}.bin`;

export function createUnitPicker(kb: KnowledgeBase, options: UnitPickerOptions = {}): UnitPicker {
  const models = new Map<string, ModelClassifier | null>();
  const cache = options.cache ?? { dir: null };

  function modelFor(id: string): ModelClassifier | null {
    const known = models.get(id);
    if (known !== undefined) return known;
    const intent = kb.get(id);
    let model: ModelClassifier | null = null;
    if (intent?.units?.length) {
      const examples = unitExamples(intent);
      const opts: ClassifierOptions = {
        ...options.classifier,
        outOfScope: articleSentences(intent),
        threshold: null,
        outOfScopeWeight: 1,
        kind: 'unit',
      };
      model =
        cache.dir === null
          ? classifierFromModel(trainModel(examples, opts), opts)
          : loadOrTrainClassifier(examples, opts, { ...cache, file: cacheFile(id) }).classifier;
    }
    models.set(id, model);
    return model;
  }

  function pick(intent: string, text: string): UnitPick {
    const model = modelFor(intent);
    if (!model) return { ranked: [] };
    const p = model.probabilities(text);
    const article = p[p.length - 1] ?? 0;
    const ranked: UnitPick['ranked'] = [...model.intents.map((unit, i) => ({ unit, confidence: p[i] ?? 0 })), { confidence: article }].sort(
      (a, b) => b.confidence - a.confidence,
    );
    const known = kb.get(intent);
    const chosen = (known && unitForAskedFlag(known, text)) ?? chooseUnit(ranked, text);
    const unit = known ? unitForNamedCode(known, chosen, text) : chosen;
    return unit !== undefined ? { unit, ranked } : { ranked };
  }

  return {
    pick,
    warmAll: () => {
      for (const i of kb.intents) modelFor(i.id);
    },
  };
}

/**
 * The one exit code the text names ("exits with code 1 immediately", "Exited (139)") decides among
 * the intent's exit-code units: when the model chose another exit code's unit, or the article for a
 * question that does not ask for the whole picture, the unit naming that code answers instead.
 */
function unitForNamedCode(intent: Intent, chosen: string | undefined, text: string): string | undefined {
  // Read the text's exit codes only under an intent that has exit-code units: pick() runs for
  // several intents per question.
  if (!hasExitCodeUnits(intent) || !/\d/.test(text)) return chosen;
  const codes = extractEntities(text).exitCodes;
  const code = codes.length === 1 ? codes[0] : undefined;
  if (code === undefined) return chosen;
  const current = chosen === undefined ? undefined : intent.units?.find((u) => u.id === chosen);
  if (current) return unitForExitCode(intent, current, code).id;
  return asksForWholePicture(text) ? chosen : (unitForCode(intent, code)?.id ?? chosen);
}

/**
 * How strongly the topic's probability counts against how well its units fit the question when
 * the runner-up topic is weighed against the first (jointTopic). Chosen on the development set
 * (`npx tsx bench/units-dev.ts --scan`): topic @1 91.7% without the weighing, 94.3% at 0.25–0.5,
 * 93.0% at 1–2 (the topic counts too much to let a clearly fitting unit win); 0.5 sits inside the plateau.
 */
export const JOINT_POWER = 0.5;
/**
 * Nor one far behind the first: under this share of its probability (a bare follow-up such as "and
 * what about stopped ones?", read alone, must not move to a topic that only one unit's words fit).
 */
export const RIVAL_RATIO = 0.4;
/** A runner-up topic below this probability is never weighed against the first. */
export const RIVAL_MIN = 0.1;

/** How well an intent's answers fit the text: the probability of its best candidate (unit or article). */
function fit(pick: UnitPick): number {
  return pick.ranked[0]?.confidence ?? NO_UNITS_FIT;
}
/** An intent without units has only its article, a middling fit. */
const NO_UNITS_FIT = 0.5;

/**
 * The topic, weighed together with its answers: the runner-up topic answers instead of the first
 * when topic probability^JOINT_POWER × fit is higher for it. A question whose words belong to two
 * topics ("can I see the steps that produced this image": concept.image or concept.layers) goes to
 * the one with a unit that clearly answers it. The first topic stays as the runner-up.
 */
export function jointTopic(c: Classification, picker: Pick<UnitPicker, 'pick'>, text: string, power = JOINT_POWER): Classification {
  const rival = c.alternatives[0];
  if (c.intent === NONE || !rival || rival.confidence < Math.max(RIVAL_MIN, RIVAL_RATIO * c.confidence)) return c;
  const score = (intent: string, p: number) => p ** power * fit(picker.pick(intent, text));
  if (score(rival.intent, rival.confidence) <= score(c.intent, c.confidence)) return c;
  return {
    intent: rival.intent,
    confidence: rival.confidence,
    alternatives: [{ intent: c.intent, confidence: c.confidence }, ...c.alternatives.slice(1)],
  };
}

/**
 * The classification with the unit under its intent (after jointTopic), and a close runner-up to
 * offer: another unit of the same intent, or another intent (with its own best unit). The article
 * of the chosen intent is never the runner-up: every short answer links to it already ("More").
 */
export function withUnit(classified: Classification, picker: Pick<UnitPicker, 'pick'>, text: string): Classification {
  if (classified.intent === NONE) return classified;
  const c = jointTopic(classified, picker, text);
  const pick = picker.pick(c.intent, text);
  const chosen = pick.ranked.find((r) => r.unit === pick.unit);
  const own = chosen ? chosen.confidence : 1;
  const first = c.confidence * (pick.unit !== undefined ? own : 1);
  const candidates: Scored[] = pick.ranked
    .filter((r) => r.unit !== undefined && r.unit !== pick.unit)
    .map((r) => ({ intent: c.intent, ...(r.unit !== undefined ? { unit: r.unit } : {}), confidence: c.confidence * r.confidence }));
  const rival = c.alternatives[0];
  if (rival && rival.confidence >= CLOSE_MIN) {
    const other = picker.pick(rival.intent, text);
    candidates.push({ intent: rival.intent, ...(other.unit !== undefined ? { unit: other.unit } : {}), confidence: rival.confidence });
  }
  const second = candidates.sort((a, b) => b.confidence - a.confidence)[0];
  const close = second && second.confidence >= CLOSE_RATIO * first ? second : undefined;
  return {
    ...c,
    ...(pick.unit !== undefined ? { unit: pick.unit } : {}),
    ...(pick.unit === undefined && asksForWholePicture(text) ? { wholePicture: true as const } : {}),
    ...(close ? { close: { ...close, confidence: Math.round(close.confidence * 1e4) / 1e4 } } : {}),
  };
}
