// Sentence → sparse tf-idf vector over four kinds of feature, each with its own weight:
//   stemmed words (the meaning), stemmed word pairs (word order: "image vs container" is not
//   "container from image"), character n-grams of each word (typos, unseen inflections), and
//   synonym concepts (synonyms.ts: "delete" / "get rid of" / "nuke") and the kinds of thing the
//   text names (shapes.ts: an image reference, a port, a size, a flag). Stop words get no n-grams.
// Unknown words close to a known one (natural's Damerau-Levenshtein) are read as that word.
// Optional, off by default (the public-corpus benchmark turns them on, bench/corpora-run.ts): the
// sentence's mean and element-wise maximum word vector as dense features after the sparse ones, and
// locality-sensitive buckets of the mean vector as sparse ones (word vectors: embeddings.ts).
// Features are hashed to integers (kind in the top bits) so that character n-grams cost no string
// allocations: fitting ~4,900 sentences (examples, titles, commands, answer sentences, out-of-scope) takes ~0.2 s.
import distance from 'natural/lib/natural/distance/index.js';
import nGrams from 'natural/lib/natural/ngrams/ngrams.js';
import stopwords from 'natural/lib/natural/util/stopwords.js';
import { wordVectors, type WordVectors } from './embeddings.ts';
import { hashString } from './random.ts';
import { shapes } from './shapes.ts';
import { bucketsOf, hyperplanes, type Hyperplanes } from './vector-buckets.ts';
import { concept } from './synonyms.ts';
import { stem, words } from './tokenize.ts';

export interface FeatureWeights {
  word: number;
  pair: number;
  chars: number;
  concept: number;
  /** Character n-gram sizes, e.g. [3, 4]. */
  charSizes: number[];
  /** Read unknown words as the nearest known word (edit distance 1, or 2 for long words). */
  spelling: boolean;
  /** Keep only features seen in at least this many training sentences. */
  minCount: number;
  /** Stemmed word pairs one word apart ("change … name"), weight; unset or 0: none. */
  skip?: number;
  /**
   * The sentence's idf-weighted mean word vector (embeddings.ts), appended as dense features with
   * this share of the vector's length; unset or 0: none (the product's default: no word vectors).
   */
  embedding?: number;
  /** The element-wise maximum of the words' vectors (SWEM-max), appended the same way; unset or 0: none. */
  embeddingMax?: number;
  /**
   * Locality-sensitive hashes of the sentence's mean word vector (random hyperplanes, vector-buckets.ts): sentences that mean alike share buckets, a sparse, non-linear
   * view of the word vectors; this weight, unset or 0: none.
   */
  vectorBuckets?: number;
}

/**
 * Chosen on bench/nlu-cv.ts (5-fold × 3 cross-validation of ~3,800 questions, plus the development
 * set): with the longer, real-question examples, character n-grams at 0.4 (was 0.5) and concepts at
 * 0.7 (was 0.5), with l2 5e-5, measure 0.924 → 0.928 in cross-validation.
 */
export const DEFAULT_FEATURES: FeatureWeights = {
  word: 1,
  pair: 0.6,
  chars: 0.4,
  concept: 0.7,
  charSizes: [3, 4],
  spelling: true,
  minCount: 1,
};

export interface SparseVector {
  index: Int32Array;
  value: Float64Array;
}

/**
 * Words whose spelling carries no meaning here ("the", "how", "after"): they keep their word and
 * pair features but get no character n-grams, which would only add noise and cost (−13% features
 * per sentence; cross-validation and the development set measure the same or better without them).
 */
const NO_CHARS = new Set(stopwords.words);

/**
 * How much a word pasted in a fenced code block counts against a word of the message's prose.
 * People paste build logs, `docker ps` tables and Dockerfiles around their question; at full
 * weight that noise outvoted the prose. On questions with pasted output (test/fixtures/
 * nlu-pasted.jsonl) 0.5 scores 77/90 against 71/90 at 1, and no better at 0.3, where a vague
 * question with the clue in the paste ("any idea? ```Exited (137)…```") still comes out right.
 */
