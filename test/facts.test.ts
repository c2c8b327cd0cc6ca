// The knowledge base covers every fact of the two source articles: each fact's key terms
// appear (case-insensitive; `a|b` means either) in the answer of the intent that should hold it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Intent, Unit } from '../src/core/ports.ts';
import { missingIntentIds } from '../src/knowledge/catalogue.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { facts as concepts } from './facts/concepts.ts';
import { facts as diagnoseMeta } from './facts/diagnose-meta.ts';
import { facts as mistakesCommands } from './facts/mistakes-commands.ts';
import type { Fact } from './facts/types.ts';
import { fillPlaceholders } from '../src/core/placeholders.ts';
import { emptyEntities } from '../src/core/types.ts';

const INTENTS_DIR = fileURLToPath(new URL('../intents', import.meta.url));
const all: Fact[] = [...concepts, ...mistakesCommands, ...diagnoseMeta];

/** Every fact that is not (fully) in its intent's answer, described for a person to fix. */
function missingFacts(facts: readonly Fact[], get: (id: string) => Intent | undefined): string[] {
  const misses: string[] = [];
  for (const f of facts) {
    const intent = get(f.intent);
    if (!intent) {
      misses.push(`${f.intent}: no such intent (fact: "${f.fact}")`);
      continue;
    }
    const answer = intent.answer.toLowerCase();
    const absent = f.terms.filter((t) => !t.split('|').some((alt) => alt.trim() !== '' && answer.includes(alt.trim().toLowerCase())));
    if (absent.length > 0) misses.push(`${f.intent}: "${f.fact}" — missing ${absent.map((t) => `"${t}"`).join(', ')}`);
  }
  return misses;
}

/** Terms of `terms` absent from `text` (case-insensitive; `a|b` means either). */
function absentTerms(terms: readonly string[], text: string): string[] {
  const lower = text.toLowerCase();
  return terms.filter((t) => !t.split('|').some((alt) => alt.trim() !== '' && lower.includes(alt.trim().toLowerCase())));
}

/** A unit of the intent's raw file: its own, or one it borrows with `- ref: <owner>/<id>`. */
function unitIn(get: (id: string) => Intent | undefined, intent: string, unitId: string): Unit | undefined {
  const entries = (get(intent)?.units ?? []) as (Unit | { ref: string })[];
  const own = entries.find((u): u is Unit => 'id' in u && u.id === unitId);
  if (own) return own;
  const ref = entries.find((u): u is { ref: string } => 'ref' in u && u.ref.endsWith(`/${unitId}`));
  const [owner = ''] = ref?.ref.split('/') ?? [];
  return ref && owner !== intent ? unitIn(get, owner, unitId) : undefined;
}

/** Facts whose answer unit is missing or does not hold them (answer plus command). */
function missingInUnits(facts: readonly Fact[], get: (id: string) => Intent | undefined): string[] {
  const misses: string[] = [];
  for (const f of facts) {
    if (f.unit === undefined) {
      misses.push(`${f.intent}: "${f.fact}" — names no unit`);
      continue;
    }
    const unit = unitIn(get, f.intent, f.unit);
    if (!unit) {
      misses.push(`${f.intent}/${f.unit}: no such unit (fact: "${f.fact}")`);
      continue;
    }
    // As shown to someone who named nothing: `<container:web>` reads `web`.
    const shown = fillPlaceholders(`${unit.answer}\n${unit.command ?? ''}`, emptyEntities());
    const absent = absentTerms(f.terms, shown);
    if (absent.length > 0) misses.push(`${f.intent}/${f.unit}: "${f.fact}" — missing ${absent.map((t) => `"${t}"`).join(', ')}`);
  }
  return misses;
}

