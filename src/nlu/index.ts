// createNlu(kb): the classifier trained on the knowledge base's examples (plus the out-of-scope
// list), entity extraction and the docker command explainer, behind the core's Nlu port.
import type { Explanation, KnowledgeBase, Nlu } from '../core/ports.ts';
import { trainClassifier, type ClassifierOptions, type TrainedClassifier } from './classifier.ts';
import { extractEntities } from './entities.ts';
import { OUT_OF_SCOPE } from './out-of-scope.ts';

// INTERIM until src/nlu/explain.ts lands.
const explainCommand = (_text: string): Explanation | null => null;

/** Trains the classifier on every intent's examples; takes well under a second. */
export function trainIntentClassifier(kb: KnowledgeBase, options: ClassifierOptions = {}): TrainedClassifier {
  const examples = kb.intents.flatMap((i) => i.examples.map((text) => ({ text, intent: i.id })));
  return trainClassifier(examples, { outOfScope: OUT_OF_SCOPE, ...options });
}

export function createNlu(kb: KnowledgeBase): Nlu {
  const classifier = trainIntentClassifier(kb);
  return {
    classify: (text) => classifier.classify(text),
    entities: (text) => extractEntities(text),
    explain: (text) => explainCommand(text),
  };
}