const CODE_WEIGHT = 0.5;
const FENCE = /```[^\n`]*\n?([\s\S]*?)(?:```|$)/g;

/** The prose of a message and what it pastes in fenced code blocks. */
export function splitCode(text: string): { prose: string; code: string } {
  if (!text.includes('```')) return { prose: text, code: '' };
  const code: string[] = [];
  const prose = text.replace(FENCE, (_m, body: string) => {
    code.push(body);
    return '\n';
  });
  return { prose, code: code.join('\n') };
}

const START = '<s>';
const END = '</s>';
const WORD = 0,
  PAIR = 1,
  CHARS = 2,
  CONCEPT = 3,
  SKIP = 4,
  BUCKET = 5;
const KIND_SHIFT = 28;
const HASH_MASK = (1 << KIND_SHIFT) - 1;

function largest(xs: Float64Array): number {
  let m = 1;
  for (const x of xs) if (x > m) m = x;
  return m;
}

/** FNV-1a over `s[from, to)`, 28 bits, with the feature kind in the top bits. */
function hash(kind: number, s: string, from = 0, to = s.length): number {
  return ((kind << KIND_SHIFT) | (hashString(s, from, to) & HASH_MASK)) >>> 0;
}

/**
 * What a fitted featurizer learned, enough to rebuild it without fitting (model-cache.ts): the
 * feature hash of each vector index, their idf, and the known words in the order they were first
 * seen (spelling correction takes the first closest word, so the order matters).
 */
export interface FeaturizerState {
  vocab: Uint32Array;
  idf: Float64Array;
  known: string[];
  /** The stems of the known words: saved so loading does not stem them all again. */
  knownStems: string[];
}

export class Featurizer {
  private readonly vocab = new Map<number, number>();
  private idf: Float64Array = new Float64Array(0);
  private kindWeight = new Float64Array(0);
  private readonly known = new Set<string>();
  private readonly knownStems = new Set<string>();
  private readonly knownByLength = new Map<number, string[]>();
  private readonly corrections = new Map<string, string>();
  private readonly weightOf: number[];
  private readonly vectors: WordVectors | undefined;
  private readonly hyperplanes: Hyperplanes | undefined;
  /** idf of an unseen word: that of a word seen in no training sentence. */
  private maxIdf = 1;

  constructor(
    private readonly weights: FeatureWeights = DEFAULT_FEATURES,
    vectors?: WordVectors,
  ) {
    this.weightOf = [weights.word, weights.pair, weights.chars, weights.concept, weights.skip ?? 0, weights.vectorBuckets ?? 0];
    const wantsVectors = (weights.embedding ?? 0) > 0 || (weights.embeddingMax ?? 0) > 0 || (weights.vectorBuckets ?? 0) > 0;
    this.vectors = wantsVectors ? (vectors ?? wordVectors()) : undefined;
    this.hyperplanes = (weights.vectorBuckets ?? 0) > 0 && this.vectors ? hyperplanes(this.vectors) : undefined;
  }

  /** Dense features after the sparse ones: the mean vector's, then the maximum's. */
  private get denseSize(): number {
    const dims = this.vectors?.dims ?? 0;
    return ((this.weights.embedding ?? 0) > 0 ? dims : 0) + ((this.weights.embeddingMax ?? 0) > 0 ? dims : 0);
  }

  /** Number of features: the sparse vocabulary, then the dense sentence-vector dimensions if any. */
  get size(): number {
    return this.vocab.size + this.denseSize;
  }

  get state(): FeaturizerState {
    return { vocab: Uint32Array.from(this.vocab.keys()), idf: this.idf, known: [...this.known], knownStems: [...this.knownStems] };
  }

