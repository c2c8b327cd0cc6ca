// Sentence → sparse tf-idf vector over three kinds of feature, each with its own weight:
//   stemmed words (the meaning), stemmed word pairs (word order: "image vs container" is not
//   "container from image"), and character n-grams of each word (typos, unseen inflections).
// Unknown words close to a known one (natural's Damerau-Levenshtein) are read as that word.
import distance from 'natural/lib/natural/distance/index.js';
import nGrams from 'natural/lib/natural/ngrams/ngrams.js';
import { stem, words } from './tokenize.ts';

export interface FeatureWeights {
  word: number;
  pair: number;
  chars: number;
  /** Character n-gram sizes, e.g. [3, 4]. */
  charSizes: number[];
  /** Read unknown words as the nearest known word (edit distance 1, or 2 for long words). */
  spelling: boolean;
}

export const DEFAULT_FEATURES: FeatureWeights = { word: 1, pair: 0.6, chars: 0.35, charSizes: [3, 4], spelling: true };

export interface SparseVector {
  index: Int32Array;
  value: Float64Array;
}

const START = '<s>';
const END = '</s>';

export class Featurizer {
  private readonly vocab = new Map<string, number>();
  private idf = new Float64Array(0);
  private readonly known = new Set<string>();
  private readonly knownByLength = new Map<number, string[]>();
  private readonly corrections = new Map<string, string>();

  constructor(private readonly weights: FeatureWeights = DEFAULT_FEATURES) {}

  get size(): number {
    return this.vocab.size;
  }

  /** Learns the vocabulary and inverse document frequencies; returns the training vectors. */
  fit(texts: readonly string[]): SparseVector[] {
    for (const t of texts) for (const w of words(t)) this.rememberWord(w);
    const docs = texts.map((t) => this.rawFeatures(t, false));
    const df = new Map<string, number>();
    for (const d of docs) for (const f of d.keys()) df.set(f, (df.get(f) ?? 0) + 1);
    for (const f of df.keys()) this.vocab.set(f, this.vocab.size);
    this.idf = new Float64Array(this.vocab.size);
    for (const [f, i] of this.vocab) this.idf[i] = Math.log((1 + texts.length) / (1 + (df.get(f) ?? 0))) + 1;
    return docs.map((d) => this.vectorize(d));
  }

  transform(text: string): SparseVector {
    return this.vectorize(this.rawFeatures(text, this.weights.spelling));
  }

  private rememberWord(w: string): void {
    if (this.known.has(w)) return;
    this.known.add(w);
    if (!/^[a-z]{4,}$/.test(w)) return;
    const list = this.knownByLength.get(w.length) ?? [];
    list.push(w);
    this.knownByLength.set(w.length, list);
  }

  /** The known word an unknown one was probably meant to be, or the word itself. */
  private correct(w: string): string {
    if (w.length < 5 || this.known.has(w) || !/^[a-z]+$/.test(w)) return w;
    const cached = this.corrections.get(w);
    if (cached !== undefined) return cached;
    const maxDistance = w.length >= 8 ? 2 : 1;
    let best = w;
    let bestDistance = maxDistance + 1;
    for (let len = w.length - maxDistance; len <= w.length + maxDistance; len++) {
      for (const k of this.knownByLength.get(len) ?? []) {
        // Cheap filter before the edit distance: typos rarely touch both of the first two letters.
        if (k[0] !== w[0] && k[1] !== w[1]) continue;
        const d = distance.DamerauLevenshteinDistance(w, k, { restricted: true });
        if (d < bestDistance) {
          bestDistance = d;
          best = k;
          if (d === 1) break;
        }
      }
    }
    if (this.corrections.size < 20_000) this.corrections.set(w, best);
    return best;
  }

  private rawFeatures(text: string, spelling: boolean): Map<string, number> {
    const { word, pair, chars, charSizes } = this.weights;
    const ws = words(text).map((w) => (spelling ? this.correct(w) : w));
    const stems = ws.map(stem);
    const out = new Map<string, number>();
    const add = (f: string, weight: number) => out.set(f, (out.get(f) ?? 0) + weight);
    if (word > 0) for (const s of stems) add(`w:${s}`, word);
    if (pair > 0) for (const [a, b] of nGrams.bigrams(stems, START, END)) add(`p:${a} ${b}`, pair);
    if (chars > 0) {
      for (const w of ws) {
        if (w.startsWith('-') || w.length < 3) continue;
        const padded = `#${w}#`;
        for (const n of charSizes) for (let i = 0; i + n <= padded.length; i++) add(`c:${padded.slice(i, i + n)}`, chars);
      }
    }
    return out;
  }

  /** Sublinear tf × idf × kind weight, L2-normalized; features not seen in training are dropped. */
  private vectorize(raw: Map<string, number>): SparseVector {
    const index: number[] = [];
    const value: number[] = [];
    let norm = 0;
    for (const [f, weight] of raw) {
      const i = this.vocab.get(f);
      if (i === undefined) continue;
      const kind = f.startsWith('w:') ? this.weights.word : f.startsWith('p:') ? this.weights.pair : this.weights.chars;
      const tf = kind * (1 + Math.log(weight / kind));
      const v = tf * (this.idf[i] ?? 1);
      index.push(i);
      value.push(v);
      norm += v * v;
    }
    norm = Math.sqrt(norm) || 1;
    return { index: Int32Array.from(index), value: Float64Array.from(value, (v) => v / norm) };
  }
}
