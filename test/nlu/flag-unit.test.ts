// A question about one flag gets the unit about that flag (src/nlu/flag-unit.ts), read from the
// units' own questions in intents/.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { flagsIn, unitForAskedFlag } from '../../src/nlu/flag-unit.ts';

const kb = loadKnowledge(fileURLToPath(new URL('../../intents', import.meta.url)));
const run = kb.get('command.run');
if (!run) throw new Error('intents/command.run.yaml is missing');

describe('the unit about the flag asked', () => {
  it.each([
    ["the tutorial uses docker run -d everywhere, what's that flag doing", 'detached'],
    ['what does -p do in docker run -p 8080:80 nginx', 'port_mapping'],
    ['docker run -d -p 8080:80 nginx, what does -p do', 'port_mapping'],
    ['what is the --rm option for', 'other_flags'],
    ['docker run -it ubuntu, what are these flags', 'tty_flags'],
    // "what does … <flag> do / mean", the flag inside the command it belongs to.
    ['what does docker run --rm do?', 'other_flags'],
    ['What does -it mean in docker run?', 'tty_flags'],
  ])('%s → %s', (text, unit) => {
    expect(unitForAskedFlag(run, text)).toBe(unit);
  });

  it.each([
    // Several flags and none singled out: the unit model decides.
    'docker run -d -p 8080:80 nginx what do these flags mean',
    // Not a question about a flag.
    'docker run -d nginx exits right away',
    'what does docker run -d nginx print when it works',
    // A flag no unit is about.
    'what does --network host do',
  ])('leaves %s to the unit model', (text) => {
    expect(unitForAskedFlag(run, text)).toBeUndefined();
  });

  it('reads a bundle of short flags also as its letters, and only flags standing as words', () => {
    expect(flagsIn('docker run -it --rm ubuntu')).toEqual(['-it', '-i', '-t', '--rm']);
    expect(flagsIn('a well-known re-run, 8080:80')).toEqual([]);
  });
});
