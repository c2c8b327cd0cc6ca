// The answer-once claim the composition root builds on the store: two replicas (two claims on
// one store) answer a message once; a store that fails grants the claim (counted), so no question is lost.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStoreClaim } from '../../src/app/claim.ts';
import type { Store } from '../../src/core/store.ts';
import { openStore } from '../../src/store/open.ts';

const dir = mkdtempSync(join(tmpdir(), 'coach-claim-'));
const stores: Store[] = [];
afterAll(async () => {
  for (const s of stores) await s.close();
  rmSync(dir, { recursive: true, force: true });
});

function counting() {
  const errors: string[] = [];
  const warnings: unknown[] = [];
  return { errors, warnings, metrics: { storeError: (w: string) => errors.push(w) }, logger: { warn: (o: unknown) => warnings.push(o) } };
}

describe('createStoreClaim', () => {
  it('two replicas on one store: the first claim wins, the other is refused, under any shared key', async () => {
    const store = await openStore({ dataDir: dir });
    stores.push(store);
    const c = counting();
    const replicaA = createStoreClaim(store, c.metrics, c.logger as never);
    const replicaB = createStoreClaim(store, c.metrics, c.logger as never);
    expect(await replicaA(['slack:event:Ev1', 'slack:msg:C1:1.0'], 60_000)).toBe(true);
    expect(await replicaB(['slack:event:Ev1', 'slack:msg:C1:1.0'], 60_000)).toBe(false);
    // Same message under another event id (app_mention and message.im): refused by its message key.
    expect(await replicaB(['slack:event:Ev2', 'slack:msg:C1:1.0'], 60_000)).toBe(false);
    // A retry to the replica that answered is refused too.
    expect(await replicaA(['slack:event:Ev1', 'slack:msg:C1:1.0'], 60_000)).toBe(false);
    expect(await replicaB(['slack:event:Ev3', 'slack:msg:C1:2.0'], 60_000)).toBe(true);
    expect(c.errors).toEqual([]);
  });

  it('two replicas racing for the same keys in different orders: exactly one answers, never none', async () => {
    const store = await openStore({ dataDir: dir });
    stores.push(store);
    const keys = ['slack:msg:C1:9.0', 'slack:event:EvRace'];
    // The interleaving that lost a question in CI, forced: A wins the event key, while B reaches the
    // message key before A does. A's message-key claim waits until B has decided; B's event-key claim
    // waits until A holds that key. Real store, real SQL; only the timing is arranged.
    const aHoldsEvent = deferred();
    const bDecided = deferred();
    const gated = (gate: (key: string) => Promise<void>, after: (key: string) => void): Store => {
      const claimOnce = async (key: string, expiresAt: number, now: number) => {
        await gate(key);
        const won = await store.claimOnce(key, expiresAt, now);
        after(key);
        return won;
      };
      return { ...store, claimOnce };
    };
    const isEvent = (k: string) => k.startsWith('slack:event:');
    const c = counting();
    const replicaA = createStoreClaim(
      gated(
        (k) => (isEvent(k) ? Promise.resolve() : bDecided.promise),
        (k) => {
          if (isEvent(k)) aHoldsEvent.resolve();
        },
      ),
      c.metrics,
      c.logger as never,
    );
    const replicaB = createStoreClaim(
      gated(
        (k) => (isEvent(k) ? aHoldsEvent.promise : Promise.resolve()),
        () => undefined,
      ),
      c.metrics,
      c.logger as never,
    );
    const a = replicaA(keys, 60_000);
    const b = replicaB(keys, 60_000).finally(() => {
      bDecided.resolve();
    });
    expect(await Promise.all([a, b])).toEqual([true, false]);
    expect(c.errors).toEqual([]);
  });

  it('a claim expires with its time limit', async () => {
    const store = await openStore({ dataDir: dir });
    stores.push(store);
    let t = 1_000_000;
    const c = counting();
    const a = createStoreClaim(store, c.metrics, c.logger as never, () => t);
    const b = createStoreClaim(store, c.metrics, c.logger as never, () => t);
    expect(await a(['k:expiring'], 1000)).toBe(true);
    expect(await b(['k:expiring'], 1000)).toBe(false);
    t += 1001;
    expect(await b(['k:expiring'], 1000)).toBe(true);
  });

  it('a store that fails grants the claim, logs and counts it, and still dedupes in this process', async () => {
    const broken = {
      engine: 'postgres',
      claimOnce: () => Promise.reject(new Error('connection refused')),
    } as unknown as Store;
    const c = counting();
    const claim = createStoreClaim(broken, c.metrics, c.logger as never);
    expect(await claim(['slack:event:EvX'], 60_000)).toBe(true);
    expect(c.errors).toEqual(['claim']);
    expect(c.warnings).toHaveLength(1);
    expect(await claim(['slack:event:EvX'], 60_000)).toBe(false);
  });
});

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
