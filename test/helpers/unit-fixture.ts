// A copy of intents/ whose only answer units are the fixture's (test/fixtures/units/): the unit
// picker's tests measure the machinery on units they own, whatever the real files hold.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { unitAnswer } from '../../src/core/answers.ts';
import type { KnowledgeBase, Nlu } from '../../src/core/ports.ts';
import { emptyEntities, type Answer } from '../../src/core/types.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { INTENTS_DIR, readyNlu } from './bot.ts';

export const UNIT_FIXTURES = fileURLToPath(new URL('../fixtures/units', import.meta.url));

export interface UnitCase {
  text: string;
  /** `<intent>/<unit>`, or `<intent>` when the article is the right answer. */
  expect: string;
}

export function unitEvalSet(): UnitCase[] {
  return parse(readFileSync(join(UNIT_FIXTURES, 'eval.yaml'), 'utf8')) as UnitCase[];
}

/** The NLU of the fixture's knowledge base, ready, its models in a folder of the run's model cache (trained once per run). */
export function fixtureNlu(kb: KnowledgeBase): Nlu {
  return readyNlu(kb, 'fixture-units');
}

/** Writes the copy into a new temporary folder; `remove()` deletes it. */
export function intentsWithFixtureUnits(): { dir: string; kb: KnowledgeBase; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'coach-units-'));
  const dir = join(root, 'intents');
  cpSync(INTENTS_DIR, dir, { recursive: true });
  const fixtures = new Map(
    readdirSync(UNIT_FIXTURES)
      .filter((f) => f.endsWith('.yaml') && f !== 'eval.yaml')
      .map((f) => [f, parse(readFileSync(join(UNIT_FIXTURES, f), 'utf8')) as unknown[]]),
  );
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
    const data = parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
    delete data['units'];
    const units = fixtures.get(file);
    if (units) data['units'] = units;
    writeFileSync(join(dir, file), stringify(data, { lineWidth: 0 }));
  }
  return {
    dir,
    kb: loadKnowledge(dir),
    remove: () => {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * The first fixture unit of concept.persistence answered, carrying `count` copies of one finding (a
 * paste read beside the question), for the adapters' short-answer rendering.
 */
export function unitAnswerWithFindings(kb: KnowledgeBase, summary: string, count: number): Answer {
  const intent = kb.get('concept.persistence');
  const unit = intent?.units?.[0];
  if (!intent || !unit) throw new Error('fixture unit missing');
  const a = unitAnswer(kb, intent, unit, 0.9, emptyEntities());
  a.findings = Array.from({ length: count }, () => ({
    code: 'exited',
    severity: 'warning' as const,
    subject: 'api',
    summary,
    evidence: { exitCode: 1 },
    fix: ['docker logs api'],
  }));
  return a;
}
