// The onboarding flow on the real embedded store: lessons in order, quiz answers checked and
// explained, wrong answers back on a later day, one lesson a day from the join date, progress,
// opting out, one reminder at most (across replicas), read-only task checks, the scorecard.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { learningReport } from '../../src/course/report.ts';
import { courseProgressFor } from '../../src/store/course-store.ts';
import { containerNamed, fakeHost, imageNamed } from '../helpers/fake-host.ts';
import { courseBed, DAY, realCourse, rightChoice, T0, wrongChoice, type CourseBed } from './helpers.ts';

let bed: CourseBed;
beforeEach(async () => {
  bed = await courseBed();
});
afterEach(async () => {
  await bed.close();
});

const lessons = () => realCourse().lessons;

describe('the course flow', () => {
  it('starts with lesson 1: its text, task and first question', async () => {
    const step = await bed.flow.next('cli:alice', 'cli');
    const first = lessons()[0]!;
    expect(step).toEqual({ kind: 'lesson', lesson: first, question: first.questions[0], intro: true });
  });

  it('checks and explains an answer, records it, and moves to the next question', async () => {
    await bed.flow.next('cli:alice', 'cli');
    const q = lessons()[0]!.questions[0]!;
    const r = await bed.flow.answer('cli:alice', 'cli', wrongChoice(q));
    expect(r).toMatchObject({
      kind: 'answered',
      correct: false,
      chosen: q.choices[wrongChoice(q) - 1],
      right: q.choices[rightChoice(q) - 1],
    });
    if (r.kind !== 'answered') throw new Error('not answered');
    expect(r.next).toMatchObject({ kind: 'lesson', question: { id: lessons()[0]!.questions[1]!.id }, intro: false });
    expect(await bed.flow.progress('cli:alice')).toMatchObject({ lessonsDone: 0, quizAnswered: 1, quizCorrect: 0 });
  });

  it('brings a wrong answer back on a later day, and opens the next lesson one day after the join date', async () => {
    const [l1, l2] = lessons();
    for (const q of l1!.questions) await bed.flow.answer('cli:bob', 'cli', q === l1!.questions[0] ? wrongChoice(q) : rightChoice(q), q.id);
    // Same day: the missed question is not asked again yet, and lesson 2 is not open yet.
    expect(await bed.flow.next('cli:bob', 'cli')).toEqual({ kind: 'wait', lesson: l2, opensAt: T0 - (T0 % DAY) + DAY });
    bed.clock.now = T0 + DAY;
    const review = await bed.flow.next('cli:bob', 'cli');
    expect(review).toMatchObject({ kind: 'review', question: { id: l1!.questions[0]!.id } });
    const r = await bed.flow.answer('cli:bob', 'cli', rightChoice(l1!.questions[0]!));
    expect(r).toMatchObject({
      kind: 'answered',
      correct: true,
      lessonDone: true,
      next: { kind: 'lesson', lesson: { id: l2!.id }, intro: true },
    });
    expect(await bed.flow.progress('cli:bob')).toMatchObject({ lessonsDone: 1, quizAnswered: l1!.questions.length + 1 });
  });

  it('answers a button for any question of the course, and refuses unknown questions and choices', async () => {
    const q = lessons()[3]!.questions[1]!;
    expect(await bed.flow.answer('slack:U1', 'slack', rightChoice(q), q.id)).toMatchObject({ kind: 'answered', correct: true });
    expect(await bed.flow.answer('slack:U1', 'slack', 1, 'nope/q')).toEqual({ kind: 'unknown_question' });
    expect(await bed.flow.answer('slack:U1', 'slack', 9, q.id)).toMatchObject({ kind: 'bad_choice' });
    expect(await bed.flow.answer('slack:U1', 'slack', 0, q.id)).toMatchObject({ kind: 'bad_choice' });
    expect((await bed.flow.progress('slack:U1')).quizAnswered).toBe(1);
  });

  it('finishes when every question has been answered right, one lesson a day', async () => {
    for (const [i, l] of lessons().entries()) {
      bed.clock.now = T0 + i * DAY;
      for (const q of l.questions) await bed.flow.answer('cli:carol', 'cli', rightChoice(q), q.id);
    }
    expect(await bed.flow.next('cli:carol', 'cli')).toEqual({ kind: 'finished' });
    expect(await bed.flow.progress('cli:carol')).toMatchObject({ lessonsDone: lessons().length, finished: true });
  });

  it('keeps progress across a restart and shares it with another replica', async () => {
    const q = lessons()[0]!.questions[0]!;
    await bed.flow.answer('cli:dan', 'cli', rightChoice(q));
    await bed.restart();
    expect(await bed.flow.progress('cli:dan')).toMatchObject({ quizAnswered: 1, quizCorrect: 1 });
    const other = await bed.replica();
    try {
      expect(await other.flow.next('cli:dan', 'cli')).toMatchObject({ kind: 'lesson', question: { id: lessons()[0]!.questions[1]!.id } });
    } finally {
      await other.close();
    }
  });
});

