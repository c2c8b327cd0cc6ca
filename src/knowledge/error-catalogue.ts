// Loads the Docker error-message catalogue, `errors/<id>.yaml`, one entry per file, and checks
// it as strictly as the intents: every problem is reported at once, naming file and field.
// Signatures may use only bounded quantifiers (`{m,n}`), so matching a long paste stays linear.
import { z } from 'zod';
import type { ErrorCatalogue, ErrorEntry } from '../core/error-catalogue.ts';
import { KnowledgeError, type KnowledgeProblem } from './errors.ts';
import { readYamlFolder } from './yaml-folder.ts';

const PLACEHOLDER = /\{([a-z_]+)(?:\|([^{}\n]*))?\}/g;

const text = z.string().trim().min(1, 'must not be empty');

const entrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9_]+$/, 'must be lowercase letters, digits and _'),
  title: text.max(80, 'must be at most 80 characters'),
  intent: z.string().regex(/^[a-z]+\.[a-z_]+$/, 'is not an intent id'),
  unit: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, 'is not a unit id')
    .optional(),
  priority: z.number().int().min(-5).max(5).default(0),
  signatures: z.array(text, 'must be a list of patterns').min(1, 'must have at least one pattern'),
  cause: text,
  fix: text,
  examples: z.array(text, 'must be a list of strings').min(2, 'must have at least two real examples'),
});

type EntryFile = z.infer<typeof entrySchema>;

/**
 * `knownIntents`: the intent ids an entry may name; `knownUnits`: the full unit ids
 * (`<intent>/<unit>`, borrowed ones included) an entry's `unit` may name under its intent.
 */
export function loadErrorCatalogue(dir: string, knownIntents?: ReadonlySet<string>, knownUnits?: ReadonlySet<string>): ErrorCatalogue {
  const problems: KnowledgeProblem[] = [];
  const files = readYamlFolder(dir, entrySchema, problems, 'error');
  const entries: ErrorEntry[] = [];
  const seen = new Set<string>();
  for (const { file, stem, data } of files) {
    if (data.id !== stem) problems.push({ file, field: 'id', message: `"${data.id}" does not match the file name (expected "${stem}")` });
    if (seen.has(data.id)) problems.push({ file, field: 'id', message: `duplicate id "${data.id}"` });
    seen.add(data.id);
    if (knownIntents && !knownIntents.has(data.intent))
      problems.push({ file, field: 'intent', message: `unknown intent id "${data.intent}"` });
    if (data.unit !== undefined && knownUnits && !knownUnits.has(`${data.intent}/${data.unit}`))
      problems.push({ file, field: 'unit', message: `${data.intent} has no unit "${data.unit}"` });
    const signatures = compileSignatures(data, file, problems);
    checkPlaceholders(data, signatures, file, problems);
    entries.push({ ...data, signatures });
  }
  if (problems.length > 0) throw new KnowledgeError(problems);
  const byId = new Map(entries.map((e) => [e.id, e]));
  return { entries, get: (id) => byId.get(id) };
}

function compileSignatures(data: EntryFile, file: string, problems: KnowledgeProblem[]): RegExp[] {
  const out: RegExp[] = [];
  data.signatures.forEach((source, i) => {
    const field = `signatures.${i}`;
    if (hasUnboundedQuantifier(source)) {
      problems.push({ file, field, message: 'uses * or + (only bounded quantifiers such as {1,200} are allowed)' });
      return;
    }
    let re: RegExp;
    try {
      re = new RegExp(source, 'i');
    } catch (err) {
      problems.push({ file, field, message: `is not a valid pattern (${(err as Error).message})` });
      return;
    }
    if (re.test('')) problems.push({ file, field, message: 'matches an empty message' });
    else out.push(re);
  });
  return out;
}

/** `*`, `+` or `{n,}` outside a character class and not escaped. */
function hasUnboundedQuantifier(source: string): boolean {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '*' || c === '+') return true;
    else if (c === '{' && /^\{\d+,\}/.test(source.slice(i))) return true;
  }
  return false;
}

/** A value used without a fallback must be captured by every signature, or the answer would show `{name}`. */
function checkPlaceholders(data: EntryFile, signatures: RegExp[], file: string, problems: KnowledgeProblem[]): void {
  for (const field of ['cause', 'fix'] as const) {
    for (const m of data[field].matchAll(PLACEHOLDER)) {
      const [whole, name, fallback] = m;
      if (fallback !== undefined || !name) continue;
      const missing = signatures.filter((re) => !re.source.includes(`(?<${name}>`));
      if (missing.length > 0)
        problems.push({ file, field, message: `${whole} has no fallback and not every signature captures "${name}"` });
    }
  }
}
