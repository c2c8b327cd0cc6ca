// Intent behaviour as data: every action has a handler, every area a help heading, every
// shortcut an intent; the explicit commands (why/ps/images/help) reach the host through the core
// without the classifier; the host-access hint is the adapter's words.
import { describe, expect, it } from 'vitest';
import { ACTION_HANDLERS } from '../../src/core/dispatch.ts';
import { ACTIONS, AREA_TABLE, AREAS, SHORTCUT_ACTION, SHORTCUTS } from '../../src/core/intent-kinds.ts';
import { blocksToPlainText } from '../../src/core/markdown.ts';
import type { HandledRecord } from '../../src/core/ports.ts';
import type { Command, Question } from '../../src/core/types.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { discordHost as fakeHost } from '../adapters/discord/fake-host.ts';
import { INTENTS_DIR } from '../helpers/bot.ts';
import { hostBot } from '../helpers/host-bot.ts';

const q = (command: Command, over: Partial<Question> = {}): Question => ({
  text: command.kind,
  platform: 'test',
  conversation: 'dispatch',
  hostAllowed: true,
  command,
  ...over,
});

describe('the tables', () => {
  it('every action has a handler', () => {
    const missing = ACTIONS.filter((a) => typeof (ACTION_HANDLERS as Partial<typeof ACTION_HANDLERS>)[a] !== 'function');
    expect(missing).toEqual([]);
  });

  it('every area has a help heading (null only for areas that are not topics)', () => {
    for (const area of AREAS) {
      const info = (AREA_TABLE as Partial<typeof AREA_TABLE>)[area];
      expect(info, `area ${area} has no entry in AREA_TABLE`).toBeDefined();
      if (info?.topic) expect(info.heading, `topic area ${area} has no help heading`).toMatch(/\S/);
    }
  });

  it('the knowledge base names one intent per shortcut, with the fitting action', () => {
    const kb = loadKnowledge(INTENTS_DIR);
    const owners = SHORTCUTS.map((s) => kb.intents.filter((i) => i.shortcut === s).map((i) => [i.id, i.action === SHORTCUT_ACTION[s]]));
    expect(owners).toEqual([
      [['diagnose.missing_container', true]],
      [['host.list_containers', true]],
      [['host.list_images', true]],
      [['meta.help', true]],
    ]);
  });
});

describe('explicit commands go through the core without the classifier', () => {
  it('why, ps, images and help answer from their intents; the classifier is never asked', async () => {
    const host = fakeHost({ names: ['web', 'db'] });
    const handled: HandledRecord[] = [];
    const bot = hostBot(host, { onHandled: (r) => handled.push(r) });
    const why = await bot.handle(q({ kind: 'why', name: 'web', port: 8080 }, { text: 'why web 8080' }));
    const ps = await bot.handle(q({ kind: 'ps', all: true }));
    const images = await bot.handle(q({ kind: 'images' }));
    const help = await bot.handle(q({ kind: 'help' }));
    expect([why, ps, images, help].map((a) => [a?.intent, a?.kind])).toEqual([
      ['diagnose.missing_container', 'diagnosis'],
      ['host.list_containers', 'listing'],
      ['host.list_images', 'listing'],
      ['meta.help', 'help'],
    ]);
    expect(host.calls).toEqual(['diagnose web 8080', 'listContainers --all', 'listImages']);
    expect(why?.data).toMatchObject({ kind: 'diagnosis', diagnosis: { subject: 'web' } });
    expect(ps?.data).toMatchObject({ kind: 'containers', all: true });
    expect(images?.data?.kind).toBe('images');
    expect(bot.classifyCalls()).toBe(0);
    // The same metrics as chat: one record per command.
    expect(handled.map((h) => [h.intent, h.hostUsed])).toEqual([
      ['diagnose.missing_container', true],
      ['host.list_containers', true],
      ['host.list_images', true],
      ['meta.help', false],
    ]);
  });

  it("a follow-up click dispatches on the intent file's action (host intents go to the host)", async () => {
    const host = fakeHost({ names: ['web'] });
    const bot = hostBot(host);
    const a = await bot.handle(q({ kind: 'followup', intent: 'host.list_images' }));
    expect(a?.kind).toBe('listing');
    const article = await bot.handle(q({ kind: 'followup', intent: 'diagnose.daemon_unreachable' }));
    expect(article?.kind).toBe('knowledge');
    expect(host.calls).toEqual(['listImages']);
    expect(bot.classifyCalls()).toBe(0);
  });

  it('the host deadline holds for commands too: a hung engine gets the article and an error finding', async () => {
    const host = fakeHost({ delayMs: 2_000 });
    const bot = hostBot(host, { hostDeadlineMs: 30 });
    const a = await bot.handle(q({ kind: 'ps', all: false }));
    expect(a?.kind).toBe('knowledge');
    expect(a?.notices.join(' ')).toMatch(/did not answer within/);
    expect(a?.data).toMatchObject({ kind: 'error', finding: { code: 'daemon_unreachable', evidence: { reason: 'timeout' } } });
  });
});

