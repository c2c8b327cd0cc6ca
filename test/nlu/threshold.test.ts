// chooseThreshold: the `none` threshold picked on held-out sentences, within a stated in-scope cost.
import { describe, expect, it } from 'vitest';
import { chooseThreshold, classifierFromModel, NONE, trainModel } from '../../src/nlu/classifier.ts';

const examples = [
  ...['play a song', 'play some music', 'put on a track', 'start the playlist', 'play my favourite band'].map((text) => ({
    text,
    intent: 'music',
  })),
  ...['what is the weather', 'will it rain today', 'is it sunny outside', 'weather forecast please', 'how cold is it'].map((text) => ({
    text,
    intent: 'weather',
  })),
  ...['set an alarm', 'wake me up at seven', 'alarm for 6 am', 'remind me to wake up', 'set my alarm clock'].map((text) => ({
    text,
    intent: 'alarm',
  })),
];
const outOfScope = ['what is the capital of france', 'tell me about quantum physics', 'how tall is everest'];
const heldOut = [
  { text: 'play the song again', intent: 'music' },
  { text: 'is it going to rain', intent: 'weather' },
  { text: 'set an alarm for 8', intent: 'alarm' },
  { text: 'music please', intent: 'music' },
  { text: 'put something on', intent: 'music' },
];
const model = trainModel(examples, { outOfScope });
const raw = classifierFromModel(model, { threshold: null });
const right = (threshold: number) =>
  heldOut.filter((e) => classifierFromModel(model, { threshold }).classify(e.text).intent === e.intent).length / heldOut.length;

describe('chooseThreshold', () => {
  it('costs no held-out accuracy when no cost is allowed, and picks the highest such candidate', () => {
    const candidates = Array.from({ length: 21 }, (_, i) => i / 20);
    const t = chooseThreshold(model, heldOut, { maxInScopeLoss: 0, candidates });
    expect(right(t)).toBe(right(0));
    const next = candidates.find((c) => c > t);
    if (next !== undefined) expect(right(next)).toBeLessThan(right(0));
  });

  it('goes as high as the candidates allow when any cost is allowed', () => {
    expect(chooseThreshold(model, heldOut, { maxInScopeLoss: 1, candidates: [0, 0.3, 0.6] })).toBe(0.6);
  });

  it('turns more sentences into none as it rises', () => {
    const answers = (threshold: number) =>
      [...heldOut.map((e) => e.text), ...outOfScope].filter((t) => classifierFromModel(model, { threshold }).classify(t).intent === NONE)
        .length;
    expect(answers(0.9)).toBeGreaterThan(answers(0));
    expect(raw.probabilities('play a song').length).toBe(4);
  });
});
