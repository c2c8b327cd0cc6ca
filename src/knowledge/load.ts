// Loads and validates the knowledge base: every `*.yaml` in `dir`, one intent per file.
// All problems are collected first and thrown together as one KnowledgeError, so a person
// fixing the files sees the whole list at once instead of one problem per restart.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseDocument } from 'yaml';
import type { Intent, KnowledgeBase } from '../core/ports.ts';
import { KnowledgeError, type KnowledgeProblem } from './errors.ts';
import { crossReferenceProblems } from './references.ts';
import { intentSchema } from './schema.ts';
import { zodProblems } from './yaml-folder.ts';

export { KnowledgeError, type KnowledgeProblem } from './errors.ts';

const FILE = '(file)';

export function loadKnowledge(dir: string): KnowledgeBase {
  const problems: KnowledgeProblem[] = [];
  const label = (f: string) => `${basename(dir)}/${f}`;
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort();
  } catch (err) {
    throw new KnowledgeError([{ file: dir, field: FILE, message: `cannot read the folder (${(err as Error).message})` }]);
  }
  if (files.length === 0) throw new KnowledgeError([{ file: dir, field: FILE, message: 'has no *.yaml intent files' }]);

  const intents: Intent[] = [];
  const fileOf = new Map<string, string>();
  for (const f of files) {
    const intent = readIntent(join(dir, f), label(f), problems);
    if (!intent) continue;
    const expected = f.slice(0, -'.yaml'.length);
    if (intent.id !== expected) {
      problems.push({ file: label(f), field: 'id', message: `"${intent.id}" does not match the file name (expected "${expected}")` });
    }
    const other = fileOf.get(intent.id);
    if (other !== undefined) {
      problems.push({ file: label(f), field: 'id', message: `duplicate id "${intent.id}" (also in ${other})` });
      continue;
    }
    fileOf.set(intent.id, label(f));
    intents.push(intent);
  }

  problems.push(...crossReferenceProblems(intents, fileOf));
  if (problems.length > 0) throw new KnowledgeError(problems);
  const byId = new Map(intents.map((i) => [i.id, i]));
  return { intents, get: (id) => byId.get(id) };
}

function readIntent(path: string, file: string, problems: KnowledgeProblem[]): Intent | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    problems.push({ file, field: FILE, message: `cannot be read (${(err as Error).message})` });
    return null;
  }
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const at = e.linePos?.[0];
      const where = at ? ` at line ${at.line}, column ${at.col}` : '';
      problems.push({
        file,
        field: FILE,
        message: `YAML syntax error${where}: ${firstLine(e.message).replace(/ at line \d+, column \d+:?$/, '')}`,
      });
    }
    return null;
  }
  const raw: unknown = doc.toJS();
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({
      file,
      field: FILE,
      message: 'must be a YAML mapping with id, title, action, area, examples, answer, followups, commands',
    });
    return null;
  }
  const parsed = intentSchema.safeParse(raw);
  if (!parsed.success) {
    problems.push(...zodProblems(file, parsed.error, raw));
    return null;
  }
  return parsed.data;
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
