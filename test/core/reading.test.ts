// Reading the whole message: a pasted error is answered as that error, pasted output as
// evidence, and the flags of the person's own command change the answer (issue: "Read the
// whole message"). The bot runs on the real knowledge base, classifier and catalogue.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBot, type Bot } from '../../src/core/bot.ts';
import type { Answer } from '../../src/core/types.ts';
import { diagnosePasted } from '../../src/host/pasted/index.ts';
import { loadErrorCatalogue } from '../../src/knowledge/error-catalogue.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { createNlu } from '../../src/nlu/index.ts';
import { createMessageReader } from '../../src/nlu/reader/index.ts';

let bot: Bot;
beforeAll(() => {
  const kb = loadKnowledge(fileURLToPath(new URL('../../intents', import.meta.url)));
  const errors = loadErrorCatalogue(fileURLToPath(new URL('../../errors', import.meta.url)));
  bot = createBot({
    knowledge: kb,
    nlu: createNlu(kb),
    reader: createMessageReader(errors),
    pasted: { read: (t, r) => diagnosePasted(t, r) },
  });
});

let n = 0;
async function ask(text: string): Promise<Answer> {
  const a = await bot.handle({ text, platform: 'test', conversation: `reading-${++n}`, hostAllowed: false });
  if (!a) throw new Error('no answer');
  return a;
}

const textOf = (a: Answer) =>
  [
    a.title,
    ...a.blocks.map((b) => (b.type === 'text' ? b.text : b.type === 'list' ? b.items.join('\n') : b.type === 'code' ? b.code : '')),
    ...a.findings.map((f) => `${f.summary} ${JSON.stringify(f.evidence)}`),
  ].join('\n');

describe('what was seen, answered right', () => {
  it('"I ran docker run --rm … and docker ps is empty, why?" uses the --rm', async () => {
    const a = await ask('I ran docker run --rm -p 8080:80 myapp and docker ps is empty, why?');
    expect(['diagnose.missing_container', 'mistake.ps_vs_images']).toContain(a.intent);
    expect(textOf(a)).toMatch(/You ran it with `--rm`/);
  });

  it('"… returns an id but docker ps is empty": the prose is never the container\'s command', async () => {
    const a = await ask('docker run --rm -p 8080:80 myapp returns an id but docker ps is empty');
    expect(textOf(a)).not.toMatch(/returns an id but docker ps is empty — the command/);
    expect(textOf(a)).toMatch(/--rm/);
  });

  it('a pasted docker rmi conflict is answered as that error, with its values', async () => {
    const a = await ask(
      'Error response from daemon: conflict: unable to remove repository reference "myapp:1.0" (must force) - container 6a07d6bc134b is using its referenced image 2a79cd003033',
    );
    expect(a.title).toBe('A container still uses this image');
    expect(a.intent).toBe('command.rmi');
    expect(textOf(a)).toMatch(/docker rm 6a07d6bc134b/);
    expect(a.blocks.filter((b) => b.type === 'list').length).toBeLessThanOrEqual(1);
  });

  it('a pasted docker ps -a table is read as evidence, without a host', async () => {
    const a = await ask(
      'why did this die?\n```\nCONTAINER ID   IMAGE          COMMAND            CREATED          STATUS                       PORTS     NAMES\n9b8a7c6d5e4f   acme/job:2     "python job.py"    10 minutes ago   Exited (137) 5 minutes ago             job\n```',
    );
    expect(a.kind).toBe('diagnosis');
    expect(a.intent).toBe('diagnose.exited');
    expect(a.findings.map((f) => f.code)).toEqual(['exited']);
    expect(a.hostUsed).toBe(false);
  });

  it('a port conflict paste names the port', async () => {
    const a = await ask(
      'docker compose up fails:\nError response from daemon: driver failed programming external connectivity on endpoint shop-web-1 (1a2b3c): Bind for 0.0.0.0:8080 failed: port is already allocated',
    );
    expect(a.intent).toBe('diagnose.port_unreachable');
    expect(textOf(a)).toMatch(/`8080`/);
  });

  it('a follow-up after a pasted error stays on its topic', async () => {
    const conversation = 'reading-followup';
    await bot.handle({
      text: 'Error response from daemon: Conflict. The container name "/web" is already in use by container "8e2d0f1c9b7a". You have to remove (or rename) that container to be able to reuse that name.',
      platform: 'test',
      conversation,
      hostAllowed: false,
    });
    const a = await bot.handle({ text: 'and how do I see the stopped ones?', platform: 'test', conversation, hostAllowed: false });
    expect(a?.intent).not.toBe('none');
  });
});
