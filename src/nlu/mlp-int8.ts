// A trained hidden-layer model (mlp.ts) kept for answering only, its first layer in 8 bits: each
// feature's row of hidden-unit weights as int8 with one float scale, the row's largest weight
// over 127. The first layer is features × hidden (≈ 47,000 × 256 for intents/): 48 MB as float32,
// 12 MB this way, in memory and in the model cache. The other layers are small and stay float32.
// The classifier answers with this form from the moment it is trained, so a model loaded from the
// cache answers exactly as the trained one did.
import type { SparseVector } from './features.ts';
import { softmax } from './linear.ts';
import type { MlpOptions, MlpParameters } from './mlp.ts';

export interface Int8HiddenLayer {
  hidden: number;
  activation: MlpOptions['activation'];
  /** First layer, feature-major: `q1[f * hidden + j] × s1[f]`. */
  q1: Int8Array;
  s1: Float32Array;
  b1: Float32Array;
  /** Second layer, hidden-major: `w2[j * classes + c]`. */
  w2: Float32Array;
  b2: Float32Array;
}

/** The layer with its first-layer weights rounded to 8 bits per feature row. */
export function toInt8(p: MlpParameters, hidden: number, activation: MlpOptions['activation']): Int8HiddenLayer {
  const features = p.w1.length / hidden;
  const q1 = new Int8Array(p.w1.length);
  const s1 = new Float32Array(features);
  for (let f = 0; f < features; f++) {
    const base = f * hidden;
    let max = 0;
    for (let j = 0; j < hidden; j++) max = Math.max(max, Math.abs(p.w1[base + j] as number));
    const scale = max / 127;
    s1[f] = scale;
    if (scale === 0) continue;
    for (let j = 0; j < hidden; j++) q1[base + j] = Math.round((p.w1[base + j] as number) / scale);
  }
  return { hidden, activation, q1, s1, b1: p.b1, w2: p.w2, b2: p.b2 };
}

/** Class probabilities for one vector; features beyond the layer's size are ignored. */
export function int8Probabilities(layer: Int8HiddenLayer, x: SparseVector): Float64Array {
  const { hidden: H, q1, s1, b1, w2, b2 } = layer;
  const C = b2.length;
  const h = Float64Array.from(b1);
  for (let k = 0; k < x.index.length; k++) {
    const f = x.index[k] as number;
    if (f < 0 || f >= s1.length) continue;
    const v = (x.value[k] as number) * (s1[f] as number);
    if (v === 0) continue;
    const base = f * H;
    for (let j = 0; j < H; j++) h[j] = (h[j] as number) + v * (q1[base + j] as number);
  }
  const z = Float64Array.from(b2);
  for (let j = 0; j < H; j++) {
    const a = layer.activation === 'relu' ? Math.max(0, h[j] as number) : Math.tanh(h[j] as number);
    if (a === 0) continue;
    const base = j * C;
    for (let c = 0; c < C; c++) z[c] = (z[c] as number) + a * (w2[base + c] as number);
  }
  return softmax(z, 1);
}
