// The shared question lifecycle with a scripted bot: every question that gets in is answered
// or told something exactly once; limits turn a flood into "busy" answers; stop() finishes or
// notifies everything. Counts only: no assertion on how long anything took.
import { describe, expect, it } from 'vitest';
import type { BotHandle } from '../../src/core/ports.ts';
import type { Answer, Question } from '../../src/core/types.ts';
import { createLifecycle, type Delivery, type NoticeKind } from '../../src/runtime/lifecycle.ts';

/** A bot whose answers wait until the test releases them (or forever). */
function heldBot() {
  const waiting: { q: Question; release: () => void }[] = [];
  const bot: BotHandle = {
    handle: (q) =>
      new Promise((resolve) => {
        waiting.push({
          q,
          release: () => {
            resolve({ title: q.text } as Answer);
          },
        });
      }),
    feedback: () => undefined,
  };
  return { bot, waiting };
}

const instantBot: BotHandle = { handle: (q) => Promise.resolve({ title: q.text } as Answer), feedback: () => undefined };

function recorder() {
  const got = new Map<string, string[]>();
  const delivery = (id: string, extra: Partial<Delivery> = {}): Delivery => ({
    answer: (a) => {
      got.set(id, [...(got.get(id) ?? []), `answer:${a?.title ?? 'null'}`]);
      return Promise.resolve();
    },
    notice: (kind: NoticeKind) => {
      got.set(id, [...(got.get(id) ?? []), kind]);
      return Promise.resolve();
    },
    ...extra,
  });
  const count = (pred: (v: string) => boolean) => [...got.values()].filter((v) => v.length === 1 && pred(v[0]!)).length;
  return { got, delivery, count };
}

const q = (text: string, userId = 'U1'): Question => ({ text, platform: 'test', conversation: `c:${userId}`, userId, hostAllowed: false });

