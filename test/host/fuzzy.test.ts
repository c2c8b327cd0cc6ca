import { describe, expect, it } from 'vitest';
import { nameScore, nameVariants, rankNames } from '../../src/host/fuzzy.ts';
import { exitCodeMeaning } from '../../src/host/exit-codes.ts';

const NAMES = ['my-api', 'myproj-web-1', 'myproj-db-1', 'postgres', 'redis-cache', 'worker_2', '3f2a9c81d0e4'];

describe('rankNames', () => {
  it.each([
    ['my_api', 'my-api'],
    ['my-apu', 'my-api'],
    ['mi-api', 'my-api'],
    ['web', 'myproj-web-1'],
    ['myproj_web_1', 'myproj-web-1'],
    ['myproj-web', 'myproj-web-1'],
    ['postgers', 'postgres'],
    ['redis_cache', 'redis-cache'],
    ['worker-2', 'worker_2'],
    ['3f2a', '3f2a9c81d0e4'],
    ['MY-API', 'my-api'],
  ])('%s -> %s first', (partial, best) => {
    expect(rankNames(partial, NAMES, 3)[0]).toBe(best);
  });

  it('offers nothing for an unrelated name', () => {
    expect(rankNames('kafka', NAMES, 5)).toEqual([]);
    expect(rankNames('zzzzzzzz', NAMES, 5)).toEqual([]);
  });

  it('respects the limit and de-duplicates', () => {
    expect(rankNames('myproj', [...NAMES, 'myproj-web-1'], 1)).toHaveLength(1);
    expect(rankNames('myproj', NAMES, 5)).toEqual(expect.arrayContaining(['myproj-web-1', 'myproj-db-1']));
    expect(rankNames('x', NAMES, 0)).toEqual([]);
  });

  it('gives the first names for an empty partial (autocomplete)', () => {
    expect(rankNames('', NAMES, 2)).toEqual(['my-api', 'myproj-web-1']);
  });

  it('knows Compose names', () => {
    expect(nameVariants('/proj-web-1')).toEqual(['proj-web-1', 'proj-web', 'web']);
    expect(nameVariants('proj_web_1')).toContain('web');
    expect(nameScore('web', 'proj-web-1')).toBeGreaterThanOrEqual(0.99);
  });
});

describe('exitCodeMeaning', () => {
  it.each([
    [0, 'normal exit', /finished/],
    [1, 'application error', /failed/],
    [125, 'engine error', /could not run/],
    [126, 'cannot invoke', /could not be invoked/],
    [127, 'command not found', /not found/],
    [137, 'SIGKILL', /docker kill.*grace period.*out-of-memory/],
    [139, 'SIGSEGV', /segmentation fault/],
    [143, 'SIGTERM', /docker stop/],
    [130, 'SIGINT', /signal 2/],
    [3, 'application exit code', /exit code 3/],
  ])('%i is %s', (code, name, meaning) => {
    const m = exitCodeMeaning(code);
    expect(m.name).toBe(name);
    expect(m.meaning).toMatch(meaning);
  });

  it('137 with OOMKilled names the out-of-memory killer', () => {
    expect(exitCodeMeaning(137, true).meaning).toMatch(/out-of-memory killer: it hit its memory limit/);
  });
});
