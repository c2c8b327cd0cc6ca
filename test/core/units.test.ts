// Answer units in the conversation (issue 13, items 2–3), through bot.handle with the fixture
// units: a specific question gets its unit (direct answer, command, "More" to the article), the
// person's specifics fill the command, a follow-up gets the unit it asks for and never the answer
// just shown, acknowledgements get a short one back, and a choice is picked by its reference.
import { afterAll, describe, expect, it } from 'vitest';
import { answerChoices, unitAnswer } from '../../src/core/answers.ts';
import { createBot } from '../../src/core/bot.ts';
import { blocksToPlainText } from '../../src/core/markdown.ts';
import { fillPlaceholders } from '../../src/core/placeholders.ts';
import type { Answer, Question } from '../../src/core/types.ts';
import { emptyEntities } from '../../src/core/types.ts';
import { fixtureNlu, intentsWithFixtureUnits } from '../helpers/unit-fixture.ts';

const fixture = intentsWithFixtureUnits();
afterAll(() => {
  fixture.remove();
});
const bot = createBot({ knowledge: fixture.kb, nlu: fixtureNlu(fixture.kb) });
let conversations = 0;

/** A new conversation; `say` sends free text, `pick` a button or numbered choice (its target). */
function chat() {
  const conversation = `test:units:${conversations++}`;
  const send = async (text: string, command?: Question['command']): Promise<Answer> => {
    const a = await bot.handle({ text, platform: 'test', conversation, hostAllowed: false, ...(command ? { command } : {}) });
    if (!a) throw new Error('no answer');
    return a;
  };
  return { say: (text: string) => send(text), pick: (target: string) => send(target, { kind: 'followup', intent: target }) };
}

const words = (a: Answer) => blocksToPlainText(a.blocks).split(/\s+/).filter(Boolean).length;

describe('a specific question gets its answer unit', () => {
  it('the direct answer, its command as a code block, and More to the full article', async () => {
    const a = await chat().say('will docker system prune -a delete my volumes?');
    expect(a).toMatchObject({ kind: 'knowledge', intent: 'concept.persistence', unit: 'concept.persistence/prune_volumes' });
    expect(a.title).toBe('Does docker system prune delete my volumes?');
    expect(blocksToPlainText(a.blocks)).toContain('--volumes');
    expect(a.blocks.at(-1)).toEqual({ type: 'code', code: 'docker system prune -a --volumes', lang: 'sh' });
    expect(a.more).toEqual({ intent: 'concept.persistence', label: 'Where data lives and what survives' });
    expect(words(a)).toBeLessThanOrEqual(90);
    expect(answerChoices(a)[0]).toEqual(a.more);
  });

  it('a broad question gets the article', async () => {
    const a = await chat().say('explain where data lives and what survives');
    expect(a.unit).toBeUndefined();
    expect(a.title).toBe('Where data lives and what survives');
    expect(words(a)).toBeGreaterThan(100);
  });

  it('the image and tag the person named fill the command', async () => {
    const a = await chat().say('how do I roll back to myapp:1.4 after a bad deploy?');
    expect(a.unit).toBe('mistake.latest_tag/rollback');
    expect(a.blocks.at(-1)).toMatchObject({ type: 'code', code: 'docker run -d --name <container> myapp:1.4' });
  });

  it('fills every placeholder it can and leaves the rest as written', () => {
    const intent = fixture.kb.get('mistake.latest_tag');
    const unit = intent?.units?.find((u) => u.id === 'rollback');
    if (!intent || !unit) throw new Error('fixture unit missing');
    const a = unitAnswer(fixture.kb, intent, unit, 1, { ...emptyEntities(), names: ['web'], images: ['registry.local:5000/team/app:2.0'] });
    expect(a.blocks.at(-1)).toMatchObject({ code: 'docker run -d --name web registry.local:5000/team/app:2.0' });
  });
});

