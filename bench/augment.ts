// Training-data augmentation for the public-corpus bench (bench/corpora-run.ts): copies of each
// training sentence with some of its words replaced by one of their nearest neighbours in the word
// vectors (src/nlu/embeddings.ts), so the models also see words the corpus never used for an intent.
// Bench only: the product's classifier never augments.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import stopwords from 'natural/lib/natural/util/stopwords.js';
import { EMBEDDINGS_DIR, wordVectors } from '../src/nlu/embeddings.ts';
import { mulberry32 } from '../src/nlu/random.ts';
import { stem, words } from '../src/nlu/tokenize.ts';

export interface AugmentOptions {
  /** Augmented copies per sentence (a copy equal to its sentence is left out). */
  copies: number;
  /** Chance that a word with a vector (not a stop word) is replaced in a copy. */
  share: number;
  /** A word is replaced by one of its this many nearest neighbours (cosine), chosen at random. */
  neighbours: number;
  /** Neighbours are looked for among the this many most frequent words of the vectors. */
  candidates: number;
  seed: number;
}

export const DEFAULT_AUGMENT: AugmentOptions = { copies: 1, share: 0.3, neighbours: 5, candidates: 20_000, seed: 3 };

const STOP = new Set(stopwords.words);

/** Each word's nearest neighbours among the candidates (not of its own stem). */
export function nearestNeighbours(ws: Iterable<string>, o: Pick<AugmentOptions, 'neighbours' | 'candidates'>): Map<string, string[]> {
  const vectors = wordVectors();
  const vocab = readFileSync(join(EMBEDDINGS_DIR, 'embeddings-vocab.txt'), 'utf8')
    .split('\n')
    .slice(0, o.candidates)
    .filter((w) => /^[a-z]+$/.test(w) && !STOP.has(w));
  const dims = vectors.dims;
  const matrix = new Float32Array(vocab.length * dims);
  vocab.forEach((w, i) => {
    matrix.set(vectors.get(w) as Float32Array, i * dims);
  });
  const out = new Map<string, string[]>();
  const sims = new Float32Array(vocab.length);
  for (const w of ws) {
    if (out.has(w) || STOP.has(w)) continue;
    const v = vectors.get(w);
    if (!v) continue;
    for (let i = 0; i < vocab.length; i++) {
      let s = 0;
      const base = i * dims;
      for (let d = 0; d < dims; d++) s += (v[d] as number) * (matrix[base + d] as number);
      sims[i] = s;
    }
    const own = stem(w);
    const best: { w: string; s: number }[] = [];
    for (let i = 0; i < vocab.length; i++) {
      const s = sims[i] as number;
      if (best.length === o.neighbours && s <= (best[best.length - 1] as { s: number }).s) continue;
      const c = vocab[i] as string;
      if (c === w || stem(c) === own) continue;
      best.push({ w: c, s });
      best.sort((a, b) => b.s - a.s);
      if (best.length > o.neighbours) best.pop();
    }
    out.set(
      w,
      best.map((b) => b.w),
    );
  }
  return out;
}

/** The augmented copies of `items` (not the items themselves), each with its item's label. */
export function augment<T>(
  items: readonly T[],
  textOf: (item: T) => string,
  o: AugmentOptions = DEFAULT_AUGMENT,
): { item: T; text: string }[] {
  const tokenized = items.map((it) => words(textOf(it)));
  const neighbours = nearestNeighbours(new Set(tokenized.flat()), o);
  const random = mulberry32(o.seed);
  const out: { item: T; text: string }[] = [];
  tokenized.forEach((ws, i) => {
    for (let k = 0; k < o.copies; k++) {
      const copy = ws.map((w) => {
        const ns = neighbours.get(w);
        if (!ns?.length || random() >= o.share) return w;
        return ns[Math.floor(random() * ns.length)] as string;
      });
      if (copy.some((w, j) => w !== ws[j])) out.push({ item: items[i] as T, text: copy.join(' ') });
    }
  });
  return out;
}