describe('the one reminder', () => {
  it('comes after the inactive days, once, from exactly one of two replicas, never after opting out', async () => {
    await bed.flow.next('slack:U1', 'slack');
    await bed.flow.next('slack:U2', 'slack');
    await bed.flow.stop('slack:U2', 'slack');
    bed.clock.now = T0 + 2 * DAY;
    expect(await bed.flow.dueNudges()).toEqual([]);
    bed.clock.now = T0 + 3 * DAY;
    const other = await bed.replica();
    try {
      const [a, b] = await Promise.all([bed.flow.dueNudges(), other.flow.dueNudges()]);
      expect([...a, ...b]).toEqual([{ user: 'slack:U1', platform: 'slack', lesson: lessons()[0] }]);
    } finally {
      await other.close();
    }
    bed.clock.now = T0 + 30 * DAY;
    expect(await bed.flow.dueNudges()).toEqual([]);
  });

  it('counts from when the next lesson opened (join date), not only from the last activity', async () => {
    const l1 = lessons()[0]!;
    for (const q of l1.questions) await bed.flow.answer('slack:U3', 'slack', rightChoice(q), q.id);
    bed.clock.now = T0 + 3 * DAY; // lesson 2 opened on day 1: only 2 full days since
    expect(await bed.flow.dueNudges()).toEqual([]);
    bed.clock.now = T0 - (T0 % DAY) + 4 * DAY;
    expect(await bed.flow.dueNudges()).toMatchObject([{ user: 'slack:U3', lesson: { id: lessons()[1]!.id } }]);
  });
});

describe('practice tasks', () => {
  const lesson1 = () => lessons()[0]!;
  it('are checked read-only on the host: present means done, missing says what is missing', async () => {
    const good = fakeHost({
      images: [imageNamed('hello', 1, { tags: ['hello:1'] })],
      containers: [containerNamed('hello-1', 1, { image: 'hello:1' })],
    });
    expect(await bed.flow.confirmTask('slack:U1', 'slack', lesson1().id, good)).toMatchObject({ kind: 'confirmed', how: 'host' });
    expect(good.calls.sort()).toEqual(['listContainers --all', 'listImages']);
    const empty = fakeHost();
    const r = await bed.flow.confirmTask('slack:U2', 'slack', lesson1().id, empty);
    expect(r).toMatchObject({ kind: 'not_yet', missing: [expect.stringContaining('hello:1'), expect.stringContaining('hello-1')] });
    expect((await bed.flow.progress('slack:U2')).tasksDone).toBe(0);
    expect((await bed.flow.progress('slack:U1')).tasksDone).toBe(1);
  });

  it('notice a container started from another image, and a container that should be gone', async () => {
    const host = fakeHost({
      images: [imageNamed('hello', 1, { tags: ['hello:1'] })],
      containers: [containerNamed('hello-1', 1, { image: 'busybox' })],
    });
    expect(await bed.flow.confirmTask('slack:U1', 'slack', lesson1().id, host)).toMatchObject({
      kind: 'not_yet',
      missing: ['`hello-1` was started from `busybox`, not `hello:1`'],
    });
    const cleanup = lessons().find((l) => l.check?.absentContainer)!;
    expect(await bed.flow.confirmTask('slack:U1', 'slack', cleanup.id, host)).toMatchObject({
      kind: 'not_yet',
      missing: [expect.stringContaining('still there')],
    });
  });

  it('are taken on the person’s word when no host may be used', async () => {
    expect(await bed.flow.confirmTask('cli:erin', 'cli', lesson1().id, null)).toMatchObject({ kind: 'confirmed', how: 'self' });
    expect(await bed.flow.confirmTask('cli:erin', 'cli', 'nope', null)).toEqual({ kind: 'unknown_lesson' });
  });
});

describe('the scorecard', () => {
  it('counts who started and finished, the median days to finish, accuracy per question (most missed first), people for admins', async () => {
    const q = lessons()[0]!.questions[0]!;
    for (const [who, startDay, days] of [
      ['a', 0, 9],
      ['b', 1, 11],
    ] as const) {
      for (const [i, l] of lessons().entries()) {
        bed.clock.now = T0 + (startDay + (i === lessons().length - 1 ? days - 1 : i)) * DAY;
        for (const x of l.questions) await bed.flow.answer(`cli:${who}`, 'cli', rightChoice(x), x.id);
      }
    }
    bed.clock.now = T0;
    await bed.flow.answer('cli:c', 'cli', wrongChoice(q), q.id);
    const now = T0 + 20 * DAY;
    const plain = await learningReport(realCourse(), courseProgressFor(bed.store), false, now);
    expect(plain).toMatchObject({ lessons: lessons().length, started: 3, finished: 2, medianDaysToFinish: 9 });
    expect(plain.people).toBeUndefined();
    expect(plain.questions[0]).toEqual({ question: q.id, prompt: q.prompt, answered: 3, correct: 2, accuracy: 0.67 });
    const admin = await learningReport(realCourse(), courseProgressFor(bed.store), true, now);
    expect(admin.people?.map((p) => [p.user, p.lessonsDone, p.finishedAt !== null])).toEqual([
      ['cli:a', lessons().length, true],
      ['cli:c', 0, false],
      ['cli:b', lessons().length, true],
    ]);
  });
});
