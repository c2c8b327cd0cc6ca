// The terminal chat reads like a chat (issue 13, item 5): text wraps at word boundaries to the
// terminal's width, table cells wrap instead of losing their end, and every choice ("More", "did
// you mean", related) is numbered so typing the number picks it. The real runChat and renderer
// over in-memory streams, with the fixture units (test/fixtures/units/).
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runChat } from '../../src/adapters/cli/chat.ts';
import { renderAnswer } from '../../src/adapters/cli/render.ts';
import { baseAnswer, noneAnswer } from '../../src/core/answers.ts';
import { createBot } from '../../src/core/bot.ts';
import type { BotHandle } from '../../src/core/ports.ts';
import { emptyEntities, type Answer, type Question } from '../../src/core/types.ts';
import { knowledgeBase } from '../helpers/bot.ts';
import { fixtureNlu, intentsWithFixtureUnits } from '../helpers/unit-fixture.ts';

const fixture = intentsWithFixtureUnits();
afterAll(() => {
  fixture.remove();
});
const bot = createBot({ knowledge: fixture.kb, nlu: fixtureNlu(fixture.kb) });

/** Runs a whole chat over `lines`; `columns` is what the terminal says its width is. */
async function chatWith(handle: BotHandle, lines: string[], columns?: number): Promise<string> {
  const input = new PassThrough();
  const output = Object.assign(new PassThrough(), columns ? { columns } : {});
  let text = '';
  output.on('data', (d: Buffer) => (text += d.toString()));
  input.end(lines.map((l) => `${l}\n`).join(''));
  await runChat(handle, { stdin: input, stdout: output, stderr: output });
  return text;
}

const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('wrapping', () => {
  const article = knowledgeBase().get('concept.persistence');
  if (!article) throw new Error('intent missing');

  it.each([40, 60, 100])('at %i columns no line of prose is longer, and no word is split', (width) => {
    const a = baseAnswer({
      kind: 'knowledge',
      title: 'T',
      blocks: [
        { type: 'text', text: article.answer.split('\n')[0] ?? '' },
        { type: 'list', items: ['a fairly long list item that needs more than one line on a narrow terminal, surely'] },
      ],
    });
    const out = renderAnswer(a, undefined, { width });
    for (const line of out.split('\n')) expect(line.length, line).toBeLessThanOrEqual(width);
    const words = (s: string) => s.split(/\s+/).filter(Boolean);
    expect(words(out)).toEqual(
      words(
        `T ${(article.answer.split('\n')[0] ?? '').replace(/`/g, '')} • a fairly long list item that needs more than one line on a narrow terminal, surely`,
      ),
    );
  });

  it('a table cell wraps inside its column instead of losing its end to an ellipsis', () => {
    const a = baseAnswer({
      kind: 'knowledge',
      title: 'Exit codes',
      blocks: [
        {
          type: 'table',
          header: ['Code', 'Usual meaning'],
          rows: [
            [
              '137',
              '128+9, SIGKILL: docker kill, a stop that outlived the grace period, or the kernel killed it for using too much memory (out of memory)',
            ],
          ],
        },
      ],
    });
    const out = renderAnswer(a, undefined, { width: 50 });
    expect(out).not.toContain('…');
    expect(flat(out)).toContain('(out of memory)');
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(50);
    // Without a width (a pipe) the cell is not cut either.
    expect(flat(renderAnswer(a))).toContain('(out of memory)');
  });

  it('a host finding wraps like the rest of the chat, and its raw evidence is left to `coach why`', () => {
    const a = baseAnswer({
      kind: 'diagnosis',
      title: 'On the connected host',
      blocks: [],
      findings: [
        {
          code: 'oom_killed',
          severity: 'error',
          subject: 'worker',
          evidence: { exitCode: 137, oomKilled: true },
          summary:
            'worker was killed by the kernel for using more memory than its limit allows, so it stopped with exit code 137 and lost what it held in memory.',
          fix: [
            'Give it more memory with docker update --memory 1g worker, or find out why the app needs so much before raising the limit.',
          ],
        },
      ],
    });
    const chat = renderAnswer(a, undefined, { width: 50, numbered: true });
    for (const line of chat.split('\n')) expect(line.length, line).toBeLessThanOrEqual(50);
    expect(chat).not.toContain('evidence:');
    expect(flat(chat)).toContain('stopped with exit code 137 and lost what it held in memory.');
    expect(flat(chat)).toContain('→ Give it more memory with docker update --memory 1g worker');
    expect(renderAnswer(a)).toContain('evidence: exitCode=137, oomKilled=true');
  });

  it('the chat wraps to the width the terminal reports, 80 columns when it reports none', async () => {
    const narrow = await chatWith(bot, ['explain where data lives and what survives'], 44);
    const prose = narrow.split('\n').filter((l) => !l.startsWith('    '));
    expect(Math.max(...prose.map((l) => l.length))).toBeLessThanOrEqual(44);
    const wide = await chatWith(bot, ['explain where data lives and what survives']);
    const wideProse = wide.split('\n').filter((l) => !l.startsWith('    '));
    expect(Math.max(...wideProse.map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(Math.max(...wideProse.map((l) => l.length))).toBeGreaterThan(44);
  });
});

describe('numbered choices', () => {
  it('a short answer offers the article as [1]; typing 1 opens it', async () => {
    const out = await chatWith(bot, ['will docker system prune -a delete my volumes?', '1']);
    expect(out).toContain('[1] More: Where data lives and what survives');
    const second = out.slice(out.indexOf('[1] More'));
    expect(second).toContain('docker compose down');
    expect(second.split('\n')).toContain('Where data lives and what survives');
  });

  it('"did you mean" choices are numbered as listed, and typing the number picks that one', async () => {
    const kb = knowledgeBase();
    const asked: Question[] = [];
    const suggesting: BotHandle = {
      handle: (q) => {
        asked.push(q);
        const a: Answer =
          q.command?.kind === 'followup'
            ? baseAnswer({ kind: 'knowledge', title: `picked ${q.command.intent}` })
            : noneAnswer(
                kb,
                [
                  { intent: 'concept.container', confidence: 0.3 },
                  { intent: 'concept.image', confidence: 0.2 },
                ],
                emptyEntities(),
              );
        return Promise.resolve(a);
      },
      feedback: () => undefined,
    };
    const out = await chatWith(suggesting, ['something vague', '2']);
    expect(out).toContain(`1. ${kb.get('concept.container')?.title ?? ''}`);
    expect(out).toContain(`2. ${kb.get('concept.image')?.title ?? ''}`);
    expect(out).toContain('Type [1], [2] to pick one.');
    expect(asked[1]?.command).toEqual({ kind: 'followup', intent: 'concept.image' });
    expect(out).toContain('picked concept.image');
  });
});
