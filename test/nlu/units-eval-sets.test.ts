// The answer-unit measurement sets (issue 13) stay valid and independent of what the bot is
// trained on: every label points at an intent and unit that exist, no text is repeated, and no
// question is a near-copy of an intent or unit example, an article phrasing (`broad:`,
// `article_asks:`) or the out-of-scope training sentences, so examples added later cannot quietly turn the sets into training data.
// Also checks the scorer (bench/units-eval.ts) and how bench/units.ts reads an Answer.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toReply } from '../../bench/units.ts';
import {
  expectationOf,
  loadEvalSet,
  loadNearMisses,
  nearCopies,
  percentile,
  scoreUnits,
  trainingSentences,
  type EvalItem,
  type Reply,
} from '../../bench/units-eval.ts';
import { emptyEntities, type Answer } from '../../src/core/types.ts';
import { OUT_OF_SCOPE } from '../../src/nlu/out-of-scope.ts';
import { knowledgeBase } from '../helpers/bot.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const items = loadEvalSet(fixture('units-eval.jsonl'));
const nearMisses = loadNearMisses(fixture('units-near-misses.jsonl'));
const kb = knowledgeBase();

/** Issue 13, "What was seen": each must be in the set with this unit. */
const SEEN: Record<string, string> = {
  'will docker system prune -a delete my volumes?': 'concept.persistence/prune_volumes',
  'what does EXPOSE 3000 in a Dockerfile do?': 'concept.image/expose',
  'how do I roll back to the previous version after a bad deploy?': 'mistake.latest_tag/rollback',
  "what's a registry vs a repository vs a tag?": 'concept.registry/registry_repository_tag',
  'how do i edit a file inside a running container': 'mistake.edit_running_container/edit_file',
  'how do i check which image version a running container was started from?': 'command.ps/which_image_version',
  "My manager wants us to 'send the container' to the client…": 'concept.difference/ship_image',
};

/** Intents whose units are still being written: their questions may be labelled at intent level. */
const intentLevelOnly = (intent: string) => intent.startsWith('diagnose.') || intent.startsWith('host.');