describe('why NAME is bounded before the host', () => {
  it.each([
    ['a name past the cap', 'a'.repeat(257)],
    ['a sentence', 'my web app'],
    ['control characters', 'web\u0000\u0001'],
  ])('%s gets a kind answer and never reaches the host', async (_what, name) => {
    const host = fakeHost();
    const bot = hostBot(host);
    const a = await bot.handle(q({ kind: 'why', name }, { text: `why ${name}` }));
    expect(a?.kind).toBe('input_problem');
    expect(blocksToPlainText(a!.blocks)).toMatch(/does not look like a container or image name/);
    expect(host.calls).toEqual([]);
  });

  it('a long image reference is still a name', async () => {
    const host = fakeHost();
    const name = `registry.example.com/${'team/'.repeat(40)}app:1.0`;
    await hostBot(host).handle(q({ kind: 'why', name }));
    expect(host.calls).toEqual([`diagnose ${name}`]);
  });
});

describe("host access is the adapter's decision, in the adapter's words", () => {
  it('the notice carries the hint the adapter put on the question', async () => {
    const host = fakeHost();
    const bot = hostBot(host);
    const a = await bot.handle(
      q({ kind: 'ps', all: false }, { hostAllowed: false, hostAccessHint: 'ask in #ops for the `HOSTY` setting' }),
    );
    expect(a?.notices.join(' ')).toContain('ask in #ops for the `HOSTY` setting');
    expect(host.calls).toEqual([]);
  });

  it('without a hint the notice names no platform setting', async () => {
    const a = await hostBot(fakeHost()).handle(q({ kind: 'images' }, { hostAllowed: false }));
    expect(a?.notices.join(' ')).toMatch(/not enabled for you here/);
    expect(a?.notices.join(' ')).not.toMatch(/SLACK_|DISCORD_/);
  });
});

describe('suggest (autocomplete) takes the same road', () => {
  it('names when allowed; nothing without access, without a host, or past the deadline', async () => {
    const host = fakeHost({ names: ['web', 'worker', 'db'] });
    const ask = (over: Partial<Question> = {}): Question => ({ ...q({ kind: 'ask' }), text: 'w', ...over });
    expect(await hostBot(host).suggest(ask(), 5)).toEqual(['web', 'worker']);
    expect(await hostBot(host).suggest(ask({ hostAllowed: false }), 5)).toEqual([]);
    expect(host.calls).toEqual(['suggestNames w 5']);
    expect(await hostBot().suggest(ask(), 5)).toEqual([]);
    const slow = fakeHost({ suggestDelayMs: 2_000 });
    expect(await hostBot(slow, { hostDeadlineMs: 30 }).suggest(ask(), 5)).toEqual([]);
  });
});
