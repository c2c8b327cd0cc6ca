// resolveTurn, one row per branch: how a turn is read in the light of the previous one. The
// classifier is a table too, so each row says exactly what the combined reading returns and
// whether it was asked at all.
import { describe, expect, it } from 'vitest';
import type { Classification, Intent } from '../../src/core/ports.ts';
import { resolveTurn, type PreviousTurn, type TurnRule } from '../../src/core/turns.ts';
import { emptyEntities, type Entities } from '../../src/core/types.ts';

const INTENTS: Record<string, Pick<Intent, 'area' | 'swap'>> = {
  'command.ps': { area: 'command', swap: { images: 'command.images' } },
  'command.images': { area: 'command', swap: { containers: 'command.ps' } },
  'concept.layers': { area: 'concept' },
  'concept.persistence': { area: 'concept' },
  'meta.thanks': { area: 'meta' },
};
const intentOf = (id: string) => INTENTS[id];

const c = (intent: string, confidence: number): Classification => ({ intent, confidence, alternatives: [] });
const named = (...names: string[]): Entities => ({ ...emptyEntities(), names });
const prev = (intent: string, text = 'what does docker ps show'): PreviousTurn => ({ text, intent, entities: named('web') });

interface Row {
  name: string;
  text: string;
  alone: Classification;
  previous?: PreviousTurn;
  /** What classifying both turns together returns (undefined: must not be asked). */
  combined?: Classification;
  /** The previous topic's best unit fit for this text (undefined: no unit picker). */
  unitFit?: number;
  want: { intent: string; confidence: number; rule: TurnRule; borrowsEntities: boolean };
}