const until = async (pred: () => boolean) => {
  for (let i = 0; i < 500 && !pred(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(pred()).toBe(true);
};

describe('lifecycle', () => {
  it('answers every question through its delivery, at most `concurrency` at once', async () => {
    const { bot, waiting } = heldBot();
    const lc = createLifecycle({ bot, limits: { concurrency: 2, perUser: 50, total: 50 } });
    const r = recorder();
    const asked = Array.from({ length: 6 }, (_, i) => lc.ask(q(`q${i}`), r.delivery(`q${i}`)));
    await until(() => waiting.length === 2);
    expect(lc.stats()).toMatchObject({ working: 2, queued: 4, held: 6 });
    for (let i = 0; i < 500 && r.got.size < 6; i++) {
      const next = waiting.shift();
      if (next) next.release();
      else await new Promise((res) => setTimeout(res, 5));
    }
    await Promise.all(asked);
    expect([...r.got.values()].flat().sort()).toEqual(['answer:q0', 'answer:q1', 'answer:q2', 'answer:q3', 'answer:q4', 'answer:q5']);
    expect(lc.stats()).toMatchObject({ held: 0, working: 0, answered: 6 });
  });

  it('a flood beyond the limits gets busy answers, and what is held stays within the limit', async () => {
    const { bot, waiting } = heldBot();
    let busyByScope = { user: 0, total: 0 };
    const lc = createLifecycle({
      bot,
      limits: { concurrency: 2, perUser: 2, total: 7 },
      events: { busy: (_q, scope) => (busyByScope = { ...busyByScope, [scope]: busyByScope[scope] + 1 }) },
    });
    const r = recorder();
    // Five people send ten questions each.
    const asked = Array.from({ length: 50 }, (_, i) => lc.ask(q(`q${i}`, `U${i % 5}`), r.delivery(`q${i}`)));
    expect(lc.stats().held).toBe(7);
    await until(() => r.count((v) => v === 'busy') === 43);
    expect(busyByScope.user + busyByScope.total).toBe(43);
    expect(busyByScope.user).toBeGreaterThan(0);
    expect(busyByScope.total).toBeGreaterThan(0);
    for (let i = 0; i < 1000 && lc.stats().held > 0; i++) {
      const w = waiting.shift();
      if (w) w.release();
      else await new Promise((res) => setTimeout(res, 2));
    }
    await Promise.all(asked);
    expect(r.count((v) => v.startsWith('answer:'))).toBe(7);
    expect(r.got.size).toBe(50);
    expect([...r.got.values()].every((v) => v.length === 1)).toBe(true);
    expect(lc.stats().peakHeld).toBe(7);
  });

  it('an answer past its time limit gets a timeout notice, and the late answer is never sent', async () => {
    const { bot, waiting } = heldBot();
    const lc = createLifecycle({ bot, answerTimeoutMs: 30 });
    const r = recorder();
    await lc.ask(q('slow'), r.delivery('slow'));
    expect(r.got.get('slow')).toEqual(['timeout']);
    expect(lc.stats().held).toBe(1); // still running underneath: counted until it settles
    waiting[0]!.release();
    await until(() => lc.stats().held === 0);
    expect(r.got.get('slow')).toEqual(['timeout']);
  });

  it('runs `late` once when nothing was delivered in time, and delivers after it', async () => {
    const { bot, waiting } = heldBot();
    const lc = createLifecycle({ bot });
    const r = recorder();
    const order: string[] = [];
    const d = r.delivery('x', { late: { afterMs: 10, run: () => Promise.resolve(void order.push('late')) } });
    const asked = lc.ask(q('x'), { ...d, answer: async (a) => (order.push('answer'), d.answer(a)) });
    await until(() => order.length === 1);
    waiting[0]!.release();
    await asked;
    expect(order).toEqual(['late', 'answer']);
    // Fast answers never trigger it.
    const fast = createLifecycle({ bot: instantBot });
    let lateRuns = 0;
    await fast.ask(q('y'), r.delivery('y', { late: { afterMs: 1000, run: () => Promise.resolve(lateRuns++).then(() => undefined) } }));
    expect(lateRuns).toBe(0);
  });

  it('stop: finished answers are delivered, the rest told to ask again, newcomers too — nothing lost', async () => {
    const { bot, waiting } = heldBot();
    const lc = createLifecycle({ bot, limits: { concurrency: 3, perUser: 100, total: 100 } });
    const r = recorder();
    const asked = Array.from({ length: 20 }, (_, i) => lc.ask(q(`q${i}`, `U${i}`), r.delivery(`q${i}`)));
    await until(() => waiting.length === 3);
    waiting[0]!.release(); // one finishes during the grace period
    const stopped = lc.stop({ graceMs: 50, noticeMs: 1000 });
    expect(lc.stopping).toBe(true);
    await lc.ask(q('late'), r.delivery('late'));
    await stopped;
    await Promise.all(asked);
    const answered = r.count((v) => v.startsWith('answer:'));
    const told = r.count((v) => v === 'restarting');
    expect(r.got.get('late')).toEqual(['restarting']);
    expect(answered).toBeGreaterThanOrEqual(1);
    expect(answered + told).toBe(21);
    expect([...r.got.values()].every((v) => v.length === 1)).toBe(true);
    // Answers that finish after their notice went out are not sent.
    for (const w of waiting) w.release();
    await new Promise((res) => setTimeout(res, 20));
    expect([...r.got.values()].every((v) => v.length === 1)).toBe(true);
    expect(lc.stop()).toBe(stopped);
  });

  it('stop waits for tracked work (the terminal chat) within the grace period', async () => {
    const lc = createLifecycle({ bot: instantBot });
    let finished = false;
    let release!: () => void;
    const work = lc.track(() => new Promise<void>((res) => (release = res)).then(() => (finished = true)));
    const stopped = lc.stop({ graceMs: 5000, noticeMs: 100 });
    let stoppedYet = false;
    void stopped.then(() => (stoppedYet = true));
    await new Promise((res) => setTimeout(res, 20));
    expect(stoppedYet).toBe(false);
    release();
    await stopped;
    await work;
    expect(finished).toBe(true);
  });
});