describe('units measurement sets', () => {
  it('are big enough and cover every intent', () => {
    expect(items.length).toBeGreaterThanOrEqual(250);
    expect(nearMisses.length).toBeGreaterThanOrEqual(120);
    const covered = new Set(items.map((i) => i.intent));
    expect(kb.intents.map((i) => i.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('label only intents and units that exist', () => {
    const bad = items.flatMap((item) => {
      const intent = kb.get(item.intent);
      if (!intent) return [`${item.text}: no intent ${item.intent}`];
      if (item.unit === null) return [];
      const [owner, unitId] = item.unit.split('/');
      const ok = owner === item.intent && (intent.units ?? []).some((u) => u.id === unitId);
      return ok ? [] : [`${item.text}: no unit ${item.unit}`];
    });
    expect(bad).toEqual([]);
  });

  it('use intent-level labels only where units are not yet known, and broad only without a unit', () => {
    expect(items.filter((i) => i.broad && i.unit !== null).map((i) => i.text)).toEqual([]);
    const unlabelled = items.filter((i) => expectationOf(i) === 'topic-only' && !intentLevelOnly(i.intent));
    expect(unlabelled.map((i) => i.text)).toEqual([]);
  });

  it('hold every "What was seen" example of issue 13 with its unit', () => {
    const byText = new Map(items.map((i) => [i.text, i]));
    for (const [text, unit] of Object.entries(SEEN)) expect(byText.get(text)?.unit, text).toBe(unit);
    expect(
      items
        .filter((i) => i.seen)
        .map((i) => i.text)
        .sort(),
    ).toEqual(Object.keys(SEEN).sort());
  });

  it('repeat no text, within or across the sets', () => {
    const texts = [...items, ...nearMisses].map((i) => i.text.toLowerCase().replace(/\s+/g, ' ').trim());
    expect(texts.filter((t, i) => texts.indexOf(t) !== i)).toEqual([]);
  });

  it('are no near-copy of an intent or unit example, an article phrasing, or the out-of-scope training sentences', () => {
    const texts = [...items.filter((i) => !i.seen), ...nearMisses].map((q) => q.text);
    expect(nearCopies(texts, trainingSentences(kb, OUT_OF_SCOPE))).toEqual([]);
  });
});

describe('scoreUnits', () => {
  const item = (text: string, intent: string, unit: string | null, broad = false): EvalItem => ({ text, intent, unit, broad });
  const set = [
    item('u1', 'concept.image', 'concept.image/expose'),
    item('u2', 'concept.image', 'concept.image/kernel'),
    item('b1', 'concept.difference', null, true),
    item('t1', 'diagnose.exited', null),
  ];
  const replies: Record<string, Reply> = {
    u1: { intent: 'concept.image', unit: 'concept.image/expose', words: 40 }, // unit right
    u2: { intent: 'concept.image', words: 300 }, // article instead of the unit
    b1: { intent: 'concept.container', unit: 'vs_vm', offered: [{ intent: 'concept.difference' }], words: 50 }, // right @2 only
    t1: { intent: 'diagnose.exited', words: 60 }, // topic-only: counted for the topic, not the unit
    n1: { intent: 'none', offered: [{ intent: 'concept.container' }] },
    n2: { intent: 'concept.registry' },
  };
  const handle = (t: string): Reply => replies[t] ?? { intent: 'none' };

  it('scores topic @1 and @2, unit-or-article, near misses and answer length', async () => {
    const s = await scoreUnits(handle, set, [
      { text: 'n1', intent: 'none' },
      { text: 'n2', intent: 'none' },
    ]);
    expect(s.topicAt1).toBe(3 / 4);
    expect(s.topicAt2).toBe(1);
    expect(s.unitOrArticleN).toBe(3);
    expect(s.unitOrArticle).toBe(1 / 3);
    expect(s.articleInsteadOfUnit).toBe(1 / 2);
    expect(s.nearMissDeclined).toBe(1 / 2);
    expect([s.wordsP50, s.wordsP90]).toEqual([50, 300]);
    expect(s.misses.nearMiss.map((m) => m.got)).toEqual(['concept.registry']);
    expect(s.misses.topic.map((m) => m.got)).toEqual(['concept.container/vs_vm']);
  });

  it('takes the article as the right answer to a broad question, and a unit as wrong there', async () => {
    const broad = [item('b', 'concept.difference', null, true)];
    const article = await scoreUnits(() => ({ intent: 'concept.difference' }), broad, []);
    const unit = await scoreUnits(() => ({ intent: 'concept.difference', unit: 'analogies' }), broad, []);
    expect([article.unitOrArticle, unit.unitOrArticle]).toEqual([1, 0]);
  });

  it('accepts a bare unit id as belonging to the answer intent', async () => {
    const s = await scoreUnits(() => ({ intent: 'concept.image', unit: 'expose' }), [set[0] as EvalItem], []);
    expect(s.unitOrArticle).toBe(1);
  });

  it('counts a declined question without suggestions as wrong @2', async () => {
    const s = await scoreUnits(() => ({ intent: 'none' }), [set[0] as EvalItem], []);
    expect([s.topicAt1, s.topicAt2]).toEqual([0, 0]);
  });

  it('counts a unit borrowed under another topic as right @1 and so @2', async () => {
    const same = (id: string) => (id === 'concept.persistence/add_port_later' ? 'command.run/add_port_later' : id);
    const borrowed = [item('q', 'command.run', 'command.run/add_port_later')];
    const s = await scoreUnits(() => ({ intent: 'concept.persistence', unit: 'concept.persistence/add_port_later' }), borrowed, [], same);
    expect([s.topicAt1, s.topicAt2, s.unitOrArticle]).toEqual([1, 1, 1]);
  });

  it('takes nearest-rank percentiles', () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([], 50)).toBe(0);
  });
});

describe('toReply (bench:units reading an Answer)', () => {
  const answer = (extra: Partial<Answer> & Record<string, unknown> = {}): Answer => ({
    kind: 'knowledge',
    intent: 'concept.image',
    confidence: 0.9,
    title: 'What a Docker image is',
    blocks: [
      { type: 'text', text: 'An image is a blueprint.' },
      { type: 'code', code: 'docker images' },
    ],
    findings: [],
    commands: [],
    followups: [],
    suggestions: [],
    notices: [],
    hostUsed: false,
    entities: emptyEntities(),
    ...extra,
  });

  it('counts an answer without a unit as the article, and reads a unit once Answer carries one', () => {
    expect(toReply(answer()).unit).toBeUndefined();
    expect(toReply(answer({ unit: 'concept.image/expose' })).unit).toBe('concept.image/expose');
  });

  it('reads "did you mean" suggestions as the choices offered, and counts title and block words', () => {
    const r = toReply(answer({ intent: 'none', suggestions: [{ intent: 'concept.registry/push_pull', label: 'Push' }] }));
    expect(r.offered).toEqual([{ intent: 'concept.registry', unit: 'push_pull' }]);
    expect(r.words).toBe(5 + 5 + 2);
  });
});
