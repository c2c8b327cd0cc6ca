// npx tsx bench/build-clusters.ts [k …] — a dev tool, not run in CI: groups the shipped word vectors
// (src/nlu/data/embeddings.bin, bench/build-embeddings.ts) into clusters by spherical k-means, one
// clustering per k (default 200 and 1000), and writes src/nlu/data/embeddings-clusters.bin, read by
// src/nlu/embeddings.ts: words of one cluster ("cancel", "cancelled", "postpone") share a sparse
// feature (features.ts `cluster`). Deterministic (seeded initial centres, fixed iterations).
// Format (little-endian): "CLU1", uint32 words, uint32 levels, uint32 k[levels], uint16 id[levels × words]
// (word order as in embeddings-vocab.txt).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EMBEDDINGS_DIR, wordVectors } from '../src/nlu/embeddings.ts';
import { mulberry32 } from '../src/nlu/linear.ts';

const ks = process.argv.slice(2).map(Number);
const levels = ks.length ? ks : [200, 1000];
const ITERATIONS = Number(process.env.ITERATIONS ?? 10);
const vocab = readFileSync(join(EMBEDDINGS_DIR, 'embeddings-vocab.txt'), 'utf8').split('\n').filter(Boolean);
const vectors = wordVectors();
const D = vectors.dims;
const N = vocab.length;
const X = new Float32Array(N * D);
vocab.forEach((w, i) => {
  X.set(vectors.get(w) as Float32Array, i * D);
});

function kmeans(k: number): Uint16Array {
  const random = mulberry32(k);
  const C = new Float32Array(k * D);
  const pick = (c: number) => {
    const r = Math.floor(random() * N);
    C.set(X.subarray(r * D, r * D + D), c * D);
  };
  for (let c = 0; c < k; c++) pick(c);
  const assign = new Uint16Array(N);
  for (let it = 0; it < ITERATIONS; it++) {
    let moved = 0;
    for (let i = 0; i < N; i++) {
      let best = 0,
        bestDot = -Infinity;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        for (let d = 0; d < D; d++) dot += (X[i * D + d] as number) * (C[c * D + d] as number);
        if (dot > bestDot) {
          bestDot = dot;
          best = c;
        }
      }
      if (assign[i] !== best) moved++;
      assign[i] = best;
    }
    C.fill(0);
    for (let i = 0; i < N; i++)
      for (let d = 0; d < D; d++) {
        const j = (assign[i] as number) * D + d;
        C[j] = (C[j] as number) + (X[i * D + d] as number);
      }
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < D; d++) norm += (C[c * D + d] as number) ** 2;
      norm = Math.sqrt(norm);
      if (norm === 0) pick(c);
      else for (let d = 0; d < D; d++) C[c * D + d] = (C[c * D + d] as number) / norm;
    }
    console.log(`k ${k}: iteration ${it + 1}, ${moved} words moved`);
  }
  return assign;
}

const buf = Buffer.alloc(12 + levels.length * 4 + levels.length * N * 2);
buf.write('CLU1', 0, 'latin1');
buf.writeUInt32LE(N, 4);
buf.writeUInt32LE(levels.length, 8);
levels.forEach((k, l) => {
  buf.writeUInt32LE(k, 12 + l * 4);
  const ids = kmeans(k);
  ids.forEach((id, i) => buf.writeUInt16LE(id, 12 + levels.length * 4 + (l * N + i) * 2));
});
writeFileSync(join(EMBEDDINGS_DIR, 'embeddings-clusters.bin'), buf);
console.log(`wrote ${levels.length} clusterings of ${N} words: ${(buf.length / 1e3).toFixed(0)} kB`);
