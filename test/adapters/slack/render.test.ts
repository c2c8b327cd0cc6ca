// Block Kit rendering on its own: Slack's limits hold for any Answer, however large, and every
// piece of engine or user text is escaped.
import { describe, expect, it } from 'vitest';
import { baseAnswer } from '../../../src/core/answers.ts';
import type { Answer, Finding } from '../../../src/core/types.ts';
import { fromSlackMarkup, stripLeadingMention, toMrkdwn } from '../../../src/adapters/slack/escape.ts';
import { hostAllowed } from '../../../src/adapters/slack/permissions.ts';
import { LIMITS, renderAnswer, size, splitText } from '../../../src/adapters/slack/render.ts';
import { checkLimits, type Posted } from './stand-in.ts';

const finding = (n: number, long = 0): Finding => ({
  code: 'exited',
  severity: n % 3 === 0 ? 'error' : n % 3 === 1 ? 'warning' : 'info',
  subject: `<!channel>-${n}-${'x'.repeat(long)}`,
  evidence: { state: 'exited', exitCode: 137, log: `<@U0HACKER> ${'y'.repeat(long)}`, empty: null },
  summary: `Container ${n} exited ${'z'.repeat(long)}`,
  fix: [`docker start c${n}`, `docker logs c${n}`],
});

function huge(): Answer {
  return baseAnswer({
    kind: 'diagnosis',
    intent: 'diagnose.exited',
    confidence: 0.87,
    title: `What I found for ${'<!here>'.repeat(60)}`,
    blocks: [
      { type: 'text', text: 'a'.repeat(7000) },
      { type: 'code', code: Array.from({ length: 400 }, (_, i) => `line ${i} <!channel> & more`).join('\n') },
      { type: 'list', items: Array.from({ length: 300 }, (_, i) => `item ${i} **bold** <@U1>`) },
      { type: 'table', header: ['NAME', 'IMAGE'], rows: Array.from({ length: 200 }, (_, i) => [`<!here>${i}`, 'img&co']), more: 50 },
      ...Array.from({ length: 80 }, (_, i) => ({ type: 'text' as const, text: `para ${i}` })),
    ],
    findings: Array.from({ length: 30 }, (_, i) => finding(i, 1500)),
    commands: Array.from({ length: 30 }, (_, i) => `docker run --name <!channel>${i} ${'q'.repeat(100)}`),
    followups: Array.from({ length: 12 }, (_, i) => ({
      intent: `concept.x${i}`,
      label: `A very long follow-up label number ${i} `.repeat(5),
    })),
    notices: Array.from({ length: 15 }, (_, i) => `notice ${i} <!everyone> ${'n'.repeat(300)}`),
  });
}

const asPosted = (m: { text: string; blocks: unknown[] }): Posted => ({
  via: 'response_url',
  text: m.text,
  blocks: m.blocks as Posted['blocks'],
  at: 0,
});

describe('render: Slack limits', () => {
  it('a huge answer stays within every limit and says what was left out', () => {
    const m = renderAnswer(huge(), { conversation: 'slack:C1:U1', shareId: 'id' });
    expect(checkLimits(asPosted(m))).toBeNull();
    expect(m.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
    expect(size(m.blocks) + m.text.length).toBeLessThan(12_000);
    expect(JSON.stringify(m.blocks)).toMatch(/…and \d+ more/);
    const header = m.blocks[0] as { type: string; text: { text: string } };
    expect(header.type).toBe('header');
    expect(header.text.text.length).toBeLessThanOrEqual(150);
    // The buttons survive the cut: follow-ups (at most 5), feedback and share.
    const actions = m.blocks.filter((b) => b.type === 'actions');
    expect(actions).toHaveLength(2);
    expect(m.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
  });

  it('a small answer is one header, its sections, the commands and the buttons', () => {
    const a = baseAnswer({
      kind: 'knowledge',
      intent: 'concept.image',
      confidence: 0.9,
      title: 'What an image is',
      blocks: [{ type: 'text', text: 'An **image** is `read-only`.' }],
      commands: ['docker images'],
    });
    const m = renderAnswer(a, { conversation: 'k' });
    expect(m.blocks.map((b) => b.type)).toEqual(['header', 'section', 'context', 'actions']);
    expect(JSON.stringify(m.blocks[1])).toContain('An *image* is `read-only`.');
    expect(m.text).toBe('What an image is: An image is read-only.');
  });

  it('one section per finding: what, evidence, fix', () => {
    const a = baseAnswer({ kind: 'diagnosis', title: 'What I found for web', findings: [finding(0), finding(1)] });
    const m = renderAnswer(a, { conversation: 'k' });
    const sections = m.blocks.filter((b) => b.type === 'section').map((b) => JSON.stringify(b));
    expect(sections).toHaveLength(2);
    expect(sections[0]).toContain('*Evidence:*');
    expect(sections[0]).toContain('*Fix:*');
    expect(sections[0]).toContain('&lt;@U0HACKER&gt;');
    expect(sections[0]).not.toContain('empty');
  });

  it('error answers carry no feedback buttons', () => {
    const m = renderAnswer(baseAnswer({ kind: 'error', title: 'Oops' }), { conversation: 'k' });
    expect(m.blocks.some((b) => b.type === 'actions')).toBe(false);
  });

  it('splitText never exceeds the limit nor cuts an entity', () => {
    const text = `${'&amp;'.repeat(1000)}\n${'b'.repeat(50)}`;
    for (const c of splitText(text, 3000)) {
      expect(c.length).toBeLessThanOrEqual(3000);
      expect(c).toMatch(/^(&amp;|b|\n)*$/);
    }
  });
});

describe('escape', () => {
  it('escapes and converts markdown-ish to mrkdwn', () => {
    expect(toMrkdwn('**<!here>** & `<@U1>`')).toBe('*&lt;!here&gt;* &amp; `&lt;@U1&gt;`');
  });

  it('reads what a person typed from Slack markup', () => {
    expect(fromSlackMarkup('why &lt;web&gt; <@U123|bob> <#C1|ops> <https://x.io|x.io> <!here> a &amp; b')).toBe(
      'why <web> @bob #ops x.io @here a & b',
    );
    expect(stripLeadingMention('<@UBOT1> why web', 'UBOT1')).toBe('why web');
    expect(stripLeadingMention('<@UOTHER> why web', 'UBOT1')).toBe('<@UOTHER> why web');
  });
});

describe('permissions', () => {
  const policy = { hostChannels: ['C1'], hostUsers: ['U1'] };
  it.each([
    [{ channelId: 'C1', userId: 'U1' }, true],
    [{ channelId: 'C2', userId: 'U1' }, false],
    [{ channelId: 'C1', userId: 'U2' }, false],
    [{ channelId: 'D9', userId: 'U1', isDm: true }, true],
    [{ channelId: 'D9', userId: 'U2', isDm: true }, false],
  ])('%j → %s', (where, allowed) => {
    expect(hostAllowed(policy, where)).toBe(allowed);
  });
  it('`*` allows all; empty lists allow nobody; no host configured allows nobody', () => {
    expect(hostAllowed({ hostChannels: ['*'], hostUsers: ['*'] }, { channelId: 'C9', userId: 'U9' })).toBe(true);
    expect(hostAllowed({ hostChannels: [], hostUsers: [] }, { channelId: 'C9', userId: 'U9' })).toBe(false);
    expect(hostAllowed({ hostChannels: ['*'], hostUsers: ['*'] }, { channelId: 'C9', userId: 'U9' }, false)).toBe(false);
  });
});
