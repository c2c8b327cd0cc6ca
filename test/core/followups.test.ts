// Two-turn conversations written independently of the training data (test/fixtures/
// nlu-followups.jsonl): the second turn only makes sense with the first.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { swappedIntent as swapTo } from '../../src/core/followup.ts';
import { blocksToPlainText } from '../../src/core/markdown.ts';
import { makeTestBot, realParts } from '../helpers/bot.ts';
import { fakeHost } from '../helpers/fake-host.ts';

const rows: { first: string; firstIntent: string; then: string; thenIntent: string }[] = readFileSync(
  new URL('../fixtures/nlu-followups.jsonl', import.meta.url),
  'utf8',
)
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l));

describe('follow-ups', () => {
  it("swaps between the image and container sides of a pair (the intent files' `swap`)", () => {
    const { kb } = realParts();
    const swappedIntent = (previous: string, text: string) => swapTo(kb.get(previous), text);
    expect(swappedIntent('command.ps', 'what about for images?')).toBe('command.images');
    expect(swappedIntent('command.rmi', 'and containers?')).toBe('command.stop_rm');
    expect(swappedIntent('command.ps', 'and stopped containers?')).toBeUndefined();
    expect(swappedIntent('concept.layers', 'and images?')).toBeUndefined();
  });

  // Listing containers or images: the command's topic and the "show me on the host" topic give the
  // same commands when no host is connected, so either answers the follow-up.
  const LISTING: Record<string, string> = { 'host.list_containers': 'command.ps', 'host.list_images': 'command.images' };
  const sameTopic = (got: string, want: string) => got === want || LISTING[got] === want;

  it('a short follow-up that both alone and with the previous turn asks something new moves on', async () => {
    const bot = makeTestBot();
    await bot.handle({ text: 'what is a docker image', platform: 'test', conversation: 'fu-new', hostAllowed: false });
    const a = await bot.handle({ text: 'and how do I delete one?', platform: 'test', conversation: 'fu-new', hostAllowed: false });
    expect(a!.intent).toBe('command.rmi');
  });

  it('with a host connected, a diagnose follow-up that asks the same thing again is not answered twice', async () => {
    const bot = makeTestBot({ host: fakeHost() });
    const said = (text: string) => bot.handle({ text, platform: 'test', conversation: 'fu-host', hostAllowed: true });
    const first = await said(
      'my app runs on port 3000 in the container but localhost:3000 says connection refused, log says listening on 127.0.0.1',
    );
    expect(first!.unit).toBe('diagnose.port_unreachable/bind_all_interfaces');
    const again = await said('it says listening on 127.0.0.1');
    expect(again!.unit).not.toBe(first!.unit);
    expect(blocksToPlainText(again!.blocks)).not.toBe(blocksToPlainText(first!.blocks));
  });

  it('a short follow-up sure of another topic that no unit of the last one fits moves there (not a stray unit of the last topic)', async () => {
    const bot = makeTestBot();
    const said = (text: string) => bot.handle({ text, platform: 'test', conversation: 'fu-moved', hostAllowed: false });
    expect((await said('what is the difference between an image and a container'))!.intent).toBe('concept.difference');
    const a = await said('and how do I delete one?');
    expect(a!.intent).not.toBe('concept.difference');
    expect(blocksToPlainText(a!.blocks)).toMatch(/docker (rmi|rm|image rm)\b/);
  });

  it('resolves elliptical second turns from the context (at most one miss)', async () => {
    const bot = makeTestBot();
    const misses: string[] = [];
    for (const [n, r] of rows.entries()) {
      const conversation = `fu-${n}`;
      await bot.handle({ text: r.first, platform: 'test', conversation, hostAllowed: false });
      const a = await bot.handle({ text: r.then, platform: 'test', conversation, hostAllowed: false });
      if (!sameTopic(a!.intent, r.thenIntent)) misses.push(`"${r.first}" → "${r.then}": got ${a!.intent}, want ${r.thenIntent}`);
    }
    console.log(
      `follow-ups: ${rows.length - misses.length}/${rows.length} resolved${misses.length ? `; misses:\n  ${misses.join('\n  ')}` : ''}`,
    );
    // One miss allowed: the first turn itself is classified by a statistical model.
    expect(misses.length).toBeLessThanOrEqual(1);
  });
});

describe('follow-ups do not capture unrelated questions', () => {
  it('an out-of-scope question after an answer is still out of scope', async () => {
    const bot = makeTestBot();
    await bot.handle({ text: 'what is a docker image', platform: 'test', conversation: 'oos', hostAllowed: false });
    const a = await bot.handle({ text: 'what is the capital of France', platform: 'test', conversation: 'oos', hostAllowed: false });
    expect(a!.intent).toBe('none');
  });
});
