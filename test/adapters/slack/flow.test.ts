// Ack-first scheduling: answers wait for pending acks (bounded). How many run at once is the
// shared lifecycle's (test/runtime/lifecycle.test.ts).
import { describe, expect, it } from 'vitest';
import { AckGate } from '../../../src/adapters/slack/flow.ts';
import { RecentMap } from '../../../src/adapters/slack/memory.ts';

/** Lets every pending callback and promise job run once (a turn of the event loop, not a time). */
const turn = () => new Promise<void>((r) => setImmediate(r));

describe('AckGate', () => {
  it('lets answers through at once when no ack is pending, else when the last one is sent', async () => {
    const gate = new AckGate(5000);
    await gate.drained();
    const a = gate.enter();
    const b = gate.enter();
    let through = false;
    const waiting = gate.drained().then(() => (through = true));
    a();
    a(); // idempotent
    await turn();
    expect(through).toBe(false);
    b();
    await waiting;
    expect(through).toBe(true);
  });

  it('never holds an answer longer than maxWaitMs', async () => {
    const gate = new AckGate(50);
    gate.enter();
    // The ack is never sent: drained() resolving at all is the bound working.
    await gate.drained();
  });
});

describe('RecentMap', () => {
  it('forgets the oldest beyond its size and anything past its time to live', () => {
    let now = 0;
    const m = new RecentMap<number>(2, 100, () => now);
    m.set('a', 1);
    m.set('b', 2);
    m.set('c', 3);
    expect([m.has('a'), m.has('b'), m.has('c')]).toEqual([false, true, true]);
    now = 150;
    expect(m.has('c')).toBe(false);
    expect(m.seenBefore(['x', 'y'], 1)).toBe(false);
    expect(m.seenBefore(['y'], 1)).toBe(true);
  });
});
