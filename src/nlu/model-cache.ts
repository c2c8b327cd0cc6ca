// The trained intent model on disk, so a new process answers without training (~0.5-1 s).
// The file is keyed by a hash of everything that shapes training: the examples and out-of-scope
// sentences, the training settings, the source of every nlu module (the .ts files in a checkout,
// the compiled .js in the image) and the version of `natural` (tokenizer, stemmer). A file with
// another key, or one that is truncated, garbled or the wrong shape, is never trusted: the model
// is trained and the file rewritten. Writes go to a temporary file renamed into place, so two
// processes starting together never read half a file. Where the directory is read-only (the
// container image) a fresh model is still trained and used; a warning says so once. The file's
// bytes (layout, header, checksum) are model-file.ts.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  classifierFromModel,
  trainingSettings,
  trainModel,
  type ClassifierOptions,
  type ModelClassifier,
  type TrainingExample,
} from './classifier.ts';
import { decodeModel, encodeModel, FORMAT } from './model-file.ts';

/** `.cache/model` in the install directory (src/nlu/ and dist/nlu/ are both two levels down). */
export const DEFAULT_MODEL_CACHE_DIR = fileURLToPath(new URL('../../.cache/model', import.meta.url));
export const MODEL_FILE = 'intent-classifier.bin';

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