describe('placeholders with an example', () => {
  it('show the example when the message names nothing, and the named container when it does', () => {
    const text = 'docker start <container:web> && docker logs <container>';
    expect(fillPlaceholders(text, emptyEntities())).toBe('docker start web && docker logs <container>');
    expect(fillPlaceholders(text, { ...emptyEntities(), names: ['billing'] })).toBe('docker start billing && docker logs billing');
  });

  it('an image named without a tag is its latest; its last path part goes under another registry; a digest fills nothing', () => {
    const text = 'docker tag <image:myapp>:<tag:1.0> registry.example.com/team/<image-name:myapp>:<tag:1.0>';
    const fill = (images: string[]) => fillPlaceholders(text, { ...emptyEntities(), images });
    expect(fill([])).toBe('docker tag myapp:1.0 registry.example.com/team/myapp:1.0');
    expect(fill(['ghcr.io/acme/bot'])).toBe('docker tag ghcr.io/acme/bot:latest registry.example.com/team/bot:latest');
    expect(fill(['localhost:5000/shop:2.3'])).toBe('docker tag localhost:5000/shop:2.3 registry.example.com/team/shop:2.3');
    expect(fill(['app@sha256:' + 'a'.repeat(64)])).toBe(fill([]));
  });
});

describe('choices: More, a unit, and the article by reference', () => {
  it('More gives the full article; a unit reference gives that unit', async () => {
    const c = chat();
    const first = await c.say('will docker system prune -a delete my volumes?');
    const article = await c.pick(first.more?.intent ?? '');
    expect(article.unit).toBeUndefined();
    expect(article.title).toBe('Where data lives and what survives');
    const unit = await c.pick('concept.persistence/backup_volume');
    expect(unit).toMatchObject({ unit: 'concept.persistence/backup_volume', title: 'How do I back up a volume?' });
  });

  it('an unknown unit under a known intent falls back to the article', async () => {
    const a = await chat().pick('concept.persistence/no_such_unit');
    expect(a).toMatchObject({ intent: 'concept.persistence', title: 'Where data lives and what survives' });
    expect(a.unit).toBeUndefined();
  });
});

describe('follow-ups', () => {
  it('get the unit they ask for under the same topic', async () => {
    const c = chat();
    await c.say('will docker system prune -a delete my volumes?');
    const next = await c.say('and what about compose down?');
    expect(next.unit).toBe('concept.persistence/compose_down_v');
  });

  it('never repeat the unit just shown: the next-best unit, or a line saying it was covered', async () => {
    const c = chat();
    const first = await c.say('does docker rm delete the volume too');
    expect(first.unit).toBe('concept.persistence/rm_keeps_volumes');
    const again = await c.say('and the volume, is it deleted with docker rm?');
    expect(again.unit).not.toBe(first.unit);
    expect(blocksToPlainText(again.blocks)).not.toBe(blocksToPlainText(first.blocks));
  });

  it('never repeat the article just shown', async () => {
    const c = chat();
    const first = await c.say('explain where data lives and what survives');
    const again = await c.say('and what survives?');
    expect(blocksToPlainText(again.blocks)).not.toBe(blocksToPlainText(first.blocks));
    expect(words(again)).toBeLessThan(60);
  });

  it('naming new specifics is not a repeat: the unit answers again with them filled in', async () => {
    const c = chat();
    await c.say('how do I roll back to the previous version after a bad deploy?');
    const again = await c.say('roll back to myapp:1.4');
    expect(again.unit).toBe('mistake.latest_tag/rollback');
    expect(again.blocks.at(-1)).toMatchObject({ code: 'docker run -d --name <container> myapp:1.4' });
  });

  it.each(['ok', 'thanks', 'got it', 'ok thanks!', 'cool, got it'])(
    '"%s" gets a short acknowledgement, not the last answer',
    async (ack) => {
      const c = chat();
      const first = await c.say('will docker system prune -a delete my volumes?');
      const a = await c.say(ack);
      expect(a.intent).not.toBe(first.intent);
      expect(a.unit).toBeUndefined();
      expect(words(a)).toBeLessThan(30);
      // …and the topic is still there for the next follow-up.
      expect((await c.say('and compose down -v?')).unit).toBe('concept.persistence/compose_down_v');
    },
  );
});
