// "Did you mean" does bounded work whatever is asked and whatever the host holds. Measured in
// counted work (DP cells and character comparisons, names compared), never in time; the
// timings are in bench/host.ts. The bounded distances give the same numbers as `natural`'s.
import jaroWinklerNatural from 'natural/lib/natural/distance/jaro-winkler_distance.js';
import levenshtein from 'natural/lib/natural/distance/levenshtein_distance.js';
import { describe, expect, it } from 'vitest';
import { jaroWinkler, newWork, osaDistance } from '../../src/host/edit-distance.ts';
import { CELL_BUDGET, MAX_COMPARED, MAX_EDITS, MAX_FUZZY_CHARS, nameScore, rankNames } from '../../src/host/fuzzy.ts';

/** A small seeded generator: the same strings every run. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

function randomName(r: () => number, len: number, alphabet = 'abcde-12'): string {
  return Array.from({ length: len }, () => alphabet[Math.floor(r() * alphabet.length)]).join('');
}

/** The most cells one comparison can cost: the band of the edit distance plus the Jaro window. */
const ONE_COMPARISON = (2 * MAX_EDITS + 1) * MAX_FUZZY_CHARS + MAX_FUZZY_CHARS * MAX_FUZZY_CHARS;

describe('bounded distances agree with natural', () => {
  const r = rng(42);
  const pairs = Array.from(
    { length: 400 },
    () => [randomName(r, 1 + Math.floor(r() * 14)), randomName(r, 1 + Math.floor(r() * 14))] as const,
  );

  it.each([0, 1, 2, 3, 5, 20])('osaDistance with max %i', (max) => {
    for (const [a, b] of pairs) {
      const full = levenshtein.DamerauLevenshteinDistance(a, b, { restricted: true });
      expect(osaDistance(a, b, max), `${a} / ${b}`).toBe(full <= max ? full : max + 1);
    }
  });

  it('jaroWinkler', () => {
    for (const [a, b] of pairs) expect(jaroWinkler(a, b), `${a} / ${b}`).toBeCloseTo(jaroWinklerNatural(a, b), 12);
  });

  it('the band costs cells in proportion to the length, not its square', () => {
    const a = 'x'.repeat(MAX_FUZZY_CHARS);
    const work = newWork();
    osaDistance(a, `${a.slice(1)}y`, 2, work);
    expect(work.cells).toBeLessThanOrEqual(5 * MAX_FUZZY_CHARS);
  });
});

describe('rankNames does bounded work', () => {
  const r = rng(7);
  const hostNames = Array.from({ length: 5000 }, (_, i) => `${randomName(r, 90, 'abcdefgh-')}-${i}`);

  it('a 3,000-character name is not compared with anything', () => {
    const work = newWork();
    expect(rankNames('a'.repeat(3000), hostNames, 5, work)).toEqual([]);
    expect(work).toEqual({ cells: 0, compared: 0 });
    expect(nameScore('a'.repeat(3000), 'a'.repeat(10), work)).toBe(0);
    expect(work.cells).toBe(0);
  });

  it('a long name against thousands of long names stays within the budget', () => {
    const work = newWork();
    rankNames(randomName(r, MAX_FUZZY_CHARS, 'abcdefgh-'), hostNames, 5, work);
    expect(work.compared).toBeLessThanOrEqual(MAX_COMPARED);
    expect(work.cells).toBeLessThanOrEqual(CELL_BUDGET + ONE_COMPARISON);
  });

  it('names far apart in length cost nothing', () => {
    const work = newWork();
    expect(rankNames('web', ['a-very-long-service-name-that-is-not-web-at-all-1'.repeat(2)], 5, work)).toEqual([]);
    expect(work.cells).toBe(0);
  });

  it('still finds the typo on a busy host', () => {
    const names = [...hostNames.slice(0, 3000), 'payments-api'];
    expect(rankNames('paymnets-api', names, 3)[0]).toBe('payments-api');
  });
});
