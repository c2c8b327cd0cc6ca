// The Store contract: the same cases run against the embedded SQLite file and a real PostgreSQL
// server (test/store/sqlite.test.ts, test/store/postgres.test.ts), so the one code path is proven
// on both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerRecord, Store } from '../../src/core/store.ts';

export interface StoreFactory {
  name: string;
  /** A fresh, empty store (its own file or database). */
  open(): Promise<Store>;
  /** A second handle on the same data (another replica, or the same file after a restart). */
  reopen(first: Store): Promise<Store>;
}

const T0 = Date.UTC(2026, 10, 20, 12, 0, 0);
const DAY = 86_400_000;

function answer(id: string, over: Partial<AnswerRecord> = {}): AnswerRecord {
  return { id, at: T0, platform: 'slack', intent: 'concept.image', kind: 'knowledge', confidence: 0.9, hostUsed: false, ...over };
}

export function storeContract(factory: StoreFactory): void {
  describe(`Store contract on ${factory.name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await factory.open();
    });
    afterAll(async () => {
      await store.close();
    });

    it('keeps conversation context until it expires, and replaces it on put', async () => {
      await store.putContext('slack:C1:t1', '{"intent":"concept.image"}', T0 + 1000);
      expect(await store.getContext('slack:C1:t1', T0)).toBe('{"intent":"concept.image"}');
      await store.putContext('slack:C1:t1', '{"intent":"command.ps"}', T0 + 2000);
      expect(await store.getContext('slack:C1:t1', T0 + 1500)).toBe('{"intent":"command.ps"}');
      expect(await store.getContext('slack:C1:t1', T0 + 2000)).toBeUndefined();
      expect(await store.getContext('nobody', T0)).toBeUndefined();
    });

    it('claims a key once, whoever asks, until the claim expires', async () => {
      expect(await store.claimOnce('evt-1', T0 + 1000, T0)).toBe(true);
      expect(await store.claimOnce('evt-1', T0 + 1000, T0 + 10)).toBe(false);
      expect(await store.claimOnce('evt-1', T0 + 5000, T0 + 1000)).toBe(true); // expired: taken over
      expect(await store.claimOnce('evt-1', T0 + 5000, T0 + 1001)).toBe(false);
    });

    it('gives a key to exactly one of many concurrent claimers, on two handles', async () => {
      const other = await factory.reopen(store);
      try {
        const claims = await Promise.all(
          Array.from({ length: 20 }, (_, i) => (i % 2 ? other : store).claimOnce('evt-race', T0 + 60_000, T0)),
        );
        expect(claims.filter(Boolean)).toHaveLength(1);
      } finally {
        await other.close();
      }
    });

    it('records an answer once per id, and one vote per person per answer (the last click counts)', async () => {
      await store.recordAnswer(answer('a1'));
      await store.recordAnswer(answer('a1', { intent: 'other.one' }));
      await store.recordVote({
        answerId: 'a1',
        voter: 'U1',
        vote: 'up',
        at: T0,
        platform: 'slack',
        intent: 'concept.image',
        confidence: 0.9,
      });
      await store.recordVote({
        answerId: 'a1',
        voter: 'U1',
        vote: 'down',
        at: T0 + 1,
        platform: 'slack',
        intent: 'concept.image',
        confidence: 0.9,
      });
      const r = await store.readReport(T0 - DAY, 0.5, 10);
      const row = r.perIntent.find((p) => p.intent === 'concept.image');
      expect(row).toMatchObject({ answered: 1, down: 1 });
      expect(r.perIntent.find((p) => p.intent === 'other.one')).toBeUndefined();
    });

    it('reports questions per day, per intent with none and low confidence, and the unanswered', async () => {
      const since = T0 + 10 * DAY;
      await store.recordAnswer(answer('b1', { at: since + 1 }));
      await store.recordAnswer(answer('b2', { at: since + DAY + 5, confidence: 0.3 }));
      await store.recordAnswer(
        answer('b3', {
          at: since + DAY + 6,
          intent: 'none',
          kind: 'none',
          confidence: 0.1,
          nearestIntent: 'concept.registry',
          text: 'how do I log in to harbor',
        }),
      );
      await store.recordAnswer(answer('b0', { at: since - 1 })); // before the window
      const r = await store.readReport(since, 0.5, 10);
      expect(r.questions).toBe(3);
      expect(r.perDay.map((d) => d.questions)).toEqual([1, 2]);
      expect(r.perDay[1]!.day - r.perDay[0]!.day).toBe(1);
      expect(r.perIntent.find((p) => p.intent === 'concept.image')).toMatchObject({ answered: 2, low: 1 });
      expect(r.perIntent.find((p) => p.intent === 'none')).toMatchObject({ answered: 1, low: 0 });
      expect(r.noneByNearest).toContainEqual({ intent: 'concept.registry', none: 1 });
      expect(r.unanswered).toContainEqual({
        text: 'how do I log in to harbor',
        intent: 'none',
        nearestIntent: 'concept.registry',
        reason: 'none',
      });
      expect(r.unanswered.some((u) => u.reason === 'low' && u.intent === 'concept.image')).toBe(true);
    });

    it('prunes what is older than the retention and expired context and claims', async () => {
      const old = T0 - 100 * DAY;
      await store.recordAnswer(answer('old-1', { at: old }));
      await store.recordVote({
        answerId: 'old-1',
        voter: 'U9',
        vote: 'down',
        at: old,
        platform: 'discord',
        intent: 'concept.image',
        confidence: 0.9,
      });
      await store.putContext('gone', '{}', T0 - 1);
      await store.claimOnce('gone-claim', T0 - 1, T0 - 2);
      const before = await store.readReport(old - 1, 0.5, 100);
      const deleted = await store.prune(T0 - 90 * DAY, T0);
      const after = await store.readReport(old - 1, 0.5, 100);
      expect(deleted).toBe(4); // the answer, its vote, the context, the claim
      expect(before.questions - after.questions).toBe(1);
      const downs = (r: typeof before) => r.perIntent.find((p) => p.intent === 'concept.image')?.down ?? 0;
      expect(downs(before) - downs(after)).toBe(1);
      expect(await store.getContext('gone', T0 - 10)).toBeUndefined();
      expect(await store.claimOnce('gone-claim', T0 + 10, T0 - 5)).toBe(true); // the expired claim row is gone
    });

    it('keeps everything across a reopen (a restart, or another replica)', async () => {
      await store.putContext('keep', '{"x":1}', T0 + DAY);
      await store.recordAnswer(answer('keep-1', { at: T0 + 50 * DAY }));
      const again = await factory.reopen(store);
      try {
        expect(await again.getContext('keep', T0)).toBe('{"x":1}');
        expect((await again.readReport(T0 + 50 * DAY, 0.5, 10)).questions).toBe(1);
      } finally {
        await again.close();
      }
    });
  });
}