const rows: Row[] = [
  {
    name: 'no previous turn: answered alone',
    text: 'and images?',
    alone: c('none', 0.2),
    want: { intent: 'none', confidence: 0.2, rule: 'alone', borrowsEntities: false },
  },
  {
    name: 'a long message stands on its own',
    text: 'and what about the thing where I built an image yesterday and then it was not in the list at all',
    alone: c('none', 0.1),
    previous: prev('command.ps'),
    want: { intent: 'none', confidence: 0.1, rule: 'alone', borrowsEntities: false },
  },
  {
    name: 'swap: "what about images?" after docker ps moves to the image side (at least 0.6)',
    text: 'what about images?',
    alone: c('none', 0.3),
    previous: prev('command.ps'),
    want: { intent: 'command.images', confidence: 0.6, rule: 'swap', borrowsEntities: true },
  },
  {
    name: 'swap keeps a higher confidence when the classifier agrees',
    text: 'and for images?',
    alone: c('command.images', 0.9),
    previous: prev('command.ps'),
    want: { intent: 'command.images', confidence: 0.9, rule: 'swap', borrowsEntities: true },
  },
  {
    name: 'swap back: containers after docker images',
    text: 'and containers?',
    alone: c('concept.persistence', 0.3),
    previous: prev('command.images', 'what does docker images list'),
    want: { intent: 'command.ps', confidence: 0.6, rule: 'swap', borrowsEntities: true },
  },
  {
    name: 'no swap for an intent without a pair: elliptical instead',
    text: 'and images?',
    alone: c('none', 0.2),
    previous: prev('concept.layers', 'what are layers'),
    combined: c('concept.layers', 0.8),
    want: { intent: 'concept.layers', confidence: 0.8, rule: 'elliptical', borrowsEntities: true },
  },
  {
    name: 'elliptical: "and the stopped ones?" stays on the topic',
    text: 'and the stopped ones?',
    alone: c('concept.lifecycle', 0.4),
    previous: prev('command.ps'),
    combined: c('command.ps', 0.85),
    want: { intent: 'command.ps', confidence: 0.85, rule: 'elliptical', borrowsEntities: true },
  },
  {
    name: 'elliptical: 0.5 when reading both turns lands elsewhere',
    text: 'and the stopped ones?',
    alone: c('none', 0.2),
    previous: prev('command.ps'),
    combined: c('concept.lifecycle', 0.7),
    want: { intent: 'command.ps', confidence: 0.5, rule: 'elliptical', borrowsEntities: true },
  },
  {
    name: 'elliptical but confidently about something else: answered alone',
    text: 'and what is a layer',
    alone: c('concept.layers', 0.9),
    previous: prev('command.ps'),
    want: { intent: 'concept.layers', confidence: 0.9, rule: 'alone', borrowsEntities: false },
  },
  {
    name: 'combined: an unsure turn that points back is read with the previous one',
    text: 'how do I do that with compose',
    alone: c('none', 0.3),
    previous: prev('command.ps'),
    combined: c('command.ps', 0.75),
    want: { intent: 'command.ps', confidence: 0.75, rule: 'combined', borrowsEntities: true },
  },
  {
    name: 'combined never lands on a non-topic (greeting, thanks, help)',
    text: 'how do I do that with compose',
    alone: c('none', 0.3),
    previous: prev('command.ps'),
    combined: c('meta.thanks', 0.9),
    want: { intent: 'none', confidence: 0.3, rule: 'alone', borrowsEntities: false },
  },
  {
    name: 'combined landing on none keeps the turn alone',
    text: 'is it the same there',
    alone: c('none', 0.1),
    previous: prev('command.ps'),
    combined: c('none', 0.2),
    want: { intent: 'none', confidence: 0.1, rule: 'alone', borrowsEntities: false },
  },
  {
    name: 'unsure but not pointing back ("capital of France") stays alone, no second classification',
    text: 'what is the capital of France',
    alone: c('none', 0.1),
    previous: prev('command.ps'),
    want: { intent: 'none', confidence: 0.1, rule: 'alone', borrowsEntities: false },
  },
  {
    name: 'a confident standalone question is answered alone',
    text: 'what are image layers',
    alone: c('concept.layers', 0.95),
    previous: prev('command.ps'),
    want: { intent: 'concept.layers', confidence: 0.95, rule: 'alone', borrowsEntities: false },
  },
  {
    name: 'ack: "ok" after an answer is an acknowledgement, never the previous topic again',
    text: 'ok',
    alone: c('none', 0.9),
    previous: prev('command.ps'),
    combined: c('meta.thanks', 0.99),
    want: { intent: 'meta.thanks', confidence: 0.99, rule: 'ack', borrowsEntities: false },
  },
  {
    name: 'ack: "got it, thanks!" that the classifier places as thanks keeps its reading',
    text: 'got it, thanks!',
    alone: c('meta.thanks', 0.97),
    previous: prev('concept.persistence'),
    want: { intent: 'meta.thanks', confidence: 0.97, rule: 'ack', borrowsEntities: false },
  },
  {
    name: 'ack: "ok and the stopped ones?" asks something: elliptical, not an acknowledgement',
    text: 'ok and the stopped ones?',
    alone: c('none', 0.3),
    previous: prev('command.ps'),
    combined: c('command.ps', 0.8),
    want: { intent: 'command.ps', confidence: 0.8, rule: 'elliptical', borrowsEntities: true },
  },
  {
    name: 'moved: "and how do I delete one?" is sure of another topic and fits no unit of the last one',
    text: 'and how do I delete one?',
    alone: c('concept.persistence', 0.52),
    previous: prev('concept.layers', 'what is the difference between layers'),
    combined: c('concept.layers', 0.8),
    unitFit: 0.3,
    want: { intent: 'concept.persistence', confidence: 0.52, rule: 'moved', borrowsEntities: true },
  },
  {
    name: 'elliptical: a unit of the last topic fits the turn well, so it stays there',
    text: 'and how do I delete one?',
    alone: c('concept.persistence', 0.52),
    previous: prev('concept.layers', 'what is the difference between layers'),
    combined: c('concept.layers', 0.8),
    unitFit: 0.8,
    want: { intent: 'concept.layers', confidence: 0.8, rule: 'elliptical', borrowsEntities: true },
  },
  {
    name: 'elliptical: the turn alone is too unsure of its own topic to move',
    text: 'and the stopped ones?',
    alone: c('concept.persistence', 0.2),
    previous: prev('command.ps'),
    combined: c('command.ps', 0.85),
    unitFit: 0.1,
    want: { intent: 'command.ps', confidence: 0.85, rule: 'elliptical', borrowsEntities: true },
  },
];

describe('resolveTurn', () => {
  it.each(rows)('$name', (row) => {
    const asked: string[] = [];
    const r = resolveTurn({
      text: row.text,
      classification: row.alone,
      entities: emptyEntities(),
      previous: row.previous,
      classify: (t) => {
        asked.push(t);
        if (!row.combined) throw new Error(`classify must not be asked here (asked "${t}")`);
        return row.combined;
      },
      intentOf,
      ...(row.unitFit !== undefined ? { unitFit: () => row.unitFit ?? 0 } : {}),
    });
    expect({ intent: r.classification.intent, confidence: r.classification.confidence, rule: r.rule }).toEqual({
      intent: row.want.intent,
      confidence: row.want.confidence,
      rule: row.want.rule,
    });
    expect(r.entities.names).toEqual(row.want.borrowsEntities ? ['web'] : []);
    if (row.want.rule === 'ack' && row.combined) expect(asked).toEqual(['thanks']);
    if (row.combined && (row.want.rule === 'elliptical' || row.want.rule === 'combined'))
      expect(asked).toEqual([`${row.previous?.text ?? ''} ${row.text}`]);
  });

  it('entities of this turn win over the previous turn', () => {
    const r = resolveTurn({
      text: 'what about images?',
      classification: c('none', 0.2),
      entities: named('db'),
      previous: prev('command.ps'),
      classify: () => c('none', 0),
      intentOf,
    });
    expect(r.entities.names).toEqual(['db']);
  });
});
