// Reads every `*.yaml` file of a folder through a zod schema, collecting problems instead of
// stopping at the first one (the caller throws them together as one KnowledgeError).
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseDocument } from 'yaml';
import type { ZodError, ZodType } from 'zod';
import type { KnowledgeProblem } from './errors.ts';

export const WHOLE_FILE = '(file)';

export interface YamlFile<T> {
  /** Label for messages, e.g. `errors/port_already_allocated.yaml`. */
  file: string;
  /** File name without `.yaml`. */
  stem: string;
  data: T;
}

/**
 * `what` names the files in messages ("has no *.yaml intent files"); `fields` lists what a file
 * must hold, for the message when it is not a mapping at all.
 */
export function readYamlFolder<T>(
  dir: string,
  schema: ZodType<T>,
  problems: KnowledgeProblem[],
  what: string,
  fields?: string,
): YamlFile<T>[] {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort();
  } catch (err) {
    problems.push({ file: dir, field: WHOLE_FILE, message: `cannot read the folder (${(err as Error).message})` });
    return [];
  }
  if (names.length === 0) problems.push({ file: dir, field: WHOLE_FILE, message: `has no *.yaml ${what} files` });
  const out: YamlFile<T>[] = [];
  for (const name of names) {
    const file = `${basename(dir)}/${name}`;
    const data = readOne(join(dir, name), file, schema, problems, fields);
    if (data !== null) out.push({ file, stem: name.slice(0, -'.yaml'.length), data });
  }
  return out;
}

function readOne<T>(path: string, file: string, schema: ZodType<T>, problems: KnowledgeProblem[], fields?: string): T | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    problems.push({ file, field: WHOLE_FILE, message: `cannot be read (${(err as Error).message})` });
    return null;
  }
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const at = e.linePos?.[0];
      const where = at ? ` at line ${at.line}, column ${at.col}` : '';
      const first = e.message.split('\n')[0] ?? e.message;
      problems.push({ file, field: WHOLE_FILE, message: `YAML syntax error${where}: ${first.replace(/ at line \d+, column \d+:?$/, '')}` });
    }
    return null;
  }
  const raw: unknown = doc.toJS();
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ file, field: WHOLE_FILE, message: fields ? `must be a YAML mapping with ${fields}` : 'must be a YAML mapping' });
    return null;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    problems.push(...zodProblems(file, parsed.error, raw));
    return null;
  }
  return parsed.data;
}

export function zodProblems(file: string, error: ZodError, raw: object): KnowledgeProblem[] {
  const out: KnowledgeProblem[] = [];
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ file, field: field ? `${field}.${key}` : key, message: 'unknown field' });
    } else if (issue.code === 'invalid_type' && valueAt(raw, issue.path) === undefined) {
      out.push({ file, field: field || WHOLE_FILE, message: 'is required' });
    } else {
      out.push({ file, field: field || WHOLE_FILE, message: issue.message });
    }
  }
  return out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}
