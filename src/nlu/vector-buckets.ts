// Locality-sensitive buckets of a sentence's mean word vector (random hyperplanes): sentences that
// mean alike share buckets, which the featurizer (features.ts) adds as sparse features when its
// `vectorBuckets` weight is on (the public-corpus benchmark; off in the product).
import type { WordVectors } from './embeddings.ts';
import { mulberry32 } from './random.ts';

const VECTOR_TABLES = 32;
const VECTOR_BITS = 8;

export interface Hyperplanes {
  /** Normals, (tables × bits) × dims. */
  normals: Float64Array;
  /** The mean of all word vectors: sentence vectors are centred on it before hashing. */
  centre: Float64Array;
}

/** Seeded random hyperplanes (Gaussian normals), the same for every process. */
export function hyperplanes(vectors: WordVectors): Hyperplanes {
  const dims = vectors.dims;
  const random = mulberry32(20_261_202);
  const normals = new Float64Array(VECTOR_TABLES * VECTOR_BITS * dims);
  for (let i = 0; i < normals.length; i++) normals[i] = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return { normals, centre: vectors.mean() };
}

/** Each table's bucket for the mean vector of the words (`skip`: stop words); empty when none has a vector. */
export function bucketsOf(ws: readonly string[], vectors: WordVectors, h: Hyperplanes, skip: ReadonlySet<string>): Uint32Array {
  const dims = vectors.dims;
  const mean = new Float64Array(dims);
  let n = 0;
  for (const w of ws) {
    if (skip.has(w)) continue;
    const v = vectors.get(w);
    if (!v) continue;
    n++;
    for (let d = 0; d < dims; d++) mean[d] = (mean[d] as number) + (v[d] as number);
  }
  if (n === 0) return new Uint32Array(0);
  for (let d = 0; d < dims; d++) mean[d] = (mean[d] as number) / n - (h.centre[d] as number);
  const codes = new Uint32Array(VECTOR_TABLES);
  for (let t = 0; t < VECTOR_TABLES; t++) {
    let code = 0;
    for (let b = 0; b < VECTOR_BITS; b++) {
      const base = (t * VECTOR_BITS + b) * dims;
      let dot = 0;
      for (let d = 0; d < dims; d++) dot += (mean[d] as number) * (h.normals[base + d] as number);
      code = (code << 1) | (dot > 0 ? 1 : 0);
    }
    codes[t] = code;
  }
  return codes;
}
