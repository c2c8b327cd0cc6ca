// `coach learn` and `coach report --learning` through the real composition root (main.ts's run())
// on an embedded store in a temporary folder: each command opens and closes the store, so every
// command after the first is a restart that must keep progress.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import { cleanEnv } from '../helpers/spawn.ts';
import { realCourse, rightChoice, wrongChoice } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'coach-learn-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const env = cleanEnv({ COACH_DATA_DIR: dir });
const coach = (...argv: string[]) => runMain(argv, { env });
const first = () => realCourse().lessons[0]!;

describe('coach learn', () => {
  it('prints the first lesson, its task and the first question with numbered choices', async () => {
    const r = await coach('learn', '--user', 'alice');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const q = first().questions[0]!;
    expect(r.stdout).toContain(`Lesson 1 of ${realCourse().lessons.length}: ${first().title}`);
    expect(r.stdout).toContain(`Try it: ${first().task}`);
    expect(r.stdout).toContain(`Question 1 of ${first().questions.length}: ${q.prompt}`);
    for (const [i, c] of q.choices.entries()) expect(r.stdout).toContain(`  ${i + 1}. ${c.text}\n`);
  });

  it('records and explains an answer, and shows the next question (after a restart)', async () => {
    const q = first().questions[0]!;
    const wrong = await coach('learn', '--user', 'alice', '--answer', String(wrongChoice(q)));
    expect(wrong.code).toBe(0);
    expect(wrong.stdout).toContain(`Not quite. "${q.choices[wrongChoice(q) - 1]!.text}": ${q.choices[wrongChoice(q) - 1]!.why}`);
    expect(wrong.stdout).toContain(`The answer is "${q.choices[rightChoice(q) - 1]!.text}"`);
    expect(wrong.stdout).toContain(`Question 2 of ${first().questions.length}: ${first().questions[1]!.prompt}`);
    const q2 = first().questions[1]!;
    const right = await coach('learn', '--user', 'alice', '--answer', String(rightChoice(q2)));
    expect(right.stdout).toContain(`Right! ${q2.choices[rightChoice(q2) - 1]!.why}`);
  });

  it('prints progress as JSON with exactly the documented fields', async () => {
    const r = await coach('learn', '--user', 'alice', '--progress', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      user: 'alice',
      lessonsDone: 0,
      lessonsTotal: realCourse().lessons.length,
      quizAnswered: 2,
      quizCorrect: 1,
    });
    const other = await coach('learn', '--user', 'bob', '--progress', '--json');
    expect(JSON.parse(other.stdout)).toMatchObject({ user: 'bob', quizAnswered: 0 });
  });

  it('takes the task on the person’s word, stops reminders, and previews without recording', async () => {
    expect((await coach('learn', '--user', 'alice', '--done')).stdout).toContain('Task of lesson 1 done.');
    expect((await coach('learn', '--user', 'alice', '--stop')).stdout).toContain('No more reminders for alice');
    const preview = await coach('learn', '--preview');
    expect(preview.stdout).toContain(`Lesson 1 of ${realCourse().lessons.length}`);
  });

  it('explains bad usage with exit code 2', async () => {
    expect(await coach('learn')).toMatchObject({ code: 2, stderr: expect.stringContaining('learn needs --user NAME') });
    expect(await coach('learn', '--user', 'a', '--answer', 'two')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--answer must be a choice number'),
    });
    expect(await coach('learn', '--user', 'a', '--answer', '1', '--stop')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('choose one of'),
    });
    // `coach report` alone is the learning loop's report (test/app/learning.test.ts); --learning the course's.
    expect(await coach('report', '--learning', 'extra')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('report takes no arguments'),
    });
  });
});

describe('coach report --learning', () => {
  it('prints the scorecard with per-question accuracy and a row per person', async () => {
    const json = await coach('report', '--learning', '--json');
    expect(json.code).toBe(0);
    const r = JSON.parse(json.stdout) as {
      started: number;
      finished: number;
      questions: { question: string; answered: number; correct: number }[];
      people: { user: string }[];
    };
    // bob only asked for his progress: that does not enrol him.
    expect(r).toMatchObject({ started: 1, finished: 0, medianDaysToFinish: null });
    expect(r.questions.find((q) => q.question === first().questions[0]!.id)).toMatchObject({ answered: 1, correct: 0, accuracy: 0 });
    expect(r.people.map((p) => p.user)).toEqual(['cli:alice']);
    const plain = await coach('report', '--learning');
    expect(plain.stdout).toMatch(/Started: 1 {3}Finished: 0 {3}Median time to finish: -/);
    expect(plain.stdout).toMatch(new RegExp(`\\n {4}0% {8}1  ${first().questions[0]!.id}\\n`));
    expect(plain.stdout).toContain('cli:alice (no reminders)');
  });
});
