// The trained intent model on disk, so a new process answers without training (~0.5-1 s).
// The file is keyed by a hash of everything that shapes training: the examples and out-of-scope
// sentences, the training settings, the source of every nlu module (the .ts files in a checkout,
// the compiled .js in the image) and the version of `natural` (tokenizer, stemmer). A file with
// another key, or one that is truncated, garbled or the wrong shape, is never trusted: the model
// is trained and the file rewritten. Writes go to a temporary file renamed into place, so two
// processes starting together never read half a file. Where the directory is read-only (the
// container image) a fresh model is still trained and used; a warning says so once.
//
// Format (little-endian): "COACHNLU", u32 header length, JSON header, zero padding to 8 bytes, then
// the body: vocabulary feature hashes (u32 × F), padding to 8, idf (f64 × F), bias (f64 × C),
// weights (f32 × C·F), then, with a hidden layer of H units over I inputs (mlp-int8.ts), its
// first layer's row scales (f32 × I) and weights (i8 × I·H, padded to 4), b1 (f32 × H), w2
// (f32 × H·C) and b2 (f32 × C). The header carries the key, the labels, the known words, the
// hidden layer's shape, the body's size and SHA-256, and the probabilities of a few probe
// sentences, checked again after loading.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  classifierFromModel,
  trainingSettings,
  trainModel,
  type ClassifierOptions,
  type ModelClassifier,
  type TrainedModel,
  type TrainingExample,
} from './classifier.ts';

/** `.cache/model` in the install directory (src/nlu/ and dist/nlu/ are both two levels down). */
export const DEFAULT_MODEL_CACHE_DIR = fileURLToPath(new URL('../../.cache/model', import.meta.url));
export const MODEL_FILE = 'intent-classifier.bin';
const MAGIC = Buffer.from('COACHNLU', 'latin1');
/** Bump when the layout changes (the code hash would catch it too; this says it plainly). */
const FORMAT = 2;

/** Where the cache lives: unset → the default, `off` → no cache, anything else → that folder. */
export function resolveModelCacheDir(setting: string | undefined): string | null {
  if (setting === undefined || setting.trim() === '') return DEFAULT_MODEL_CACHE_DIR;
  if (setting.trim().toLowerCase() === 'off') return null;
  return resolve(setting.trim());
}

export interface ModelCacheLog {
  warn(details: object, message: string): void;
  debug?(details: object, message: string): void;
}

export interface ModelCacheOptions {
  /** The folder; null: always train, never read or write. */
  dir: string | null;
  log?: ModelCacheLog;
  /** The file in `dir` (default MODEL_FILE); each answer-unit model has its own (nlu/units.ts). */
  file?: string;
}

// ---- the key --------------------------------------------------------------------------------

let codeHash: string | undefined;

/** Hash of the nlu modules' own text (whatever this build runs) and of `natural`'s version. */
export function codeFingerprint(): string {
  if (codeHash !== undefined) return codeHash;
  const self = fileURLToPath(import.meta.url);
  const folder = dirname(self);
  const ext = extname(self);
  const h = createHash('sha256');
  for (const name of readdirSync(folder)
    .filter((n) => n.endsWith(ext))
    .sort()) {
    h.update(`${name}\0`)
      .update(readFileSync(join(folder, name)))
      .update('\0');
  }
  const natural = createRequire(import.meta.url).resolve('natural/package.json');
  h.update(`natural@${(JSON.parse(readFileSync(natural, 'utf8')) as { version?: string }).version ?? '?'}`);
  codeHash = h.digest('hex');
  return codeHash;
}

/** The cache key: changes whenever anything that feeds training changes. */
export function modelKey(examples: readonly TrainingExample[], options: ClassifierOptions = {}): string {
  const h = createHash('sha256');
  h.update(JSON.stringify({ format: FORMAT, code: codeFingerprint(), settings: trainingSettings(options) }));
  for (const e of examples) h.update(`\n${e.intent}\t${e.weight ?? 1}\t${e.text}`);
  h.update('\n--out-of-scope--');
  for (const t of options.outOfScope ?? []) h.update(`\n${t}`);
  return h.digest('hex');
}

// ---- probes: the loaded model must answer exactly as the trained one did ---------------------

const PROBES = [
  'what is the difference between containers and images?',
  'how do I delet an imgae',
  'docker run -p 8080:80 nginx:1.25 keeps exiting with code 137',
];

const probeAnswers = (classifier: ModelClassifier): number[][] => PROBES.map((t) => classifier.probabilities(t));

const sameAnswers = (a: number[][], b: number[][]) =>
  a.length === b.length &&
  a.every((row, i) => row.length === b[i]?.length && row.every((p, j) => Math.abs(p - (b[i]?.[j] ?? NaN)) <= 1e-12));

// ---- the file -------------------------------------------------------------------------------

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

interface Decoded {
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

/** Writes to a temporary file in the same folder, then renames: readers see the old or the new file. */
function writeAtomically(file: string, bytes: Buffer): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, bytes, { mode: 0o644 });
    renameSync(temporary, file);
  } catch (err) {
    try {
      unlinkSync(temporary);
    } catch {
      // Never written, or already gone.
    }
    throw err;
  }
}

// ---- load or train --------------------------------------------------------------------------

/** Folders we already warned about, so a read-only cache is reported once per process. */
const warned = new Set<string>();

export interface LoadedClassifier {
  classifier: ModelClassifier;
  from: 'cache' | 'training';
  ms: number;
}

/** The classifier from the cached model when that is valid; otherwise trained, and saved for next time. */
export function loadOrTrainClassifier(
  examples: readonly TrainingExample[],
  options: ClassifierOptions,
  cache: ModelCacheOptions,
): LoadedClassifier {
  const started = performance.now();
  const trained = () => classifierFromModel(trainModel(examples, options), options);
  if (cache.dir === null) return { classifier: trained(), from: 'training', ms: performance.now() - started };
  const file = join(cache.dir, cache.file ?? MODEL_FILE);
  const key = modelKey(examples, options);
  const cached = readCached(file, key, options);
  if (!('problem' in cached)) return { classifier: cached, from: 'cache', ms: performance.now() - started };
  cache.log?.debug?.({ file, problem: cached.problem }, 'training the intent classifier: no usable cached model');
  const model = trainModel(examples, options);
  const classifier = classifierFromModel(model, options);
  try {
    writeAtomically(file, encodeModel(key, model, probeAnswers(classifier)));
  } catch (err) {
    warnOnce(cache, err);
  }
  return { classifier, from: 'training', ms: performance.now() - started };
}

function readCached(file: string, key: string, options: ClassifierOptions): ModelClassifier | { problem: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    return { problem: `unreadable (${(err as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  const decoded = decodeModel(bytes, key);
  if ('problem' in decoded) return decoded;
  try {
    const classifier = classifierFromModel(decoded.model, options);
    // What the key cannot see (a dependency's behaviour) shows here: the answers must not move.
    return sameAnswers(probeAnswers(classifier), decoded.probes) ? classifier : { problem: 'answers differ from when it was saved' };
  } catch (err) {
    return { problem: `unusable (${err instanceof Error ? err.message : String(err)})` };
  }
}

function warnOnce(cache: ModelCacheOptions, err: unknown): void {
  if (cache.dir === null || warned.has(cache.dir)) return;
  warned.add(cache.dir);
  const code = (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
  cache.log?.warn(
    { dir: cache.dir, code },
    'could not save the trained model (set COACH_MODEL_CACHE_DIR to a writable folder); each start will train again',
  );
}
