// INTERIM (to be replaced by the full loader with zod schema and all-problems reporting).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Intent, KnowledgeBase } from '../core/ports.ts';

export function loadKnowledge(dir: string): KnowledgeBase {
  const intents: Intent[] = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => parse(readFileSync(join(dir, f), 'utf8')) as Intent);
  const byId = new Map(intents.map((i) => [i.id, i]));
  return { intents, get: (id) => byId.get(id) };
}
