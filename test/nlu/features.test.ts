import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURES, Featurizer, splitCode } from '../../src/nlu/features.ts';

describe('pasted code', () => {
  it('splits a message into its prose and what it pastes in fenced blocks', () => {
    expect(splitCode('why does it exit?\n```\nExited (137) 2 minutes ago\n```\nthanks')).toEqual({
      prose: 'why does it exit?\n\n\nthanks',
      code: 'Exited (137) 2 minutes ago\n',
    });
    expect(splitCode('```bash\ndocker ps -a\n``` shows nothing')).toEqual({ prose: '\n shows nothing', code: 'docker ps -a\n' });
    // An unclosed fence runs to the end; a message without fences is all prose.
    expect(splitCode('see:\n```\nlog line')).toEqual({ prose: 'see:\n\n', code: 'log line' });
    expect(splitCode('no code here, `docker ps` inline')).toEqual({ prose: 'no code here, `docker ps` inline', code: '' });
  });

  it('lets words in pasted code count less than the same words in the prose', () => {
    const f = new Featurizer(DEFAULT_FEATURES);
    f.fit(['docker logs for my container', 'container exited with code 137', 'build log shows npm install']);
    // Share of a unit-length vector that features other than those of "logs" hold.
    const logs = new Set(Array.from(f.transform('logs').index));
    const rest = (text: string) => {
      const v = f.transform(text);
      return Array.from(v.index).reduce((sum, id, k) => (logs.has(id) ? sum : sum + (v.value[k] as number) ** 2), 0);
    };
    expect(rest('logs\n```\nexited container\n```')).toBeLessThan(rest('logs exited container'));
    expect(rest('logs\n```\nexited container\n```')).toBeGreaterThan(0);
  });
});

describe('skip pairs', () => {
  const only = { ...DEFAULT_FEATURES, word: 0, pair: 0, chars: 0, concept: 0, spelling: false };

  it('pairs words one apart, so "change my name" and "change your name" share a feature', () => {
    const withSkip = new Featurizer({ ...only, skip: 1 });
    withSkip.fit(['change my name', 'play a song']);
    expect(withSkip.transform('change your name').index.length).toBe(1);
    expect(withSkip.transform('name your change').index.length).toBe(0);
  });

  it('adds no such feature when unset', () => {
    const without = new Featurizer(only);
    without.fit(['change my name', 'play a song']);
    expect(without.size).toBe(0);
    expect(without.transform('change your name').index.length).toBe(0);
  });
});
