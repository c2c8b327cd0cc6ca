// The course covers every fact and mistake of the source articles: each is taught in its lesson
// (terms in the text or the task) and asked by at least one quiz question (prompt, choices, why).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/course/load.ts';
import type { Course, QuizQuestion } from '../../src/course/types.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { courseFacts, type CourseFact } from './facts.ts';

const COURSE_DIR = fileURLToPath(new URL('../../course', import.meta.url));
const INTENTS_DIR = fileURLToPath(new URL('../../intents', import.meta.url));

function absent(terms: readonly string[], text: string): string[] {
  const lower = text.toLowerCase();
  return terms.filter((t) => !t.split('|').some((alt) => alt.trim() !== '' && lower.includes(alt.trim().toLowerCase())));
}

const questionText = (q: QuizQuestion) => [q.prompt, ...q.choices.flatMap((c) => [c.text, c.why])].join('\n');

/** Facts not taught by their lesson or asked by no question, described for a person to fix. */
export function uncovered(facts: readonly CourseFact[], course: Course): string[] {
  const misses: string[] = [];
  const questions = course.lessons.flatMap((l) => l.questions);
  for (const f of facts) {
    const lesson = course.lesson(f.lesson);
    if (!lesson) {
      misses.push(`${f.lesson}: no such lesson ("${f.fact}")`);
      continue;
    }
    const notTaught = absent(f.taught, `${lesson.text}\n${lesson.task}`);
    if (notTaught.length > 0) misses.push(`${f.lesson}: "${f.fact}" not taught — missing ${notTaught.map((t) => `"${t}"`).join(', ')}`);
    if (!questions.some((q) => absent(f.asked, questionText(q)).length === 0))
      misses.push(`${f.lesson}: "${f.fact}" asked by no question holding ${f.asked.map((t) => `"${t}"`).join(', ')}`);
  }
  return misses;
}

function linkExists(): (link: string) => boolean {
  const kb = loadKnowledge(INTENTS_DIR);
  return (link) => {
    const [intentId = '', unitId] = link.split('/');
    const intent = kb.get(intentId);
    return intent !== undefined && (unitId === undefined || (intent.units ?? []).some((u) => u.id === unitId));
  };
}

describe('the course', () => {
  const course = loadCourse(COURSE_DIR, linkExists());

  it('has 8 to 10 lessons in a strict order, each with a task and 2-3 questions', () => {
    expect(course.lessons.length).toBeGreaterThanOrEqual(8);
    expect(course.lessons.length).toBeLessThanOrEqual(10);
    expect(course.lessons.map((l) => l.order)).toEqual(course.lessons.map((_, i) => i + 1));
    for (const l of course.lessons) {
      expect(l.task.length, l.id).toBeGreaterThan(10);
      expect(l.questions.length, l.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('explains every choice, and each wrong one differently from the right one', () => {
    for (const q of course.lessons.flatMap((l) => l.questions)) {
      const right = q.choices.find((c) => c.correct);
      expect(right, q.id).toBeDefined();
      for (const c of q.choices.filter((x) => !x.correct)) expect(c.why, q.id).not.toBe(right?.why);
    }
  });

  it('every seed fact and mistake is taught by a lesson and asked by a quiz question', () => {
    const misses = uncovered(courseFacts, course);
    expect(misses, `${misses.length} of ${courseFacts.length} facts not covered:\n${misses.join('\n')}`).toEqual([]);
  });

  it('the check itself reports a fact that is not taught or not asked', () => {
    const fake: CourseFact = { fact: 'x', source: 'long', kind: 'fact', lesson: 'cleanup', taught: ['zebra crossing'], asked: ['giraffe'] };
    expect(uncovered([fake], course)).toEqual([
      'cleanup: "x" not taught — missing "zebra crossing"',
      'cleanup: "x" asked by no question holding "giraffe"',
    ]);
    expect(uncovered([{ ...fake, lesson: 'nope' }], course)).toEqual(['nope: no such lesson ("x")']);
  });
});