/** Answers read straight from the files, so the checklist reports misses even while some file is invalid. */
function rawAnswers(): Map<string, Intent> {
  const out = new Map<string, Intent>();
  for (const f of readdirSync(INTENTS_DIR).filter((n) => n.endsWith('.yaml'))) {
    try {
      const doc = parse(readFileSync(join(INTENTS_DIR, f), 'utf8')) as Partial<Intent> | null;
      if (doc && typeof doc.id === 'string' && typeof doc.answer === 'string') out.set(doc.id, doc as Intent);
    } catch {
      // a syntax error is reported by the validation test below
    }
  }
  return out;
}

describe('facts checklist', () => {
  it('all 35 catalogue intents exist and validate', () => {
    const kb = loadKnowledge(INTENTS_DIR); // a KnowledgeError lists every problem
    expect(missingIntentIds(kb.intents.map((i) => i.id))).toEqual([]);
  });

  it('the checklist is well formed', () => {
    expect(all.length).toBeGreaterThan(0);
    for (const f of all) {
      expect(f.terms.length, f.fact).toBeGreaterThan(0);
      expect(['long', 'short', 'both'], f.fact).toContain(f.source);
    }
  });

  it('every fact is held by the answer of its intent', () => {
    const answers = rawAnswers();
    const misses = missingFacts(all, (id) => answers.get(id));
    expect(misses, `${misses.length} of ${all.length} facts missing:\n${misses.join('\n')}`).toEqual([]);
  });

  // One check per checklist file, so the people filling in one file see their own misses.
  it.each([
    ['concepts', concepts],
    ['mistakes-commands', mistakesCommands],
    ['diagnose-meta', diagnoseMeta],
  ] as const)('every fact of %s is held by a direct answer unit too', (_name, facts) => {
    const answers = rawAnswers();
    const misses = missingInUnits(facts, (id) => answers.get(id));
    expect(misses, `${misses.length} of ${facts.length} facts not in a unit:\n${misses.join('\n')}`).toEqual([]);
  });
});

describe('missingFacts', () => {
  const intent: Intent = {
    id: 'a.b',
    title: 't',
    examples: [],
    answer: 'An image is a Read-Only blueprint.',
    followups: [],
    commands: [],
    action: 'article',
    area: 'concept',
  };
  const get = (id: string) => (id === 'a.b' ? intent : undefined);
  it('matches case-insensitively with alternatives and reports misses with the fact', () => {
    expect(missingFacts([{ fact: 'f1', source: 'long', intent: 'a.b', terms: ['read-only', 'mould|blueprint'] }], get)).toEqual([]);
    expect(missingFacts([{ fact: 'f2', source: 'long', intent: 'a.b', terms: ['cake', 'image'] }], get)).toEqual([
      'a.b: "f2" — missing "cake"',
    ]);
    expect(missingFacts([{ fact: 'f3', source: 'short', intent: 'x.y', terms: ['z'] }], get)).toEqual(['x.y: no such intent (fact: "f3")']);
  });

  it('checks a fact against its unit, and reports a fact without a unit', () => {
    const withUnit: Intent = {
      ...intent,
      units: [{ id: 'u', question: 'q', answer: 'A read-only thing.', command: 'docker run', examples: [] }],
    };
    const getU = (id: string) => (id === 'a.b' ? withUnit : undefined);
    expect(missingInUnits([{ fact: 'f', source: 'long', intent: 'a.b', unit: 'u', terms: ['read-only', 'docker run'] }], getU)).toEqual([]);
    expect(missingInUnits([{ fact: 'g', source: 'long', intent: 'a.b', unit: 'u', terms: ['cake'] }], getU)).toEqual([
      'a.b/u: "g" — missing "cake"',
    ]);
    expect(missingInUnits([{ fact: 'h', source: 'long', intent: 'a.b', terms: ['x'] }], getU)).toEqual(['a.b: "h" — names no unit']);
    expect(missingInUnits([{ fact: 'i', source: 'long', intent: 'a.b', unit: 'zz', terms: ['x'] }], getU)).toEqual([
      'a.b/zz: no such unit (fact: "i")',
    ]);
  });
});
