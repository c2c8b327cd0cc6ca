// The Store contract on a real PostgreSQL server (Debian's package, a fresh cluster on 127.0.0.1;
// test/helpers/postgres.ts), and what is particular to it: replicas starting at once apply the
// migrations once; a wrong URL is one clear message with the password redacted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/store.ts';
import { openStore, StoreOpenError } from '../../src/store/open.ts';
import { PG_PASSWORD, postgresMissing, startPostgres, type PostgresServer } from '../helpers/postgres.ts';
import { storeContract, type StoreFactory } from './contract.ts';
import { courseProgressContract } from './course-contract.ts';

const missing = postgresMissing();
if (missing && process.env.REQUIRE_POSTGRES === '1') throw new Error(`REQUIRE_POSTGRES=1 but ${missing}`);
if (missing) console.warn(`[postgres] skipping the PostgreSQL store tests: ${missing}`);

describe.skipIf(missing !== null)('PostgreSQL', () => {
  let server: PostgresServer;
  let n = 0;
  const urlOf = new WeakMap<Store, string>();
  beforeAll(async () => {
    server = await startPostgres();
  }, 120_000);
  afterAll(() => {
    server.stop();
  });

  const pgFactory: StoreFactory = {
    name: 'PostgreSQL',
    async open() {
      const url = server.createDatabase(`contract_${++n}`);
      const s = await openStore({ databaseUrl: url, dataDir: '/nonexistent' });
      urlOf.set(s, url);
      return s;
    },
    async reopen(first) {
      const url = urlOf.get(first);
      if (!url) throw new Error('unknown store');
      return openStore({ databaseUrl: url, dataDir: '/nonexistent' });
    },
  };
  storeContract(pgFactory);
  courseProgressContract(pgFactory);

  it('two replicas starting at once both open the store; the migrations run once', async () => {
    const url = server.createDatabase('replicas_start');
    const stores = await Promise.all([1, 2, 3].map(() => openStore({ databaseUrl: url, dataDir: '/nonexistent' })));
    expect(stores.map((s) => s.engine)).toEqual(['postgres', 'postgres', 'postgres']);
    expect(await stores[0]!.claimOnce('k', Date.now() + 1000, Date.now())).toBe(true);
    expect(await stores[1]!.claimOnce('k', Date.now() + 1000, Date.now())).toBe(false);
    await Promise.all(stores.map((s) => s.close()));
  });

  it('says where it is with the password redacted', async () => {
    const url = server.createDatabase('location');
    const s = await openStore({ databaseUrl: url, dataDir: '/nonexistent' });
    expect(s.location).not.toContain(PG_PASSWORD);
    expect(s.location).toContain('127.0.0.1');
    await s.close();
  });

  it('stops with one clear message for a wrong password, never printing it', async () => {
    const url = server.url.replace(PG_PASSWORD, 'wrong-Password-9');
    const err = await openStore({ databaseUrl: url, dataDir: '/nonexistent' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreOpenError);
    const msg = (err as Error).message;
    expect(msg).toMatch(
      /Could not open the store at postgres:\/\/coach:\[redacted\]@127\.0\.0\.1.*password authentication failed.*DATABASE_URL/,
    );
    expect(msg).not.toContain('wrong-Password-9');
  });
});
