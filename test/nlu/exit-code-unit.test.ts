// The one exit code a question names decides among a topic's exit-code units (src/nlu/units.ts,
// src/core/exit-code-units.ts), read from the units' own questions in intents/.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { chooseUnit, createUnitPicker } from '../../src/nlu/units.ts';

const kb = loadKnowledge(fileURLToPath(new URL('../../intents', import.meta.url)));
const picker = createUnitPicker(kb);
const pick = (text: string) => picker.pick('diagnose.exited', text).unit;

describe('the exit code named in the question', () => {
  it.each([
    // "immediately" leans to exit 0's unit; the code named is 1.
    ['Container exits with code 1 immediately', 'exit_1'],
    ['my job exited with code 137 right after it started', 'exit_137'],
    ['status says Exited (139) a second after start', 'exit_139'],
    ['container stops at once, exit code 0, why', 'exit_0'],
  ])('%s → %s', (text, unit) => {
    expect(pick(text)).toBe(unit);
  });

  it('does not replace a unit that is not about exit codes', () => {
    expect(pick('container keeps restarting with exit code 1, how do I stop the loop to debug it')).toBe('restart_loop');
  });

  it('leaves a question naming several codes, or asking for the whole picture, to the model', () => {
    const text = 'what do exit codes 1 and 137 mean';
    const several = picker.pick('diagnose.exited', text);
    expect(several.unit).toBe(chooseUnit(several.ranked, text));
    expect(pick('in general, what are the common reasons a container exits with code 1 or any other code')).toBeUndefined();
  });
});
