import { describe, expect, it } from 'vitest';
import { parseCommandText } from '../../src/core/command-text.ts';
import { ConversationStore } from '../../src/core/conversation.ts';
import { checkInput } from '../../src/core/input.ts';
import { blocksToPlainText, markdownToBlocks } from '../../src/core/markdown.ts';
import { emptyEntities } from '../../src/core/types.ts';
import { makeTestBot } from '../helpers/bot.ts';

describe('markdownToBlocks', () => {
  it('reads paragraphs, lists, code blocks and tables', () => {
    const md =
      'First line\ncontinues.\n\n- one\n- two\n  more\n\n```sh\ndocker ps -a\n```\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n1. x\n2. y\n';
    expect(markdownToBlocks(md)).toEqual([
      { type: 'text', text: 'First line continues.' },
      { type: 'list', items: ['one', 'two more'], ordered: false },
      { type: 'code', code: 'docker ps -a', lang: 'sh' },
      { type: 'table', header: ['A', 'B'], rows: [['1', '2']] },
      { type: 'list', items: ['x', 'y'], ordered: true },
    ]);
    expect(blocksToPlainText(markdownToBlocks(md))).toContain('docker ps -a');
  });
});

describe('checkInput', () => {
  it('caps long input and reports its length', () => {
    const r = checkInput('a'.repeat(10_000), 100);
    expect(r).toMatchObject({ ok: true, capped: true, originalLength: 10_000 });
    if (r.ok) expect(r.text.length).toBe(100);
  });
  it('refuses empty and binary input', () => {
    expect(checkInput('', 100)).toMatchObject({ ok: false, reason: 'empty' });
    expect(checkInput(undefined, 100)).toMatchObject({ ok: false, reason: 'empty' });
    expect(checkInput('\u0000abc', 100)).toMatchObject({ ok: false, reason: 'binary' });
  });
  it('keeps ordinary text, emoji and accents', () => {
    expect(checkInput('  Qu’est-ce qu’une image 🐳 ?  ', 100)).toMatchObject({ ok: true, text: 'Qu’est-ce qu’une image 🐳 ?' });
  });
});

describe('parseCommandText', () => {
  it.each([
    ['help', { kind: 'help' }],
    ['ps', { kind: 'ps', all: false }],
    ['ps -a', { kind: 'ps', all: true }],
    ['images', { kind: 'images' }],
    ['why', { kind: 'why' }],
    ['why web', { kind: 'why', name: 'web' }],
    ['why web 8080', { kind: 'why', name: 'web', port: 8080 }],
    ['why web --port 3000', { kind: 'why', name: 'web', port: 3000 }],
    ['why is my container missing', { kind: 'why' }],
    ['explain docker ps -a', { kind: 'explain', line: 'docker ps -a' }],
    ['what is an image', { kind: 'ask' }],
    ['ps shows nothing', { kind: 'ask' }],
  ])('%j', (text, command) => {
    expect(parseCommandText(text).command).toEqual(command);
  });
});

describe('ConversationStore', () => {
  it('forgets a conversation after its time limit', () => {
    let now = 0;
    const s = new ConversationStore(1000, () => now);
    s.set('k', { text: 't', intent: 'command.ps', entities: emptyEntities() });
    now = 999;
    expect(s.get('k')?.intent).toBe('command.ps');
    now = 2001;
    expect(s.get('k')).toBeUndefined();
  });
  it('is bounded', () => {
    const s = new ConversationStore(1000, () => 0, 3);
    for (let i = 0; i < 10; i++) s.set(`k${i}`, { text: '', intent: 'x', entities: emptyEntities() });
    expect(s.size).toBe(3);
  });
});

describe('bot.handle', () => {
  it('a follow-up stays on topic within its conversation only', async () => {
    const bot = makeTestBot();
    const first = await bot.handle({ text: 'what does docker ps show?', platform: 'test', conversation: 'a', hostAllowed: false });
    expect(first!.intent).toBe('command.ps');
    const follow = await bot.handle({ text: 'and what about stopped ones?', platform: 'test', conversation: 'a', hostAllowed: false });
    expect(follow!.intent).toBe('command.ps');
    const elsewhere = await bot.handle({ text: 'and what about stopped ones?', platform: 'test', conversation: 'b', hostAllowed: false });
    expect(elsewhere!.intent).not.toBe('command.ps');
  });

  it('meta.help lists topics built from the intents', async () => {
    const bot = makeTestBot();
    const a = await bot.handle({ text: 'help', platform: 'test', conversation: 'h', hostAllowed: false, command: { kind: 'help' } });
    const text = blocksToPlainText(a!.blocks);
    expect(text).toContain('Common mistakes');
    expect(text).toContain('Commands explained');
  });

  it('diagnose questions without a host answer from the knowledge base with commands to run', async () => {
    const bot = makeTestBot();
    const a = await bot.handle({
      text: 'why is my container missing from docker ps',
      platform: 'test',
      conversation: 'd',
      hostAllowed: true,
    });
    expect(a!.intent).toBe('diagnose.missing_container');
    expect(a!.hostUsed).toBe(false);
    // The short answer's text or its commands say what to run.
    const said = [...a!.blocks.map((b) => (b.type === 'text' ? b.text : b.type === 'code' ? b.code : '')), ...a!.commands].join(' ');
    expect(said).toContain('docker ps -a');
  });

  it('turns an internal failure into a kind message', async () => {
    const bot = makeTestBot({
      nlu: {
        classify: () => {
          throw new Error('boom');
        },
        entities: emptyEntities,
        explain: () => null,
      },
    });
    const a = await bot.handle({ text: 'what is an image', platform: 'test', conversation: 'e', hostAllowed: false });
    expect(a!.kind).toBe('error');
    expect(JSON.stringify(a)).not.toContain('boom');
  });
});
