// Rows for bench:host — the "did you mean" work of one question, in milliseconds (median of
// RUNS) and in counted cells, for the inputs that used to block the event loop (issue 11,
// item 3: a 3,000-character name took 20 s). Pure CPU, no engine.
import { newWork } from '../src/host/edit-distance.ts';
import { rankNames } from '../src/host/fuzzy.ts';

const RUNS = 21;

function names(n: number, len: number): string[] {
  let s = 1;
  const next = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: n }, (_, i) => {
    const body = Array.from({ length: len }, () => 'abcdefghij-'[Math.floor(next() * 11)]).join('');
    return `${body}-${i}`;
  });
}

interface Case {
  what: string;
  partial: string;
  names: string[];
}

const CASES: Case[] = [
  { what: 'typo, 12 chars, 1,000 names of ~20 chars', partial: 'paymnets-api', names: [...names(999, 18), 'payments-api'] },
  { what: '128 chars, 1,000 names of ~20 chars', partial: 'a'.repeat(128), names: names(1000, 18) },
  { what: '128 chars, 5,000 names of ~120 chars', partial: names(1, 126)[0]!, names: names(5000, 118) },
  { what: '3,000 chars, 5,000 names of ~120 chars', partial: 'a'.repeat(3000), names: names(5000, 118) },
  { what: '200,000 chars, 1,000 names', partial: 'a'.repeat(200_000), names: names(1000, 18) },
];

export function fuzzyRows(): string {
  const lines = ['| did you mean: input | median | max | cells | names compared |', '|---|---:|---:|---:|---:|'];
  for (const c of CASES) {
    const times: number[] = [];
    let work = newWork();
    for (let i = 0; i < RUNS; i++) {
      work = newWork();
      const t0 = performance.now();
      rankNames(c.partial, c.names, 5, work);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const ms = (x: number) => `${x.toFixed(2)} ms`;
    lines.push(`| ${c.what} | ${ms(times[Math.floor(RUNS / 2)]!)} | ${ms(times[RUNS - 1]!)} | ${work.cells} | ${work.compared} |`);
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(fuzzyRows());
