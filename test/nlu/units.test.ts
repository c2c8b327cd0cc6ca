// The unit picker (src/nlu/units.ts) on the fixture units (test/fixtures/units/): it picks the
// unit a specific question asks for, gives a broad question the article, offers a close runner-up,
// and its models go through the model cache, keyed on the units.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Classification, KnowledgeBase } from '../../src/core/ports.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { observeTraining } from '../../src/nlu/classifier.ts';
import { createNlu, trainingExamples } from '../../src/nlu/index.ts';
import {
  articleSentences,
  asksForWholePicture,
  chooseUnit,
  CLOSE_RATIO,
  jointTopic,
  PAIR_MIN,
  RIVAL_MIN,
  SPECIFIC_UNIT_MIN,
  UNIT_MIN,
  WHOLE_PICTURE_UNIT_MIN,
  withUnit,
  type UnitPicker,
} from '../../src/nlu/units.ts';
import { fixtureNlu, intentsWithFixtureUnits, unitEvalSet } from '../helpers/unit-fixture.ts';

const fixture = intentsWithFixtureUnits();
const nlu = fixtureNlu(fixture.kb);
const cacheRoot = mkdtempSync(join(tmpdir(), 'coach-unit-cache-'));
afterAll(() => {
  fixture.remove();
  rmSync(cacheRoot, { recursive: true, force: true });
});

const ref = (c: Classification) => (c.unit !== undefined ? `${c.intent}/${c.unit}` : c.intent);

describe('the unit picker on the fixture units', () => {
  const cases = unitEvalSet();

  it('answers the held-out specific questions with their unit (≥ 85%) and never with a unit of another intent', () => {
    const specific = cases.filter((c) => c.expect.includes('/'));
    const got = specific.map((c) => ({ ...c, got: nlu.classify(c.text) }));
    const right = got.filter((c) => ref(c.got) === c.expect);
    expect(right.length / specific.length).toBeGreaterThanOrEqual(0.85);
    // Where the topic is right, the unit is right: the misses are the intent's, not the picker's.
    for (const c of got.filter((g) => g.got.intent === g.expect.split('/')[0])) expect(ref(c.got)).toBe(c.expect);
  });

  it('answers a broad question about a topic with its article, not one of its units', () => {
    const broad = cases.filter((c) => !c.expect.includes('/'));
    expect(broad.length).toBeGreaterThanOrEqual(6);
    for (const c of broad) {
      const got = nlu.classify(c.text);
      if (got.intent === c.expect) expect(got.unit, c.text).toBeUndefined();
    }
    expect(nlu.classify('explain where data lives and what survives')).toMatchObject({ intent: 'concept.persistence' });
    expect(nlu.classify('explain where data lives and what survives').unit).toBeUndefined();
  });

  it("reads the issue's examples as their units", () => {
    expect(ref(nlu.classify('will docker system prune -a delete my volumes?'))).toBe('concept.persistence/prune_volumes');
    expect(ref(nlu.classify('how do I roll back to the previous version after a bad deploy?'))).toBe('mistake.latest_tag/rollback');
    expect(ref(nlu.classify("what's a registry vs a repository vs a tag?"))).toBe('concept.registry/registry_repo_tag');
  });

  it('picks under a given intent for a follow-up (pickUnit), and has nothing to pick under an intent without units', () => {
    expect(nlu.pickUnit?.('concept.persistence', 'and compose down -v?').unit).toBe('compose_down_v');
    expect(nlu.pickUnit?.('concept.difference', 'and compose down -v?')).toEqual({ ranked: [] });
  });
});

