// Tokenizing (src/nlu/tokenize.ts): chat spellings read as the words the examples use.
import { describe, expect, it } from 'vitest';
import { words } from '../../src/nlu/tokenize.ts';

describe('stretched words', () => {
  it('reads a letter typed three or more times in a row once', () => {
    expect(words('hellooo, thanksss, pleaseee')).toEqual(['hello', 'thanks', 'please']);
    expect(words('thxxx')).toEqual(['thanks']);
  });

  it('leaves doubled letters, ids, numbers and short words as they are', () => {
    expect(words('docker ps shows 3aaa9f and port 8000, all good, zzz')).toEqual([
      'docker',
      'ps',
      'shows',
      '3aaa9f',
      'and',
      'port',
      '8000',
      'all',
      'good',
      'zzz',
    ]);
  });
});
