// A container or image name comes from a docker command's arguments, quotes or backticks, a
// shape real names have, or `--name` — never from an ordinary English word in a sentence.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readyNlu } from '../helpers/bot.ts';
import { createBot, type Bot } from '../../src/core/bot.ts';
import { diagnosePasted } from '../../src/host/pasted/index.ts';
import { loadErrorCatalogue } from '../../src/knowledge/error-catalogue.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { COMMON_WORDS } from '../../src/nlu/common-words.ts';
import { extractEntities } from '../../src/nlu/entities.ts';
import { createMessageReader } from '../../src/nlu/reader/index.ts';
import { containerNamed, fakeHost, type FakeHost } from '../helpers/fake-host.ts';

const PHRASINGS = [
  'where did my container go?',
  'my container died',
  'the container stopped again',
  'container keeps restarting',
  'why did the container exit',
  'my container just vanished',
  'container disappeared after reboot',
  'where is my container',
  'my app container is gone',
  'the container went away',
  'container crashed overnight',
  'what happened to my container',
  "container won't start",
  'the container is broken',
  'my container is dead',
  'container still running?',
  'the container never came up',
  'container exits right away',
  'container up but the app is down',
  'container works locally but not on the server',
  'the image is there but the container is not',
  'my image disappeared',
  'the image got deleted',
  'container called something, I forget',
  'a container named after the project',
];

// Ordinary words after "container", the way people write them: none is a name.
const WORDS = [...COMMON_WORDS].filter((w) => /^[a-z]{2,}$/.test(w)).slice(0, 400);

describe('names you can trust', () => {
  it(`has at least 200 ordinary words to check`, () => {
    expect(WORDS.length).toBeGreaterThanOrEqual(200);
  });

  it.each(PHRASINGS)('no name in "%s"', (q) => {
    expect(extractEntities(q).names).toEqual([]);
  });

  it('no ordinary word is a name after "container", "my container", "the containers"', () => {
    const named = WORDS.flatMap((w) =>
      [`container ${w}`, `my container ${w} again`, `the containers ${w}?`, `is the container ${w}`].filter(
        (q) => extractEntities(q).names.length > 0,
      ),
    );
    expect(named).toEqual([]);
  });

  it('still reads real names: arguments, quotes, backticks, --name, real shapes', () => {
    expect(extractEntities('docker logs web shows nothing').names).toEqual(['web']);
    expect(extractEntities('my container `go` exited').names).toEqual(['go']);
    expect(extractEntities('docker run --name api -d acme/api:2').names).toEqual(['api']);
    expect(extractEntities('why is my-api not running').names).toEqual(['my-api']);
    expect(extractEntities('web_1 keeps restarting').names).toEqual(['web_1']);
    expect(extractEntities('container nginx1 keeps restarting').names).toEqual(['nginx1']);
    expect(extractEntities('where is my worker service??').names).toEqual(['worker']);
    expect(extractEntities('the api container keeps restarting').names).toEqual(['api']);
  });

  it('"my <word> service": an ordinary word there is still no name', () => {
    const named = WORDS.filter((w) => extractEntities(`where is my ${w} service?`).names.length > 0);
    expect(named).toEqual([]);
  });
});

describe('no host lookup is ever made for an ordinary word (the fake host records every call)', () => {
  let bot: Bot;
  let host: FakeHost;
  beforeAll(() => {
    const kb = loadKnowledge(fileURLToPath(new URL('../../intents', import.meta.url)));
    host = fakeHost({ containers: [containerNamed('web', 1), containerNamed('go-api', 2)] });
    bot = createBot({
      knowledge: kb,
      nlu: readyNlu(kb),
      host,
      reader: createMessageReader(loadErrorCatalogue(fileURLToPath(new URL('../../errors', import.meta.url)))),
      pasted: { read: (t, r) => diagnosePasted(t, r) },
    });
  });

  it('asks the host about every ordinary word in the places people put a name, and never names one', async () => {
    const templates = [
      (w: string) => `where did my container ${w}?`,
      (w: string) => `why did the container ${w}`,
      (w: string) => `container ${w} keeps restarting`,
      (w: string) => `my container ${w} again, why is it missing`,
    ];
    let n = 0;
    for (const w of WORDS)
      for (const t of templates) await bot.handle({ text: t(w), platform: 'test', conversation: `names-${++n}`, hostAllowed: true });
    const lookups = host.calls.filter((c) => c.startsWith('diagnose'));
    // The questions did reach the host (the answer offers to look, listing what stopped recently),
    // so the check below can fail; and no lookup named a word.
    expect(host.calls.length).toBeGreaterThan(WORDS.length);
    expect(lookups.filter((c) => COMMON_WORDS.has(c.slice('diagnose '.length).split(' ')[0] ?? ''))).toEqual([]);
  });

  it('a real name is still looked up (a name-shaped word, a docker argument)', async () => {
    host.calls.length = 0;
    await bot.handle({ text: 'why is go-api not running', platform: 'test', conversation: 'names-real', hostAllowed: true });
    expect(host.calls).toContain('diagnose go-api');
  });
});
