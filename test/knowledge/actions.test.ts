// Intent behaviour is data: a misconfigured intent file stops start-up naming the file and the
// field, and adding an intent with an existing action is one YAML file — copied next to the real
// ones, it is classified, answered through its action and listed in help.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBot } from '../../src/core/bot.ts';
import { blocksToPlainText } from '../../src/core/markdown.ts';
import { KnowledgeError, loadKnowledge } from '../../src/knowledge/load.ts';
import { createNlu } from '../../src/nlu/index.ts';
import { discordHost as fakeHost } from '../adapters/discord/fake-host.ts';
import { INTENTS_DIR } from '../helpers/bot.ts';
import { untrainedNlu } from '../helpers/host-bot.ts';

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

/** A copy of the real intents/ folder to change. */
function copyOfIntents(): string {
  const root = mkdtempSync(join(tmpdir(), 'coach-intents-'));
  roots.push(root);
  const dir = join(root, 'intents');
  cpSync(INTENTS_DIR, dir, { recursive: true });
  return dir;
}

/** Rewrites one line (`from`, exactly) of an intent file. */
function edit(dir: string, id: string, from: string, to: string): void {
  const file = join(dir, `${id}.yaml`);
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(`\n${from}\n`);
  writeFileSync(file, text.replace(`\n${from}\n`, `\n${to}\n`));
}

function loadError(dir: string): KnowledgeError {
  try {
    loadKnowledge(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(KnowledgeError);
    return err as KnowledgeError;
  }
  throw new Error('expected loadKnowledge to fail');
}

describe('a misconfigured intent file fails start-up with a clear message', () => {
  it.each([
    [
      'an unknown action',
      'concept.image',
      'action: article',
      'action: artcle',
      'intents/concept.image.yaml: action: "artcle" is not allowed; must be one of: article, help, diagnose, list_containers, list_images',
    ],
    [
      'an unknown area',
      'command.ps',
      'area: command',
      'area: commands',
      'intents/command.ps.yaml: area: "commands" is not allowed; must be one of: concept, mistake, command, diagnose, host, meta',
    ],
    [
      'a missing action',
      'meta.thanks',
      'action: article',
      '',
      'intents/meta.thanks.yaml: action: is required; must be one of: article, help, diagnose, list_containers, list_images',
    ],
    [
      'an unknown shortcut',
      'host.list_images',
      'shortcut: images',
      'shortcut: image',
      'intents/host.list_images.yaml: shortcut: "image" is not allowed; must be one of: why, ps, images, help',
    ],
    [
      'a shortcut whose action does not fit',
      'host.list_images',
      'action: list_images',
      'action: article',
      'intents/host.list_images.yaml: shortcut: `images` needs action `list_images` (this intent has `article`)',
    ],
    [
      'a swap that does not swap back',
      'command.images',
      'swap: { containers: command.ps }',
      'swap: { containers: command.stop_rm }',
      'intents/command.images.yaml: swap.containers: "command.stop_rm" does not swap back: add `swap: { images: command.images }` to it',
    ],
    [
      'a swap to an unknown intent',
      'concept.image',
      'swap: { containers: concept.container }',
      'swap: { containers: concept.containr }',
      'intents/concept.image.yaml: swap.containers: unknown intent id "concept.containr"',
    ],
    [
      'a swap over an unknown object',
      'concept.image',
      'swap: { containers: concept.container }',
      'swap: { volumes: concept.persistence }',
      'intents/concept.image.yaml: swap.volumes: unknown field',
    ],
  ])('%s', (_what, id, from, to, message) => {
    const dir = copyOfIntents();
    edit(dir, id, from, to);
    expect(loadError(dir).message).toContain(message);
  });

  it('a second intent claiming a shortcut is reported', () => {
    const dir = copyOfIntents();
    edit(dir, 'diagnose.exited', 'area: diagnose', 'area: diagnose\nshortcut: why');
    expect(loadError(dir).message).toMatch(
      /intents\/diagnose\.(exited|missing_container)\.yaml: shortcut: `why` is already the shortcut of intents\/diagnose\.(exited|missing_container)\.yaml/,
    );
  });
});

const NEW_INTENT = `id: concept.healthcheck
title: What a HEALTHCHECK is
action: article
area: concept
examples:
${[
  'what is a healthcheck',
  'what does HEALTHCHECK do in a Dockerfile',
  'how does the docker healthcheck work',
  'healthcheck instruction explained',
  'what is HEALTHCHECK CMD',
  'how do I add a healthcheck to my image',
  'what does the healthcheck interval mean',
  'healthcheck retries and timeout',
  'how to write a healthcheck for a web app',
  'what does health starting mean',
  'docker healthcheck curl example',
  'is HEALTHCHECK needed',
  'how often does a healthcheck run',
  'what is the healthcheck start period',
  'healthcheck in compose vs Dockerfile',
  'can a healthcheck restart my container',
  'HEALTHCHECK NONE what does it do',
  'how do I see the healthcheck result',
  'explain the healthcheck exit codes',
  'why use a healthcheck at all',
]
  .map((e) => `  - ${e}`)
  .join('\n')}
answer: |
  A HEALTHCHECK tells Docker how to test that the app inside a container still works.
followups: [concept.container]
commands:
  - docker inspect --format '{{json .State.Health}}' web
`;

describe('adding an intent with an existing action is one YAML file', () => {
  it('is loaded, classified, answered as an article and listed in help under its area', async () => {
    const dir = copyOfIntents();
    writeFileSync(join(dir, 'concept.healthcheck.yaml'), NEW_INTENT);
    const kb = loadKnowledge(dir);
    const bot = createBot({ knowledge: kb, nlu: createNlu(kb) });
    const asked = await bot.handle({
      text: 'what does a HEALTHCHECK instruction do in a Dockerfile?',
      platform: 'test',
      conversation: 'new',
      hostAllowed: false,
    });
    expect([asked?.intent, asked?.kind]).toEqual(['concept.healthcheck', 'knowledge']);
    const help = await bot.handle({ text: 'help', platform: 'test', conversation: 'new', hostAllowed: false, command: { kind: 'help' } });
    const blocks = help!.blocks;
    const heading = blocks.findIndex((b) => b.type === 'text' && b.text === `**Images and containers**`);
    const list = blocks[heading + 1];
    expect(list?.type === 'list' ? list.items : []).toContain('What a HEALTHCHECK is');
    expect(blocksToPlainText(blocks)).toContain('What a HEALTHCHECK is');
  });

  it('a new intent with a host action is answered by the host, not as text', async () => {
    const dir = copyOfIntents();
    const text = readFileSync(join(dir, 'host.list_images.yaml'), 'utf8')
      .replace('id: host.list_images', 'id: host.list_images_again')
      .replace(/\nshortcut: images\n/, '\n')
      .replace(/\nswap: .*\n/, '\n');
    writeFileSync(join(dir, 'host.list_images_again.yaml'), text);
    const kb = loadKnowledge(dir);
    const host = fakeHost({ names: ['web'] });
    // A click on the intent (no classifier): the action alone decides where the answer comes from.
    const bot = createBot({ knowledge: kb, nlu: untrainedNlu(), host });
    const a = await bot.handle({
      text: 'x',
      platform: 'test',
      conversation: 'again',
      hostAllowed: true,
      command: { kind: 'followup', intent: 'host.list_images_again' },
    });
    expect([a?.intent, a?.kind, a?.hostUsed]).toEqual(['host.list_images_again', 'listing', true]);
    expect(host.calls).toEqual(['listImages']);
  });
});