describe('a close runner-up is offered (withUnit)', () => {
  const picker = (
    ranked: Record<string, { unit?: string; confidence: number }[]>,
    unitOf: Record<string, string> = {},
  ): Pick<UnitPicker, 'pick'> => ({
    pick: (intent) => ({ ...(unitOf[intent] ? { unit: unitOf[intent] } : {}), ranked: ranked[intent] ?? [] }),
  });
  const c = (confidence: number, rival?: { intent: string; confidence: number }): Classification => ({
    intent: 'a.topic',
    confidence,
    alternatives: rival ? [rival] : [],
  });

  it('another unit of the same intent, when it scores at least CLOSE_RATIO of the answer', () => {
    const ranked = {
      'a.topic': [{ unit: 'one', confidence: 0.55 }, { unit: 'two', confidence: 0.55 * CLOSE_RATIO + 0.01 }, { confidence: 0.1 }],
    };
    const got = withUnit(c(0.9), picker(ranked, { 'a.topic': 'one' }), 'q');
    expect(got.unit).toBe('one');
    expect(got.close).toMatchObject({ intent: 'a.topic', unit: 'two' });
  });

  it('nothing when the runner-up is far behind', () => {
    const ranked = {
      'a.topic': [{ unit: 'one', confidence: 0.8 }, { unit: 'two', confidence: 0.8 * CLOSE_RATIO - 0.05 }, { confidence: 0.05 }],
    };
    expect(withUnit(c(0.9), picker(ranked, { 'a.topic': 'one' }), 'q').close).toBeUndefined();
  });

  it('another intent (with its own best unit) when the classifier was torn between two', () => {
    // The first topic's article fits well enough to keep it (see jointTopic); the runner-up is offered.
    const ranked = { 'a.topic': [{ confidence: 0.8 }, { unit: 'one', confidence: 0.2 }], 'b.topic': [{ unit: 'x', confidence: 0.9 }] };
    const got = withUnit(c(0.5, { intent: 'b.topic', confidence: 0.3 }), picker(ranked, { 'b.topic': 'x' }), 'q');
    expect(got.intent).toBe('a.topic');
    expect(got.unit).toBeUndefined();
    expect(got.close).toMatchObject({ intent: 'b.topic', unit: 'x' });
  });

  it('never the article of the chosen intent (the answer links it already), and nothing for `none`', () => {
    const ranked = { 'a.topic': [{ unit: 'one', confidence: 0.5 }, { confidence: 0.49 }] };
    expect(withUnit(c(0.9), picker(ranked, { 'a.topic': 'one' }), 'q').close).toBeUndefined();
    const none: Classification = { intent: 'none', confidence: 0.9, alternatives: [{ intent: 'a.topic', confidence: 0.1 }] };
    expect(withUnit(none, picker(ranked), 'q')).toEqual(none);
  });
});

describe('the runner-up topic answers when its answers fit far better (jointTopic)', () => {
  const picker = (
    ranked: Record<string, { unit?: string; confidence: number }[]>,
    unitOf: Record<string, string> = {},
  ): Pick<UnitPicker, 'pick'> => ({
    pick: (intent) => ({ ...(unitOf[intent] ? { unit: unitOf[intent] } : {}), ranked: ranked[intent] ?? [] }),
  });
  const torn = (second: number): Classification => ({
    intent: 'a.topic',
    confidence: 0.5,
    alternatives: [
      { intent: 'b.topic', confidence: second },
      { intent: 'c.topic', confidence: 0.05 },
    ],
  });
  // a.topic's units are all unsure of the question; one unit of b.topic answers it squarely.
  const spread = {
    'a.topic': [{ unit: 'one', confidence: 0.3 }, { unit: 'two', confidence: 0.3 }, { confidence: 0.25 }],
    'b.topic': [{ unit: 'x', confidence: 0.97 }],
  };

  it('swaps the topics, answers with the runner-up unit and offers the first topic as the choice', () => {
    const got = withUnit(torn(0.4), picker(spread, { 'b.topic': 'x' }), 'q');
    expect(got).toMatchObject({ intent: 'b.topic', confidence: 0.4, unit: 'x' });
    expect(got.alternatives[0]).toEqual({ intent: 'a.topic', confidence: 0.5 });
    expect(got.close).toMatchObject({ intent: 'a.topic' });
  });

  it('keeps the first topic when the runner-up is unlikely, or when the first fits as well', () => {
    expect(jointTopic(torn(RIVAL_MIN - 0.01), picker(spread), 'q').intent).toBe('a.topic');
    const bothFit = { ...spread, 'a.topic': [{ unit: 'one', confidence: 0.9 }] };
    expect(jointTopic(torn(0.4), picker(bothFit), 'q').intent).toBe('a.topic');
  });
});

describe('a question naming a specific detail gets a unit sooner (chooseUnit)', () => {
  const between = (SPECIFIC_UNIT_MIN + UNIT_MIN) / 2;
  const ranked = [{ unit: 'detached', confidence: between }, { confidence: between - 0.1 }, { unit: 'other', confidence: 0.1 }];

  it('answers with the unit when the question names a flag, a number or an error', () => {
    expect(chooseUnit(ranked, "what's that -d flag doing")).toBe('detached');
    expect(chooseUnit(ranked, 'it exited with 137')).toBe('detached');
    expect(chooseUnit(ranked, 'push says access denied')).toBe('detached');
  });

  it('keeps the article for the same probabilities without such a detail, or when the article is ahead', () => {
    expect(chooseUnit(ranked, 'what does running in the background mean')).toBeUndefined();
    expect(chooseUnit([{ confidence: 0.5 }, { unit: 'detached', confidence: 0.4 }], 'what does -d do')).toBeUndefined();
    expect(chooseUnit([{ unit: 'detached', confidence: UNIT_MIN }], 'what does running in the background mean')).toBe('detached');
  });
});

