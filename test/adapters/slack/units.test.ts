// A short answer (one answer unit) on Slack, through the real Bolt against the stand-in: one
// section block plus buttons, "More" first; clicking More posts the full article in the same
// conversation, and a "did you mean" unit button answers that unit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderAnswer } from '../../../src/adapters/slack/render.ts';
import { unitAnswer } from '../../../src/core/answers.ts';
import { createBot } from '../../../src/core/bot.ts';
import { emptyEntities } from '../../../src/core/types.ts';
import { fixtureNlu, intentsWithFixtureUnits, unitAnswerWithFindings } from '../../helpers/unit-fixture.ts';
import { startHarness, type Harness } from './harness.ts';
import { buttons, plainText } from './requests.ts';
import { checkLimits } from './stand-in.ts';

const fixture = intentsWithFixtureUnits();
const bot = createBot({ knowledge: fixture.kb, nlu: fixtureNlu(fixture.kb) });
let h: Harness;
beforeAll(async () => {
  // Trained before the harness starts, so no answer waits on training.
  await bot.handle({ text: 'warm up', platform: 'test', conversation: 'warm-up', hostAllowed: false });
  h = await startHarness({ bot });
});
afterAll(async () => {
  await h.close();
  fixture.remove();
});

const types = (blocks: { type: string }[] | undefined) => (blocks ?? []).map((b) => b.type);

describe('slack: a short answer', () => {
  it('renders as one section and buttons, "More: <article>" first, a suggestion after it', () => {
    const intent = fixture.kb.get('concept.persistence');
    const unit = intent?.units?.[0];
    if (!intent || !unit) throw new Error('fixture unit missing');
    const a = unitAnswer(fixture.kb, intent, unit, 0.9, emptyEntities());
    a.suggestions.push({ intent: 'concept.persistence/backup_volume', label: 'How do I back up a volume?' });
    const m = renderAnswer(a, { conversation: 'slack:C1:U1' });
    expect(types(m.blocks).filter((t) => t === 'section')).toHaveLength(1);
    expect(types(m.blocks).every((t) => t === 'section' || t === 'actions')).toBe(true);
    const labels = m.blocks.flatMap((b) => (b.type === 'actions' ? b.elements.map((e) => (e.type === 'button' ? e.text.text : '')) : []));
    expect(labels.slice(0, 2)).toEqual(['More: Where data lives and what survives', 'How do I back up a volume?']);
    expect(checkLimits({ via: 'response_url', text: m.text, blocks: m.blocks as never, at: 0 })).toBeNull();
  });

  it('a unit put first over a paste keeps what the paste shows: its findings as lines in the one section', () => {
    const a = unitAnswerWithFindings(fixture.kb, 'Container api exited with code 1 <!channel>', 5);
    const m = renderAnswer(a, { conversation: 'slack:C1:U1' });
    expect(types(m.blocks).filter((t) => t === 'section')).toHaveLength(1);
    const text = JSON.stringify(m.blocks);
    expect(text).toContain('Container api exited with code 1');
    expect(text).toContain('…and 2 more.');
    expect(text).not.toContain('<!channel>');
    expect(checkLimits({ via: 'response_url', text: m.text, blocks: m.blocks as never, at: 0 })).toBeNull();
  });

  it('More, clicked in Slack, answers with the full article in the same conversation', async () => {
    const { reply } = await h.slash('will docker system prune -a delete my volumes?');
    expect(types(reply.blocks).filter((t) => t === 'section')).toHaveLength(1);
    expect(plainText(reply)).toContain('--volumes');
    const more = buttons(reply).find((b) => b.text === 'More: Where data lives and what survives');
    if (!more) throw new Error(`no More button in ${JSON.stringify(buttons(reply))}`);
    const { urlId } = await h.click(reply, more);
    const article = await h.nextPost((p) => p.urlId === urlId);
    expect(types(article.blocks)[0]).toBe('header');
    expect(plainText(article)).toContain('Where data lives and what survives');
    expect(h.handled.at(-1)?.command).toEqual({ kind: 'followup', intent: 'concept.persistence' });
  });

  it('a unit button answers that unit', async () => {
    const { reply } = await h.slash('will docker system prune -a delete my volumes?');
    const value = JSON.stringify({ k: h.handled.at(-1)?.conversation, i: 'concept.persistence/backup_volume' });
    const { urlId } = await h.click(reply, { action_id: 'followup_1', value, text: 'How do I back up a volume?' });
    const unit = await h.nextPost((p) => p.urlId === urlId);
    expect(plainText(unit)).toContain('How do I back up a volume?');
    expect(plainText(unit)).toContain('tar czf');
  });
});