  /** A fitted featurizer from its saved state: transforms exactly as the one that was fitted. */
  static fromState(state: FeaturizerState, weights: FeatureWeights = DEFAULT_FEATURES, vectors?: WordVectors): Featurizer {
    if (state.idf.length !== state.vocab.length) throw new RangeError('idf and vocabulary differ in size');
    const f = new Featurizer(weights, vectors);
    for (const s of state.knownStems) f.knownStems.add(s);
    for (const w of state.known) f.rememberWord(w, false);
    state.vocab.forEach((hash, i) => f.vocab.set(hash, i));
    if (f.vocab.size !== state.vocab.length) throw new RangeError('vocabulary has duplicate features');
    f.idf = state.idf;
    f.maxIdf = largest(state.idf);
    f.kindWeight = Float64Array.from(state.vocab, (hash) => f.weightOf[hash >>> KIND_SHIFT] ?? 0);
    return f;
  }

  /** Learns the vocabulary and inverse document frequencies; returns the training vectors. */
  fit(texts: readonly string[]): SparseVector[] {
    for (const t of texts) for (const w of words(t)) this.rememberWord(w);
    const docs = texts.map((t) => this.rawFeatures(t, false));
    const df = new Map<number, number>();
    for (const d of docs) for (const f of d.keys()) df.set(f, (df.get(f) ?? 0) + 1);
    // A feature seen in one sentence only cannot generalize; dropping those halves the vocabulary.
    for (const [f, n] of df) if (n >= this.weights.minCount) this.vocab.set(f, this.vocab.size);
    this.idf = new Float64Array(this.vocab.size);
    this.kindWeight = new Float64Array(this.vocab.size);
    for (const [f, i] of this.vocab) {
      this.idf[i] = Math.log((1 + texts.length) / (1 + (df.get(f) ?? 0))) + 1;
      this.kindWeight[i] = this.weightOf[f >>> KIND_SHIFT] ?? 0;
    }
    this.maxIdf = largest(this.idf);
    return texts.map((t, i) => this.withSentenceVector(this.vectorize(docs[i] as Map<number, number>), t, false));
  }

  transform(text: string): SparseVector {
    return this.withSentenceVector(this.vectorize(this.rawFeatures(text, this.weights.spelling)), text, this.weights.spelling);
  }

  /**
   * Appends the idf-weighted mean of the words' vectors (unit length × `embedding`) after the
   * sparse features: words that mean alike ("cancel" / "call off") land near each other even
   * when the training sentences never used one of them.
   */
  private withSentenceVector(x: SparseVector, text: string, spelling: boolean): SparseVector {
    const vectors = this.vectors;
    if (!vectors) return x;
    const dims = vectors.dims;
    const sum = new Float64Array(dims);
    const max = new Float64Array(dims).fill(-Infinity);
    let n = 0;
    for (const raw of words(splitCode(text).prose)) {
      const w = spelling ? this.correct(raw) : raw;
      const v = vectors.get(w);
      if (!v) continue;
      n++;
      const i = this.vocab.get(hash(WORD, stem(w)));
      const idf = i === undefined ? this.maxIdf : (this.idf[i] as number);
      for (let d = 0; d < dims; d++) {
        const vd = v[d] as number;
        sum[d] = (sum[d] as number) + idf * vd;
        if (vd > (max[d] as number)) max[d] = vd;
      }
    }
    const dense = new Float64Array(this.denseSize);
    if (n > 0) {
      let at = 0;
      const put = (src: Float64Array, share: number) => {
        if (share <= 0) return;
        let norm = 0;
        for (const v of src) norm += v * v;
        const scale = share / (Math.sqrt(norm) || 1);
        for (let d = 0; d < dims; d++) dense[at++] = (src[d] as number) * scale;
      };
      put(sum, this.weights.embedding ?? 0);
      put(max, this.weights.embeddingMax ?? 0);
    }
    const base = this.vocab.size;
    const index = new Int32Array(x.index.length + dense.length);
    const value = new Float64Array(x.index.length + dense.length);
    index.set(x.index);
    value.set(x.value);
    for (let d = 0; d < dense.length; d++) {
      index[x.index.length + d] = base + d;
      value[x.index.length + d] = dense[d] as number;
    }
    return { index, value };
  }