describe('a question asking for the whole picture gets the article (chooseUnit)', () => {
  const likely = [{ unit: 'multi_stage', confidence: 0.7 }, { confidence: 0.2 }, { unit: 'why_big', confidence: 0.1 }];

  it('answers with the article when the words ask in general, unless one unit is nearly certain', () => {
    expect(chooseUnit(likely, 'how do I make the image smaller with a multi-stage build')).toBe('multi_stage');
    expect(chooseUnit(likely, 'in general, what are the techniques for smaller images?')).toBeUndefined();
    expect(chooseUnit(likely, 'best practices for image size')).toBeUndefined();
    const sure = [{ unit: 'multi_stage', confidence: WHOLE_PICTURE_UNIT_MIN }, { confidence: 0.1 }];
    expect(chooseUnit(sure, 'best practices for a multi-stage build')).toBe('multi_stage');
  });

  it('reads the words, not their parts', () => {
    expect(asksForWholePicture('give me an overview of volumes')).toBe(true);
    expect(asksForWholePicture('the generated name of my container')).toBe(false);
    expect(asksForWholePicture('my laptops are slow')).toBe(false);
  });
});

describe('two units close at the top, far ahead of the article (chooseUnit)', () => {
  it('answers with the first of them below UNIT_MIN, so the second can be offered', () => {
    const pair = [{ unit: 'attach', confidence: 0.4 }, { unit: 'exec_vs_run', confidence: 0.38 }, { confidence: 0.05 }];
    expect(PAIR_MIN).toBeLessThanOrEqual(0.78);
    expect(chooseUnit(pair, 'attach or exec to get a shell, which one')).toBe('attach');
  });

  it('keeps the article when the two hold too little, or the article is close behind', () => {
    expect(chooseUnit([{ unit: 'a', confidence: 0.3 }, { unit: 'b', confidence: 0.2 }, { confidence: 0.05 }], 'which one')).toBeUndefined();
    expect(chooseUnit([{ unit: 'a', confidence: 0.4 }, { unit: 'b', confidence: 0.38 }, { confidence: 0.2 }], 'which one')).toBeUndefined();
  });
});

describe("an intent's article class", () => {
  it("learns the intent's own broad phrasings (`broad:` in its file) next to its title", () => {
    const intent = fixture.kb.get('concept.registry');
    if (!intent) throw new Error('fixture intent missing');
    const sentences = articleSentences({ ...intent, broad: ['registries, the whole story'] });
    expect(sentences).toContain('registries, the whole story');
    expect(sentences).toContain(intent.title);
    expect(articleSentences({ ...intent, broad: [] })).not.toContain('registries, the whole story');
  });

  it('learns `article_asks:` too, which the topic model never sees', () => {
    const intent = fixture.kb.get('concept.registry');
    if (!intent) throw new Error('fixture intent missing');
    const asks = 'my push went somewhere, where do images even live';
    const withAsks = { ...intent, article_asks: [asks] };
    expect(articleSentences(withAsks)).toContain(asks);
    const kb: KnowledgeBase = { intents: [withAsks], get: (id) => (id === withAsks.id ? withAsks : undefined) };
    expect(trainingExamples(kb).map((e) => e.text)).not.toContain(asks);
  });
});

describe('the unit models go through the model cache, keyed on the units', () => {
  let trainings = 0;
  const stop = observeTraining(() => trainings++);
  afterAll(stop);
  const question = 'will docker system prune -a delete my volumes?';
  const pickWith = (kb: KnowledgeBase, dir: string) => createNlu(kb, { cache: { dir } }).pickUnit?.('concept.persistence', question);

  it('a second process loads the saved unit model; a changed unit trains it again', () => {
    const dir = join(cacheRoot, 'models');
    const before = trainings;
    expect(pickWith(fixture.kb, dir)?.unit).toBe('prune_volumes');
    expect(trainings - before).toBe(1);
    expect(existsSync(join(dir, 'units.concept.persistence.bin'))).toBe(true);

    const again = trainings;
    expect(pickWith(fixture.kb, dir)?.unit).toBe('prune_volumes');
    expect(trainings - again).toBe(0);

    const file = join(fixture.dir, 'concept.persistence.yaml');
    const original = readFileSync(file, 'utf8');
    try {
      writeFileSync(file, original.replace('does prune -a wipe named volumes too', 'does prune -a wipe my named volumes too'));
      const changed = trainings;
      expect(pickWith(loadKnowledge(fixture.dir), dir)?.unit).toBe('prune_volumes');
      expect(trainings - changed).toBe(1);
    } finally {
      writeFileSync(file, original);
    }
  });
});
