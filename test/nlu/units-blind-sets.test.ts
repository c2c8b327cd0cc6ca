// The blind answer-unit sets (issue 13) are read only for the final measurement, after the
// classifier and the units have been tuned on the other sets. They stay usable and blind: every
// label (and every `also`) points at an intent and unit that exist, nothing is repeated within
// them or from the other sets, and no line is a near-copy of what the bot trains on, so examples
// added while tuning cannot quietly turn them into training data. Also checks how the scorer
// reads `also` and how bench:units picks a set.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SETS, setFromArgs, type SetName } from '../../bench/units.ts';
import {
  loadEvalSet,
  loadNearMisses,
  nearCopies,
  scoreUnits,
  trainingSentences,
  type EvalItem,
  type Reply,
} from '../../bench/units-eval.ts';
import { OUT_OF_SCOPE } from '../../src/nlu/out-of-scope.ts';
import { knowledgeBase } from '../helpers/bot.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const kb = knowledgeBase();

/** Why a full unit id is not a unit of intents/, or null when it is. */
function unitProblem(fullId: string): string | null {
  const [owner = '', unitId] = fullId.split('/');
  const intent = kb.get(owner);
  if (!intent) return `no intent ${owner}`;
  return (intent.units ?? []).some((u) => u.id === unitId) ? null : `no unit ${fullId}`;
}

const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** Every text of a named set, questions and near misses. */
function setTexts(name: SetName): string[] {
  const [questions, nearMisses] = SETS[name];
  return [...loadEvalSet(fixture(questions)), ...loadNearMisses(fixture(nearMisses))].map((i) => i.text);
}

/** Each blind set, with the fewest near misses it must hold. */
const BLIND_SETS: { name: SetName; minNearMisses: number }[] = [
  { name: 'blind', minNearMisses: 120 },
  { name: 'blind2', minNearMisses: 80 },
  { name: 'blind3', minNearMisses: 80 },
  { name: 'blind4', minNearMisses: 80 },
  { name: 'blind5', minNearMisses: 90 },
];

describe.each(BLIND_SETS)('blind units set $name', ({ name, minNearMisses }) => {
  const [questionFile, nearMissFile] = SETS[name];
  const items = loadEvalSet(fixture(questionFile));
  const nearMisses = loadNearMisses(fixture(nearMissFile));

  it('is big enough, covers every intent and keeps broad questions around 15%', () => {
    expect(items.length).toBeGreaterThanOrEqual(200);
    expect(nearMisses.length).toBeGreaterThanOrEqual(minNearMisses);
    const covered = new Set(items.map((i) => i.intent));
    expect(kb.intents.map((i) => i.id).filter((id) => !covered.has(id))).toEqual([]);
    const broadShare = items.filter((i) => i.broad).length / items.length;
    expect(broadShare).toBeGreaterThanOrEqual(0.1);
    expect(broadShare).toBeLessThanOrEqual(0.2);
  });

  it('labels every question with a unit of its intent, or as broad without a unit', () => {
    const bad = items.flatMap((item) => {
      if (!kb.get(item.intent)) return [`${item.text}: no intent ${item.intent}`];
      if (item.broad) return item.unit === null ? [] : [`${item.text}: broad with a unit`];
      if (item.unit === null) return [`${item.text}: neither a unit nor broad`];
      if (!item.unit.startsWith(`${item.intent}/`)) return [`${item.text}: ${item.unit} is not under ${item.intent}`];
      const problem = unitProblem(item.unit);
      return problem ? [`${item.text}: ${problem}`] : [];
    });
    expect(bad).toEqual([]);
  });

  it('gives `also` only to unit questions, naming other units that exist', () => {
    const bad = items.flatMap((item) =>
      (item.also ?? []).flatMap((id) => {
        if (item.broad || id === item.unit) return [`${item.text}: also ${id} on a broad question or repeating the unit`];
        const problem = unitProblem(id);
        return problem ? [`${item.text}: ${problem}`] : [];
      }),
    );
    expect(bad).toEqual([]);
    expect(items.filter((i) => i.also).length).toBeLessThanOrEqual(items.length / 10);
  });

  it('quotes nothing (no "seen" lines: every question was written for this set)', () => {
    expect(items.filter((i) => i.seen === true).map((i) => i.text)).toEqual([]);
  });

  it('repeats no text, within the set or from the other measurement sets', () => {
    const own = setTexts(name).map(normalise);
    expect(own.filter((t, i) => own.indexOf(t) !== i)).toEqual([]);
    const others = (Object.keys(SETS) as SetName[]).filter((n) => n !== name);
    const elsewhere = new Set(others.flatMap(setTexts).map(normalise));
    expect(own.filter((t) => elsewhere.has(t))).toEqual([]);
  });

  it('is no near-copy of an intent or unit example, a unit question, an article phrasing, or the out-of-scope training sentences', () => {
    expect(nearCopies(setTexts(name), trainingSentences(kb, OUT_OF_SCOPE))).toEqual([]);
  });
});

describe('nearCopies', () => {
  const training = [{ text: 'why is my container not in docker ps', source: 'x' }];

  it('flags a reworded copy and lets a new question through', () => {
    expect(nearCopies(['why is my container not in docker ps?!'], training)).toHaveLength(1);
    expect(nearCopies(['how big may a layer get'], training)).toEqual([]);
  });
});

describe('scoreUnits with `also`', () => {
  const item: EvalItem = {
    text: 'q',
    intent: 'diagnose.port_unreachable',
    unit: 'diagnose.port_unreachable/port_mapping',
    broad: false,
    also: ['command.run/port_mapping'],
  };
  const score = (r: Reply) => scoreUnits(() => r, [item], []);

  it('takes the labelled unit or an `also` unit as right, on either topic', async () => {
    const labelled = await score({ intent: 'diagnose.port_unreachable', unit: 'port_mapping' });
    const also = await score({ intent: 'command.run', unit: 'port_mapping' });
    expect([labelled.unitOrArticle, labelled.topicAt1]).toEqual([1, 1]);
    expect([also.unitOrArticle, also.topicAt1]).toEqual([1, 1]);
  });

  it('still counts another unit, or the article, as wrong', async () => {
    const other = await score({ intent: 'command.run', unit: 'detached' });
    const article = await score({ intent: 'command.run' });
    expect([other.unitOrArticle, other.topicAt1]).toEqual([0, 1]);
    expect([article.unitOrArticle, article.articleInsteadOfUnit]).toEqual([0, 1]);
  });

  it('counts an `also` topic offered second as right @2', async () => {
    const s = await score({ intent: 'concept.image', offered: [{ intent: 'command.run' }] });
    expect([s.topicAt1, s.topicAt2]).toEqual([0, 1]);
  });
});

describe('setFromArgs (bench:units --set)', () => {
  it('defaults to the own sets, picks a blind set by name and rejects an unknown name', () => {
    expect(setFromArgs(['node', 'units.ts'])).toBe('own');
    expect(setFromArgs(['node', 'units.ts', '--set', 'blind', '--misses'])).toBe('blind');
    expect(setFromArgs(['node', 'units.ts', '--set', 'blind2'])).toBe('blind2');
    expect(setFromArgs(['node', 'units.ts', '--set', 'blind3'])).toBe('blind3');
    expect(() => setFromArgs(['node', 'units.ts', '--set', 'nope'])).toThrow(/own, blind/);
    expect(() => setFromArgs(['node', 'units.ts', '--set'])).toThrow(/--set/);
  });
});
