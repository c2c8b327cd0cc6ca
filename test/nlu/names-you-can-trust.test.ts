// A container or image name comes from a docker command's arguments, quotes or backticks, a
// shape real names have, or `--name` — never from an ordinary English word in a sentence.
import { describe, expect, it } from 'vitest';
import { COMMON_WORDS } from '../../src/nlu/common-words.ts';
import { extractEntities } from '../../src/nlu/entities.ts';

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
  });
});
