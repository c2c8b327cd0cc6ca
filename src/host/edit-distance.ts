// Bounded string distances for "did you mean": the work of one comparison is counted in cells
// and capped, so a long name (or a host with many names) cannot hold the event loop.
// - osaDistance: restricted Damerau-Levenshtein (optimal string alignment: one swap of two
//   neighbours is one edit), computed only in the band |i - j| ≤ max, stopping as soon as
//   every cell of a row is past max.
// - jaroWinkler: the classic definition (the same numbers as `natural`'s JaroWinklerDistance).

/** Counts the work done: one per DP cell or character comparison, one per name compared. */
export interface FuzzyWork {
  cells: number;
  compared: number;
}

export function newWork(): FuzzyWork {
  return { cells: 0, compared: 0 };
}

/** Three DP rows, reused across calls (single-threaded): no allocation per comparison. */
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(0), new Int32Array(0), new Int32Array(0)];

function dpRows(n: number): [Int32Array, Int32Array, Int32Array] {
  if (rows[0].length < n) rows = [new Int32Array(n * 2), new Int32Array(n * 2), new Int32Array(n * 2)];
  return rows;
}

/** The edit distance between a and b if it is ≤ max, else max + 1. */
export function osaDistance(a: string, b: string, max: number, work: FuzzyWork = newWork()): number {
  const la = a.length;
  const lb = b.length;
  const over = max + 1;
  if (Math.abs(la - lb) > max) return over;
  if (la === 0 || lb === 0) return Math.max(la, lb);
  let [prev2, prev, cur] = dpRows(lb + 1);
  prev2.fill(over, 0, lb + 1);
  prev.fill(over, 0, lb + 1);
  cur.fill(over, 0, lb + 1);
  for (let j = 0; j <= Math.min(lb, max); j++) prev[j] = j;
  let cells = 0;
  for (let i = 1; i <= la; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(lb, i + max);
    // Only the band's two edges of a reused row are ever read: reset them.
    cur[from - 1] = from === 1 && i <= max ? i : over;
    if (to + 1 <= lb) cur[to + 1] = over;
    let rowMin = cur[from - 1] ?? over;
    const ca = a.charCodeAt(i - 1);
    const caPrev = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = from; j <= to; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min((prev[j] ?? over) + 1, (cur[j - 1] ?? over) + 1, (prev[j - 1] ?? over) + (ca === cb ? 0 : 1));
      if (j > 1 && caPrev === cb && ca === b.charCodeAt(j - 2)) v = Math.min(v, (prev2[j - 2] ?? over) + 1);
      if (v > over) v = over;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    cells += to - from + 1;
    if (rowMin > max) {
      work.cells += cells;
      return over;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  work.cells += cells;
  return Math.min(prev[lb] ?? over, over);
}

/** Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, prefix up to 4). */
export function jaroWinkler(a: string, b: string, work: FuzzyWork = newWork()): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.floor(Math.max(a.length, b.length) / 2) - 1;
  const ma = new Uint8Array(a.length);
  const mb = new Uint8Array(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const end = Math.min(i + window + 1, b.length);
    for (let k = Math.max(0, i - window); k < end; k++) {
      work.cells++;
      if (mb[k] || a[i] !== b[k]) continue;
      ma[i] = 1;
      mb[k] = 1;
      m++;
      break;
    }
  }
  if (m === 0) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (!ma[i]) continue;
    while (!mb[k]) k++;
    if (a[i] !== b[k]) t++;
    k++;
  }
  const jaro = (m / a.length + m / b.length + (m - t / 2) / m) / 3;
  let l = 0;
  while (l < 4 && a[l] !== undefined && a[l] === b[l]) l++;
  return jaro + l * 0.1 * (1 - jaro);
}
