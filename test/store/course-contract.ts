// The course's progress contract (src/course/ports.ts on src/store/course-store.ts): the same cases
// on the embedded SQLite file and on a real PostgreSQL server, run from sqlite.test.ts and
// postgres.test.ts next to the Store contract, so the one code path is proven on both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/store.ts';
import type { CourseProgress } from '../../src/course/ports.ts';
import { courseProgressFor } from '../../src/store/course-store.ts';
import type { StoreFactory } from './contract.ts';

const T0 = Date.UTC(2026, 10, 20, 9, 0, 0);
const DAY = 86_400_000;

export function courseProgressContract(factory: StoreFactory): void {
  describe(`Course progress contract on ${factory.name}`, () => {
    let store: Store;
    let p: CourseProgress;
    beforeAll(async () => {
      store = await factory.open();
      p = courseProgressFor(store);
    });
    afterAll(async () => {
      await store.close();
    });

    it('enrols once: a second enrol keeps the first join date', async () => {
      const first = await p.enrol('slack:U1', 'slack', T0);
      const again = await p.enrol('slack:U1', 'slack', T0 + DAY);
      expect(first).toEqual({ user: 'slack:U1', platform: 'slack', joinedAt: T0, lastActiveAt: T0, optedOut: false, finishedAt: null });
      expect(again).toEqual(first);
      expect(await p.enrolment('nobody')).toBeUndefined();
    });

    it('records answers in order, marks the person active, and tallies per question', async () => {
      await p.enrol('slack:U2', 'slack', T0);
      await p.recordAnswer({ user: 'slack:U2', questionId: 'a/q1', choice: 2, correct: false, at: T0 + 10 });
      await p.recordAnswer({ user: 'slack:U2', questionId: 'a/q1', choice: 1, correct: true, at: T0 + DAY });
      await p.recordAnswer({ user: 'slack:U1', questionId: 'a/q1', choice: 1, correct: true, at: T0 + 20 });
      expect((await p.answers('slack:U2')).map((a) => [a.questionId, a.choice, a.correct, a.at])).toEqual([
        ['a/q1', 2, false, T0 + 10],
        ['a/q1', 1, true, T0 + DAY],
      ]);
      expect((await p.enrolment('slack:U2'))?.lastActiveAt).toBe(T0 + DAY);
      expect(await p.tallies()).toEqual([{ questionId: 'a/q1', answered: 3, correct: 2 }]);
    });

    it('keeps the latest activity when an older touch arrives late', async () => {
      await p.touch('slack:U2', T0 + 5);
      expect((await p.enrolment('slack:U2'))?.lastActiveAt).toBe(T0 + DAY);
    });

    it('keeps one task record per lesson (the last confirmation counts)', async () => {
      await p.recordTask({ user: 'slack:U1', lessonId: 'a', how: 'self', at: T0 });
      await p.recordTask({ user: 'slack:U1', lessonId: 'a', how: 'host', at: T0 + 1 });
      expect(await p.tasks('slack:U1')).toEqual([{ user: 'slack:U1', lessonId: 'a', how: 'host', at: T0 + 1 }]);
    });

    it('opts out, and finishes once (a later finish keeps the first time)', async () => {
      await p.setOptedOut('slack:U1', true);
      await p.markFinished('slack:U1', T0 + 2 * DAY);
      await p.markFinished('slack:U1', T0 + 3 * DAY);
      expect(await p.enrolment('slack:U1')).toMatchObject({ optedOut: true, finishedAt: T0 + 2 * DAY });
      expect((await p.enrolments()).map((e) => e.user)).toEqual(['slack:U1', 'slack:U2']);
    });

    it('gives a one-time key to exactly one of many concurrent claimers on two handles, forever', async () => {
      const other = await factory.reopen(store);
      try {
        const q = courseProgressFor(other);
        const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? q : p).claimForever('nudge:slack:U2', T0)));
        expect(claims.filter(Boolean)).toHaveLength(1);
        expect(await p.claimForever('nudge:slack:U2', T0 + 365 * DAY)).toBe(false);
      } finally {
        await other.close();
      }
    });

    it('shares progress with another handle and keeps it across a reopen', async () => {
      const other = await factory.reopen(store);
      try {
        const q = courseProgressFor(other);
        await q.enrol('discord:9', 'discord', T0);
        await q.recordAnswer({ user: 'discord:9', questionId: 'b/q2', choice: 3, correct: true, at: T0 + 1 });
        expect(await p.answers('discord:9')).toEqual([{ user: 'discord:9', questionId: 'b/q2', choice: 3, correct: true, at: T0 + 1 }]);
      } finally {
        await other.close();
      }
      const again = await factory.reopen(store);
      try {
        expect((await courseProgressFor(again).enrolment('discord:9'))?.joinedAt).toBe(T0);
      } finally {
        await again.close();
      }
    });
  });
}
