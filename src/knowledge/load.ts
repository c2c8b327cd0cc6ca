// Loads and validates the knowledge base: every `*.yaml` in `dir`, one intent per file.
// All problems are collected first and thrown together as one KnowledgeError, so a person
// fixing the files sees the whole list at once instead of one problem per restart.
import type { Intent, KnowledgeBase } from '../core/ports.ts';
import { KnowledgeError, type KnowledgeProblem } from './errors.ts';
import { crossReferenceProblems } from './references.ts';
import { intentSchema, type IntentFile } from './schema.ts';
import { resolveUnitRefs } from './unit-refs.ts';
import { readYamlFolder } from './yaml-folder.ts';

export { KnowledgeError, type KnowledgeProblem } from './errors.ts';

export function loadKnowledge(dir: string): KnowledgeBase {
  const problems: KnowledgeProblem[] = [];
  const files = readYamlFolder(dir, intentSchema, problems, 'intent', 'id, title, examples, answer, followups, commands');
  if (files.length === 0 && problems.length > 0) throw new KnowledgeError(problems);

  const read: IntentFile[] = [];
  const fileOf = new Map<string, string>();
  for (const { file, stem, data: intent } of files) {
    if (intent.id !== stem) {
      problems.push({ file, field: 'id', message: `"${intent.id}" does not match the file name (expected "${stem}")` });
    }
    const other = fileOf.get(intent.id);
    if (other !== undefined) {
      problems.push({ file, field: 'id', message: `duplicate id "${intent.id}" (also in ${other})` });
      continue;
    }
    fileOf.set(intent.id, file);
    read.push(intent);
  }

  const intents: Intent[] = resolveUnitRefs(read, fileOf, problems);
  problems.push(...crossReferenceProblems(intents, fileOf));
  if (problems.length > 0) throw new KnowledgeError(problems);
  const byId = new Map(intents.map((i) => [i.id, i]));
  return { intents, get: (id) => byId.get(id) };
}
