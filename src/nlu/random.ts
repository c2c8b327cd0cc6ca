// Seeded randomness and stable hashes, shared by training (linear.ts, mlp.ts, classifier.ts), the
// featurizer's feature hashes and the vector buckets' hyperplanes without an import cycle between them.

/** Small deterministic PRNG, so training (and anything else seeded) repeats exactly. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * FNV-1a over `s[from, to)` (UTF-16 code units), 32 bits: a stable key for a training sentence or a
 * label, and the base of the featurizer's feature hashes (features.ts).
 */
export function hashString(s: string, from = 0, to = s.length): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Mixes keys into one 32-bit seed (murmur3's finalizer after each), so nearby keys seed unrelated streams. */
export function mixKeys(...keys: number[]): number {
  let h = 0x9e3779b9;
  for (const k of keys) {
    h = Math.imul(h ^ (k >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/**
 * The order of one training pass over sentences keyed by `keys`: each sentence's place depends on
 * its own key, the seed and the pass only, so adding or removing a sentence leaves the others in the
 * same order relative to each other (a shuffled index would move every sentence).
 */
export function keyedOrder(keys: ArrayLike<number>, seed: number, pass: number): number[] {
  const rank = Float64Array.from({ length: keys.length }, (_, i) => mixKeys(keys[i] as number, seed, pass));
  return Array.from({ length: keys.length }, (_, i) => i).sort((a, b) => (rank[a] as number) - (rank[b] as number) || a - b);
}
