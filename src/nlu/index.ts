// createNlu(kb): the classifier trained on the knowledge base's examples (plus the out-of-scope
// list), entity extraction and the docker command explainer, behind the core's Nlu port.
import type { KnowledgeBase, Nlu } from '../core/ports.ts';
import { trainClassifier, type ClassifierOptions, type TrainedClassifier, type TrainingExample } from './classifier.ts';
import { outOfScopeFactor } from './domain.ts';
import { extractEntities } from './entities.ts';
import { explainCommand } from './explain.ts';
import { classifyQuestion } from './framing.ts';
import { OUT_OF_SCOPE } from './out-of-scope.ts';

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
  ]);
}

/** The answer's prose, sentence by sentence; code blocks are left out. */
function answerSentences(answer: string): string[] {
  return answer
    .replace(/```[\s\S]*?```/g, '\n')
    .split(/\n+|(?<=[.!?])\s+/)
    .map((s) => s.replace(/^[-*\d.\s]+/, '').trim())
    .filter((s) => s.length > 20);
}

/** Trains the classifier on the knowledge base; takes well under a second. */
export function trainIntentClassifier(kb: KnowledgeBase, options: ClassifierOptions = {}): TrainedClassifier {
  const trained = trainClassifier(trainingExamples(kb), { outOfScope: OUT_OF_SCOPE, outOfScopeFactor, ...options });
  return { ...trained, classify: (text) => classifyQuestion(trained, text) };
}

export function createNlu(kb: KnowledgeBase, options: ClassifierOptions = {}): Nlu {
  const classifier = trainIntentClassifier(kb, options);
  return {
    classify: (text) => classifier.classify(text),
    entities: (text) => extractEntities(text),
    explain: (text) => explainCommand(text),
  };
}
