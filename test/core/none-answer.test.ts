// The answer when nothing fits: "did you mean" offers only topics with a real chance, so a question
// plainly about something else gets the kind "not my field" line and `help`, not three random topics.
import { describe, expect, it } from 'vitest';
import { noneAnswer, SUGGEST_MIN } from '../../src/core/answers.ts';
import { blocksToPlainText } from '../../src/core/markdown.ts';
import { emptyEntities } from '../../src/core/types.ts';
import { knowledgeBase, readyNlu } from '../helpers/bot.ts';

describe('the answer when nothing fits', () => {
  const kb = knowledgeBase();

  it('offers the close topics, and only those', () => {
    const a = noneAnswer(
      kb,
      [
        { intent: 'concept.container', confidence: 0.12 },
        { intent: 'concept.image', confidence: SUGGEST_MIN },
        { intent: 'command.build', confidence: SUGGEST_MIN / 2 },
      ],
      emptyEntities(),
    );
    expect(a.suggestions.map((s) => s.intent)).toEqual(['concept.container', 'concept.image']);
  });

  it('a question plainly about something else gets no "did you mean", and the way to help', () => {
    const nlu = readyNlu(kb);
    for (const text of ['kubectl get pods shows CrashLoopBackOff', "what's your favourite movie"]) {
      const c = nlu.classify(text);
      expect(c.intent).toBe('none');
      const a = noneAnswer(kb, c.alternatives, emptyEntities());
      expect(a.suggestions).toEqual([]);
      // The learning report still groups it under the topic that came nearest.
      expect(a.nearest).toEqual(expect.any(String));
      expect(blocksToPlainText(a.blocks)).toContain('help');
    }
  });
});
