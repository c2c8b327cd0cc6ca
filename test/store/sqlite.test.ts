// The Store contract on the embedded engine (a SQLite file in a temporary data directory), and
// what is particular to it: the file survives a restart; a folder it cannot write is one clear error.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, StoreOpenError } from '../../src/store/open.ts';
import { storeContract, type StoreFactory } from './contract.ts';
import { courseProgressContract } from './course-contract.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'coach-store-'));
  dirs.push(d);
  return d;
}
const dirOf = new WeakMap<object, string>();

const sqliteFactory: StoreFactory = {
  name: 'SQLite (embedded)',
  async open() {
    const dir = tempDir();
    const s = await openStore({ dataDir: dir });
    dirOf.set(s, dir);
    return s;
  },
  async reopen(first) {
    const dir = dirOf.get(first);
    if (!dir) throw new Error('unknown store');
    return openStore({ dataDir: dir });
  },
};
storeContract(sqliteFactory);
courseProgressContract(sqliteFactory);

describe('the embedded store', () => {
  it('creates its data directory and says where it is', async () => {
    const dir = join(tempDir(), 'nested', 'data');
    const s = await openStore({ dataDir: dir });
    expect(s.engine).toBe('sqlite');
    expect(s.location).toBe(join(dir, 'coach.sqlite'));
    await s.close();
  });

  it('applies migrations once: opening the same file again is a no-op', async () => {
    const dir = tempDir();
    for (let i = 0; i < 3; i++) await (await openStore({ dataDir: dir })).close();
  });

  it('several processes opening a fresh file at once all succeed, and exactly one wins a claim', async () => {
    const dir = tempDir();
    const child = fileURLToPath(new URL('./open-child.ts', import.meta.url));
    const outputs = await Promise.all(
      [1, 2, 3].map(() =>
        run(process.execPath, ['--import', 'tsx', child, dir], { cwd: ROOT, timeout: 60_000 }).then((r) => r.stdout.trim()),
      ),
    );
    expect(outputs.sort()).toEqual(['lost', 'lost', 'won']);
  });

  it('stops with one clear message when the data directory cannot be used', async () => {
    const parent = tempDir();
    const file = join(parent, 'not-a-dir');
    writeFileSync(file, 'x');
    chmodSync(file, 0o400);
    const err = await openStore({ dataDir: file }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreOpenError);
    expect((err as Error).message).toMatch(/Could not open the store at .*not-a-dir.*COACH_DATA_DIR/);
  });
});
