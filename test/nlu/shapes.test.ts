import { describe, expect, it } from 'vitest';
import { shapes } from '../../src/nlu/shapes.ts';
import { words } from '../../src/nlu/tokenize.ts';

const of = (text: string) => shapes(text, words(text));

describe('shape features', () => {
  it('names the kinds of thing a question mentions', () => {
    expect(of('my-api:2.0 is 1.8 GB for a hello world app')).toEqual(expect.arrayContaining(['image', 'size']));
    expect(of('it exited with code 137')).toContain('exit');
    expect(of('docker run -p 8080:80 nginx and localhost:8080 hangs')).toContain('port');
    expect(of('the image is 900MB')).toContain('size');
  });

  it('points a flag at the subcommands that have it, and ignores flags too many share', () => {
    expect(of('what does --rm do')).toContain('flag:run');
    expect(of('what does --rm do').every((s) => !s.startsWith('flag:') || s === 'flag:run' || s === 'flag:create')).toBe(true);
    expect(of('what is -f for').filter((s) => s.startsWith('flag:'))).toEqual([]);
  });

  it('finds nothing in plain words', () => {
    expect(of('what is the difference between an image and a container')).toEqual([]);
    expect(of('')).toEqual([]);
  });
});
