// Keyed training (src/nlu/random.ts keyedOrder, classifier.ts trainingKeys): every random draw of
// training belongs to one sentence, feature or class, so the model depends on the data and not on
// where a sentence sits in the list, and a sentence added leaves the others' order alone.
import { describe, expect, it } from 'vitest';
import { classifierFromModel, trainModel, type TrainingExample } from '../../src/nlu/classifier.ts';
import { DEFAULT_MLP } from '../../src/nlu/mlp.ts';
import { keyedOrder, hashString } from '../../src/nlu/random.ts';

describe('keyedOrder', () => {
  const keys = Array.from({ length: 200 }, (_, i) => hashString(`sentence ${i}`));

  it('is a permutation, different from pass to pass', () => {
    const first = keyedOrder(keys, 7, 0);
    expect([...first].sort((a, b) => a - b)).toEqual(keys.map((_, i) => i));
    expect(keyedOrder(keys, 7, 1)).not.toEqual(first);
    expect(keyedOrder(keys, 8, 0)).not.toEqual(first);
  });

  it('keeps the other sentences in the same relative order when one is added', () => {
    const before = keyedOrder(keys, 7, 3).map((i) => keys[i]);
    const withOne = [...keys.slice(0, 50), hashString('a new sentence'), ...keys.slice(50)];
    const after = keyedOrder(withOne, 7, 3)
      .map((i) => withOne[i])
      .filter((k) => k !== hashString('a new sentence'));
    expect(after).toEqual(before);
  });
});

const examples: TrainingExample[] = [
  ['my container exited right after docker run', 'exited'],
  ['why does my container stop immediately', 'exited'],
  ['container exits with code 1 at start', 'exited'],
  ['docker ps shows nothing after I ran it', 'exited'],
  ['where are my files after I removed the container', 'data'],
  ['my database data vanished when the container was deleted', 'data'],
  ['how do I keep data with a volume', 'data'],
  ['mount a folder so files survive', 'data'],
  ['I rebuilt the image but nothing changed', 'rebuild'],
  ['docker build does not pick up my code change', 'rebuild'],
  ['the container still runs the old code after a rebuild', 'rebuild'],
  ['restart did not load my new image', 'rebuild'],
].map(([text, intent]) => ({ text: text as string, intent: intent as string }));
const outOfScope = ['what is the weather tomorrow', 'book a table for two', 'how tall is the eiffel tower'];
const questions = [
  'container quits straight away',
  'lost my data',
  'new code is not showing',
  'stops right after start',
  'what about the weather',
];

/** Probabilities of each question, from a model trained on `list` with the hidden layer too. */
function answers(list: TrainingExample[], keyedTraining?: boolean): number[][] {
  const options = { outOfScope, hiddenLayer: { ...DEFAULT_MLP, hidden: 16, epochs: 8, weight: 0.5 }, keyedTraining };
  const c = classifierFromModel(trainModel(list, options), options);
  return questions.map((q) => c.probabilities(q));
}

describe('training with keys', () => {
  it('learns the same model whatever order the sentences are listed in', () => {
    const listed = answers(examples);
    const reversed = answers([...examples].reverse());
    listed.forEach((p, i) => {
      p.forEach((x, c) => {
        expect(reversed[i]?.[c]).toBeCloseTo(x, 5);
      });
    });
  });

  it('without keys, the listing order changes the model (the lottery it removes)', () => {
    const listed = answers(examples, false);
    const reversed = answers([...examples].reverse(), false);
    const largest = Math.max(...listed.flatMap((p, i) => p.map((x, c) => Math.abs(x - (reversed[i]?.[c] ?? 0)))));
    expect(largest).toBeGreaterThan(1e-3);
  });
});