  private rememberWord(w: string, withStem = true): void {
    if (this.known.has(w)) return;
    this.known.add(w);
    if (withStem) this.knownStems.add(stem(w));
    if (!/^[a-z]{4,}$/.test(w)) return;
    const list = this.knownByLength.get(w.length) ?? [];
    list.push(w);
    this.knownByLength.set(w.length, list);
  }

  /** The known word an unknown one was probably meant to be, or the word itself. */
  private correct(w: string): string {
    if (w.length < 5 || this.known.has(w) || this.knownStems.has(stem(w)) || !/^[a-z]+$/.test(w)) return w;
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

  /** Feature hash → count. */
  private rawFeatures(text: string, spelling: boolean): Map<number, number> {
    const out = new Map<number, number>();
    const { prose, code } = splitCode(text);
    this.addFeatures(out, prose, spelling, 1);
    if (code) this.addFeatures(out, code, spelling, CODE_WEIGHT);
    return out;
  }

  /** Adds `text`'s features to `out`, each occurrence counting `amount`. */
  private addFeatures(out: Map<number, number>, text: string, spelling: boolean, amount: number): void {
    const { word, pair, chars, concept: conceptWeight, charSizes } = this.weights;
    const ws = words(text).map((w) => (spelling ? this.correct(w) : w));
    const stems = ws.map(stem);
    const add = (f: number) => out.set(f, (out.get(f) ?? 0) + amount);
    if (word > 0) for (const s of stems) add(hash(WORD, s));
    if (pair > 0) for (const [a, b] of nGrams.bigrams(stems, START, END)) add(hash(PAIR, `${a} ${b}`));
    if ((this.weights.skip ?? 0) > 0) for (let i = 0; i + 2 < stems.length; i++) add(hash(SKIP, `${stems[i]} ${stems[i + 2]}`));
    if (conceptWeight > 0) {
      for (const s of stems) {
        const c = concept(s);
        if (c) add(hash(CONCEPT, c));
      }
    }
    if (this.hyperplanes && this.vectors) {
      for (const [t, code] of bucketsOf(ws, this.vectors, this.hyperplanes, NO_CHARS).entries()) add(hash(BUCKET, `${t}:${code}`));
    }
    // What the text names (an image, a port, a size, a flag of `run`…) counts like a concept.
    if (conceptWeight > 0) for (const shape of shapes(text, ws)) add(hash(CONCEPT, `:${shape}`));
    if (chars > 0) {
      for (const w of ws) {
        if (w.startsWith('-') || w.length < 3 || NO_CHARS.has(w)) continue;
        const padded = `#${w}#`;
        for (const n of charSizes) for (let i = 0; i + n <= padded.length; i++) add(hash(CHARS, padded, i, i + n));
      }
    }
  }

  /**
   * Sublinear tf × idf × kind weight, L2-normalized; features not seen in training are dropped.
   * A count below 1 (a word seen only in pasted code) counts as itself.
   */
  private vectorize(raw: Map<number, number>): SparseVector {
    const index: number[] = [];
    const value: number[] = [];
    let norm = 0;
    for (const [f, count] of raw) {
      const i = this.vocab.get(f);
      if (i === undefined) continue;
      const v = (this.kindWeight[i] as number) * (count >= 1 ? 1 + Math.log(count) : count) * (this.idf[i] as number);
      index.push(i);
      value.push(v);
      norm += v * v;
    }
    norm = Math.sqrt(norm) || 1;
    return { index: Int32Array.from(index), value: Float64Array.from(value, (v) => v / norm) };
  }
}
