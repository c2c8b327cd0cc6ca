// Discord's message limits hold for any Answer, however big or hostile.
import { describe, expect, it } from 'vitest';
import { LIMITS, messageText, renderAnswer, type DiscordMessage } from '../../../src/adapters/discord/render.ts';
import { decodeButton } from '../../../src/adapters/discord/custom-id.ts';
import { baseAnswer, knowledgeAnswer } from '../../../src/core/answers.ts';
import { emptyEntities, type Answer, type Finding } from '../../../src/core/types.ts';
import { realParts } from '../../helpers/bot.ts';

const CONV = 'discord:300000000000000001:500000000000000001';

function embedChars(m: DiscordMessage): number {
  return m.embeds.reduce(
    (n, e) =>
      n +
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      (e.author?.name.length ?? 0) +
      (e.fields ?? []).reduce((k, f) => k + f.name.length + f.value.length, 0),
    0,
  );
}

function expectWithinLimits(m: DiscordMessage): void {
  expect(m.allowed_mentions).toEqual({ parse: [] });
  expect((m.content ?? '').length).toBeLessThanOrEqual(LIMITS.content);
  expect(m.embeds.length).toBeGreaterThan(0);
  expect(m.embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
  expect(embedChars(m)).toBeLessThanOrEqual(LIMITS.embedTotal);
  for (const e of m.embeds) {
    expect((e.title ?? '').length).toBeLessThanOrEqual(LIMITS.title);
    expect((e.description ?? '').length).toBeLessThanOrEqual(LIMITS.description);
    expect((e.fields ?? []).length).toBeLessThanOrEqual(LIMITS.fields);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(f.value.length).toBeGreaterThan(0);
      expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
    // Code fences stay balanced, so a cut never swallows the rest of the message.
    expect(((e.description ?? '').match(/```/g) ?? []).length % 2).toBe(0);
  }
  expect(m.components.length).toBeLessThanOrEqual(LIMITS.rows);
  for (const row of m.components) {
    expect(row.components.length).toBeGreaterThan(0);
    expect(row.components.length).toBeLessThanOrEqual(LIMITS.buttonsPerRow);
    for (const b of row.components) {
      expect('label' in b && b.label ? b.label.length : 0).toBeLessThanOrEqual(LIMITS.label);
      const id = 'custom_id' in b ? b.custom_id : '';
      expect(id.length).toBeLessThanOrEqual(100);
      expect(decodeButton(id)).not.toBeNull();
    }
  }
  expect(new Set(m.components.flatMap((r) => r.components.map((b) => ('custom_id' in b ? b.custom_id : '')))).size).toBe(
    m.components.flatMap((r) => r.components).length,
  );
}

function answer(p: Partial<Answer>): Answer {
  return baseAnswer({ kind: 'knowledge', intent: 'concept.image', confidence: 0.9, title: 'Title', ...p });
}

function finding(i: number, size: number): Finding {
  return {
    code: 'exited',
    severity: i % 3 === 0 ? 'error' : 'warning',
    subject: `@everyone-${'n'.repeat(size)}`,
    evidence: { state: 'exited', image: `<@&123>${'i'.repeat(size)}`, exitCode: 137 },
    summary: 'S'.repeat(size * 3),
    fix: Array.from({ length: 5 }, (_, k) => `docker start web-${k} ${'f'.repeat(size)}`),
  };
}

// Deterministic pseudo-random sizes.
function* sizes(seed: number, n: number): Generator<number> {
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    yield x;
  }
}

describe('render: Discord limits', () => {
  it('caps a huge, hostile answer and says how much was left out', () => {
    const a = answer({
      kind: 'diagnosis',
      title: `@everyone ${'T'.repeat(1000)}`,
      blocks: [
        { type: 'text', text: 'x'.repeat(9000) },
        { type: 'code', code: Array.from({ length: 2000 }, (_, i) => `line ${i}`).join('\n') },
        { type: 'table', header: ['NAME', 'IMAGE'], rows: Array.from({ length: 500 }, (_, i) => [`@here-${i}`, 'img']), more: 10 },
        ...Array.from({ length: 40 }, (_, i) => ({ type: 'list' as const, items: [`item ${i} ${'y'.repeat(500)}`] })),
      ],
      findings: Array.from({ length: 40 }, (_, i) => finding(i, 400)),
      commands: Array.from({ length: 30 }, (_, i) => `docker run ${'c'.repeat(200)} ${i}`),
      followups: Array.from({ length: 30 }, (_, i) => ({ intent: `concept.f${i}`, label: `Follow-up ${i} ${'L'.repeat(200)}` })),
      suggestions: Array.from({ length: 10 }, (_, i) => ({ intent: `mistake.s${i}`, label: `S${i}` })),
      notices: Array.from({ length: 20 }, (_, i) => `notice ${i} ${'n'.repeat(300)}`),
    });
    const m = renderAnswer(a, { conversation: CONV });
    expectWithinLimits(m);
    const text = messageText(m);
    expect(text).toMatch(/…and \d+ more/);
    expect(text).not.toMatch(/@everyone|@here|<@&123>/);
  });

  it('holds for many random answer shapes', () => {
    const r = sizes(42, 2000);
    const next = (max: number) => (r.next().value as number) % max;
    for (let n = 0; n < 150; n++) {
      const a = answer({
        kind: (['knowledge', 'diagnosis', 'listing', 'explain', 'none'] as const)[next(5)]!,
        title: 't'.repeat(next(400)),
        blocks: Array.from({ length: next(12) }, () =>
          next(3) === 0
            ? { type: 'code' as const, code: 'c\n'.repeat(next(3000)) }
            : next(2) === 0
              ? {
                  type: 'table' as const,
                  header: ['A', 'B', 'C'],
                  rows: Array.from({ length: next(60) }, () => ['a'.repeat(next(60)), 'b', 'c']),
                }
              : { type: 'text' as const, text: 'w '.repeat(next(3000)) },
        ),
        findings: Array.from({ length: next(30) }, (_, i) => finding(i, next(600))),
        commands: Array.from({ length: next(10) }, () => 'docker ps '.repeat(next(40))),
        followups: Array.from({ length: next(25) }, (_, i) => ({ intent: `x.y${i}`, label: 'l'.repeat(1 + next(120)) })),
        notices: Array.from({ length: next(4) }, () => 'n'.repeat(next(800))),
      });
      expectWithinLimits(renderAnswer(a, { conversation: CONV, ephemeral: next(2) === 0 }));
    }
  });

  it('renders every intent of the knowledge base within limits', () => {
    const { kb } = realParts();
    for (const intent of kb.intents) {
      const m = renderAnswer(knowledgeAnswer(kb, intent, 0.8, emptyEntities()), { conversation: CONV });
      expectWithinLimits(m);
      expect(m.embeds[0]!.title).toBe(intent.title);
    }
  });

  it('escapes engine names: markdown and mentions in findings never format or ping', () => {
    const m = renderAnswer(answer({ kind: 'diagnosis', findings: [{ ...finding(0, 1), subject: '__bold__ <@123> @here' }] }), {
      conversation: CONV,
    });
    const name = m.embeds[0]!.fields![0]!.name;
    expect(name).toContain('\\_\\_bold\\_\\_');
    expect(name).not.toMatch(/<@123>|@here/);
  });

  it('leaves out a button whose custom id would not fit, never sends one that is too long', () => {
    const m = renderAnswer(
      answer({
        followups: [
          { intent: `concept.${'z'.repeat(120)}`, label: 'Too long' },
          { intent: 'concept.ok', label: 'Fine' },
        ],
      }),
      { conversation: CONV },
    );
    const labels = m.components.flatMap((r) => r.components.map((b) => ('label' in b ? b.label : '')));
    expect(labels).toContain('Fine');
    expect(labels).not.toContain('Too long');
  });

  it('errors get no feedback buttons; ephemeral sets the flag', () => {
    const m = renderAnswer(answer({ kind: 'error' }), { conversation: CONV, ephemeral: true });
    expect(m.components).toEqual([]);
    expect(m.flags).toBe(64);
  });
});
