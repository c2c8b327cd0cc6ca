// The trained intent model as bytes (model-cache.ts keeps it on disk).
//
// Format (little-endian): "COACHNLU", u32 header length, JSON header, zero padding to 8 bytes, then
// the body: vocabulary feature hashes (u32 × F), padding to 8, idf (f64 × F), bias (f64 × C),
// weights (f32 × C·F), then, with a hidden layer of H units over I inputs (mlp-int8.ts), its
// first layer's row scales (f32 × I) and weights (i8 × I·H, padded to 4), b1 (f32 × H), w2
// (f32 × H·C) and b2 (f32 × C). The header carries the key, the labels, the known words, the
// hidden layer's shape, the body's size and SHA-256, and the probabilities of a few probe
// sentences, checked again after loading.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { TrainedModel } from './classifier.ts';

const MAGIC = Buffer.from('COACHNLU', 'latin1');
/** Bump when the layout changes (the code hash would catch it too; this says it plainly). */
export const FORMAT = 2;

const headerSchema = z.object({
  format: z.literal(FORMAT),
  key: z.string().regex(/^[0-9a-f]{64}$/),
  labels: z.array(z.string()).min(1),
  outOfScope: z.boolean(),
  features: z.number().int().min(1),
  known: z.array(z.string()),
  knownStems: z.array(z.string()),
  probes: z.array(z.array(z.number())),
  hiddenLayer: z
    .strictObject({
      inputs: z.number().int().min(1),
      hidden: z.number().int().min(1),
      activation: z.enum(['relu', 'tanh']),
      weight: z.number(),
    })
    .nullable(),
  bodyBytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
type Header = z.infer<typeof headerSchema>;

const align8 = (n: number) => Math.ceil(n / 8) * 8;

/**
 * Byte offsets of the body's sections for F features, C classes and H hidden units (0: none) over
 * `inputs` (the featurizer's size: F, plus any dense sentence-vector dimensions).
 */
function layout(features: number, classes: number, hidden: number, inputs = features) {
  const idf = align8(features * 4);
  const bias = idf + features * 8;
  const weights = bias + classes * 8;
  const s1 = weights + classes * features * 4;
  const q1 = s1 + inputs * 4;
  const b1 = q1 + Math.ceil((inputs * hidden) / 4) * 4;
  const w2 = b1 + hidden * 4;
  const b2 = w2 + hidden * classes * 4;
  return { vocab: 0, idf, bias, weights, s1, q1, b1, w2, b2, end: hidden > 0 ? b2 + classes * 4 : s1 };
}

/** The model as bytes. */
export function encodeModel(key: string, model: TrainedModel, probes: number[][]): Buffer {
  const F = model.featurizer.vocab.length;
  const C = model.labels.length;
  const mlp = model.mlp;
  const inputs = mlp ? mlp.layer.s1.length : F;
  const at = layout(F, C, mlp?.layer.hidden ?? 0, inputs);
  const body = Buffer.alloc(at.end);
  const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  bytes(model.featurizer.vocab).copy(body, at.vocab);
  bytes(model.featurizer.idf).copy(body, at.idf);
  bytes(model.bias).copy(body, at.bias);
  bytes(model.weights).copy(body, at.weights);
  if (mlp) {
    bytes(mlp.layer.s1).copy(body, at.s1);
    bytes(mlp.layer.q1).copy(body, at.q1);
    bytes(mlp.layer.b1).copy(body, at.b1);
    bytes(mlp.layer.w2).copy(body, at.w2);
    bytes(mlp.layer.b2).copy(body, at.b2);
  }
  const header: Header = {
    format: FORMAT,
    key,
    labels: model.labels,
    outOfScope: model.outOfScope,
    features: F,
    known: model.featurizer.known,
    knownStems: model.featurizer.knownStems,
    probes,
    hiddenLayer: mlp ? { inputs, hidden: mlp.layer.hidden, activation: mlp.layer.activation, weight: mlp.weight } : null,
    bodyBytes: body.length,
    sha256: createHash('sha256').update(body).digest('hex'),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const head = Buffer.alloc(align8(MAGIC.length + 4 + json.length));
  MAGIC.copy(head, 0);
  head.writeUInt32LE(json.length, MAGIC.length);
  json.copy(head, MAGIC.length + 4);
  return Buffer.concat([head, body]);
}

export interface Decoded {
  model: TrainedModel;
  /** The probe sentences' probabilities when the model was saved. */
  probes: number[][];
}

/** The model in `bytes` if it is whole, the right shape and has `key`; else what is wrong. */
export function decodeModel(bytes: Buffer, key: string): Decoded | { problem: string } {
  if (bytes.length < MAGIC.length + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return { problem: 'not a model file' };
  const jsonLength = bytes.readUInt32LE(MAGIC.length);
  const bodyStart = align8(MAGIC.length + 4 + jsonLength);
  if (bodyStart > bytes.length) return { problem: 'truncated header' };
  let header: Header;
  try {
    const parsed = headerSchema.safeParse(JSON.parse(bytes.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + jsonLength)));
    if (!parsed.success) return { problem: 'unexpected header' };
    header = parsed.data;
  } catch {
    return { problem: 'garbled header' };
  }
  if (header.key !== key) return { problem: 'stale (trained on other data or code)' };
  const F = header.features;
  const C = header.labels.length;
  const hidden = header.hiddenLayer;
  const at = layout(F, C, hidden?.hidden ?? 0, hidden?.inputs);
  const body = bytes.subarray(bodyStart);
  if (body.length !== header.bodyBytes || body.length !== at.end) return { problem: 'wrong size' };
  if (createHash('sha256').update(body).digest('hex') !== header.sha256) return { problem: 'checksum mismatch' };
  // Copies, so each array starts on its own aligned buffer whatever the Buffer's offset.
  const section = (from: number, to: number) => body.buffer.slice(body.byteOffset + from, body.byteOffset + to);
  const model: TrainedModel = {
    labels: header.labels,
    outOfScope: header.outOfScope,
    featurizer: {
      vocab: new Uint32Array(section(at.vocab, at.vocab + F * 4)),
      idf: new Float64Array(section(at.idf, at.bias)),
      known: header.known,
      knownStems: header.knownStems,
    },
    bias: new Float64Array(section(at.bias, at.weights)),
    weights: new Float32Array(section(at.weights, at.s1)),
  };
  if (hidden) {
    const layer = {
      hidden: hidden.hidden,
      activation: hidden.activation,
      s1: new Float32Array(section(at.s1, at.q1)),
      q1: new Int8Array(section(at.q1, at.q1 + hidden.inputs * hidden.hidden)),
      b1: new Float32Array(section(at.b1, at.w2)),
      w2: new Float32Array(section(at.w2, at.b2)),
      b2: new Float32Array(section(at.b2, at.end)),
    };
    model.mlp = { layer, weight: hidden.weight };
  }
  return { model, probes: header.probes };
}
