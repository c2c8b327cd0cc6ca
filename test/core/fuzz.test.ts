// Pushes ≥ 10,000 random and hostile inputs through bot.handle: nothing throws, every answer
// stays within a size cap, and it says how many it ran.
import { describe, expect, it } from 'vitest';
import type { Answer, Question } from '../../src/core/types.ts';
import { makeTestBot } from '../helpers/bot.ts';
import { mulberry32 } from '../../src/nlu/linear.ts';

/** Deterministic random numbers, so a failure can be replayed from its seed. */
const rng = mulberry32;

const HOSTILE = [
  '',
  ' ',
  '\u0000\u0001\u0002',
  '@everyone what is an image',
  '<!channel> <!here> <@U123> <#C1|general> why is my container missing',
  '**bold** _it_ `code` ```js\nalert(1)\n``` [link](http://example.com)',
  '<script>alert(1)</script>',
  '\u001b[31mred\u001b[0m docker ps',
  '🐳🐳🐳 docker 🐳 image? 👍',
  'docker run -d -p 99999:0 --name "$(rm -rf /)" ../../etc/passwd:latest',
  'docker ' + '-'.repeat(5000),
  '2024-01-01T00:00:00Z ERROR something failed\n'.repeat(400),
  'a'.repeat(100_000),
  'docker run '.repeat(10_000),
  '\uFFFD'.repeat(50) + 'image',
  'Exited (137) 3 seconds ago\nOOMKilled true\n',
  'explain',
  'why',
  'ps -a -a -a',
  '\\u0000 \\n %s %d {{.State}} ${HOME}',
];

const ALPHABET = [
  'a',
  'e',
  'docker',
  ' ',
  'image',
  'container',
  '-',
  ':',
  '8080',
  '137',
  '\n',
  '@',
  '<',
  '>',
  '!',
  '`',
  '*',
  '🐳',
  '\u0000',
  '\u001b',
  'é',
  'ß',
  '中',
  '\uD800',
  'ps',
  'run',
  '--rm',
];

function randomInput(r: () => number): string {
  const kind = Math.floor(r() * 4);
  if (kind === 0) return HOSTILE[Math.floor(r() * HOSTILE.length)]!;
  if (kind === 1) {
    // random bytes decoded as latin1 / utf8
    const n = Math.floor(r() * 300);
    const bytes = Buffer.from(Array.from({ length: n }, () => Math.floor(r() * 256)));
    return r() < 0.5 ? bytes.toString('latin1') : bytes.toString('utf8');
  }
  const n = Math.floor(r() * 40);
  return Array.from({ length: n }, () => ALPHABET[Math.floor(r() * ALPHABET.length)]).join(r() < 0.5 ? ' ' : '');
}

const MAX_ANSWER_CHARS = 20_000;
const size = (a: Answer) => JSON.stringify(a).length;

describe('fuzz: bot.handle never throws and stays bounded', () => {
  it('answers ≥ 10,000 random and hostile inputs', async () => {
    const bot = makeTestBot();
    const r = rng(20261123);
    const commands: Question['command'][] = [undefined, { kind: 'ask' }, { kind: 'explain', line: '' }, { kind: 'why' }, { kind: 'help' }];
    let ran = 0;
    let largest = 0;
    for (let i = 0; i < 10_000; i++) {
      const text = randomInput(r);
      const command = commands[Math.floor(r() * commands.length)];
      const q: Question = {
        text,
        platform: 'test',
        conversation: `fuzz-${i % 17}`,
        hostAllowed: true,
        ...(command ? { command: command.kind === 'explain' ? { kind: 'explain', line: text } : command } : {}),
      };
      const a = await bot.handle(q);
      expect(a, `input #${i}`).not.toBeNull();
      const s = size(a!);
      largest = Math.max(largest, s);
      expect(s, `answer to input #${i} is ${s} chars`).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
      expect(a!.kind).not.toBe('error');
      ran++;
    }
    console.log(`fuzz: ran ${ran} inputs through bot.handle; largest answer ${largest} chars (cap ${MAX_ANSWER_CHARS})`);
    expect(ran).toBe(10_000);
  }, 120_000);

  it('huge input is capped and the answer says so', async () => {
    const bot = makeTestBot({ maxInputChars: 4000 });
    const a = await bot.handle({
      text: `what is a docker image ${'x '.repeat(60_000)}`,
      platform: 'test',
      conversation: 'huge',
      hostAllowed: false,
    });
    expect(a!.notices.join(' ')).toMatch(/read only the first 4,000/);
  });

  it.each([
    ['', 'empty'],
    ['   \n\t ', 'empty'],
    ['\u0000\u0001\u0002\u0003binary\u0000', 'binary'],
  ])('%j gets a kind message', async (text, what) => {
    const bot = makeTestBot();
    const a = await bot.handle({ text, platform: 'test', conversation: 'k', hostAllowed: false });
    expect(a!.kind).toBe('input_problem');
    expect(a!.blocks.map((b) => (b.type === 'text' ? b.text : '')).join(' ')).toMatch(what === 'empty' ? /empty/ : /binary/);
  });

  it('messages from bots (including itself) are not answered', async () => {
    const bot = makeTestBot();
    expect(
      await bot.handle({ text: 'what is an image', platform: 'test', conversation: 'b', hostAllowed: false, fromBot: true }),
    ).toBeNull();
  });
});
