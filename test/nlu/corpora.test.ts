// The public corpora's readers (bench/corpora.ts): the CSV quoting BANKING77 uses, and the splits.
import { describe, expect, it } from 'vitest';
import { loadBanking77, loadClinc, parseCsv } from '../../bench/corpora.ts';

describe('public corpora', () => {
  it('reads quoted CSV fields with commas, doubled quotes and line breaks', () => {
    const csv = 'text,category\nplain text,a\n"with, comma",b\n"say ""hi""\nthen go",c\r\nlast,d';
    expect(parseCsv(csv)).toEqual([
      { text: 'plain text', intent: 'a' },
      { text: 'with, comma', intent: 'b' },
      { text: 'say "hi"\nthen go', intent: 'c' },
      { text: 'last', intent: 'd' },
    ]);
  });

  it('reads BANKING77 whole: 10,003 training and 3,080 test rows over 77 intents', () => {
    const b = loadBanking77();
    expect([b.train.length, b.test.length]).toEqual([10_003, 3_080]);
    expect(new Set(b.train.map((e) => e.intent)).size).toBe(77);
  });

  it('reads the CLINC150 splits, out-of-scope rows apart from the 150 intents', () => {
    const full = loadClinc('full');
    expect([full.train.length, full.val.length, full.test.length]).toEqual([15_000, 3_000, 4_500]);
    expect([full.oosTrain.length, full.oosVal.length, full.oosTest.length]).toEqual([100, 100, 1_000]);
    expect(new Set(full.train.map((e) => e.intent)).size).toBe(150);
    expect(loadClinc('oos_plus').oosTrain.length).toBe(250);
    expect(loadClinc('small').train.length).toBe(7_500);
  });
});
