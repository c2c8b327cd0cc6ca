// Importing the NLU must stay cheap and side-effect free: `natural`'s top level takes ~1 s and,
// through its storage modules, runs dotenv (reads ./.env into process.env and prints lines). The NLU
// imports natural's submodules by deep path only; this spawns a fresh process to prove it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cwd = mkdtempSync(join(tmpdir(), 'coach-import-'));
afterAll(() => {
  rmSync(cwd, { recursive: true, force: true });
});

it("imports src/nlu without loading natural's index or reading .env, also while it trains and answers", () => {
  writeFileSync(join(cwd, '.env'), 'COACH_TEST_SENTINEL=1\n');
  const nlu = pathToFileURL(join(root, 'src/nlu/index.ts')).href;
  const load = pathToFileURL(join(root, 'src/knowledge/load.ts')).href;
  const script = `
    const t0 = performance.now();
    const { createNlu } = await import(${JSON.stringify(nlu)});
    const { loadKnowledge } = await import(${JSON.stringify(load)});
    const t1 = performance.now();
    const kb = loadKnowledge(${JSON.stringify(join(root, 'intents'))});
    const t2 = performance.now();
    const nlu = createNlu(kb);
    nlu.classify('what is a docker image');
    const t3 = performance.now();
    const { createRequire } = await import('node:module');
    const loaded = Object.keys(createRequire(import.meta.url).cache).filter((k) => k.includes('natural'));
    process.stderr.write(JSON.stringify({
      sentinel: process.env.COACH_TEST_SENTINEL ?? null,
      indexLoaded: loaded.some((k) => k.replaceAll('\\\\', '/').endsWith('lib/natural/index.js')),
      storageLoaded: loaded.some((k) => k.includes('/util/storage')),
      loaded: loaded.map((k) => k.slice(k.indexOf('lib/natural/'))),
      importMs: t1 - t0, loadMs: t2 - t1, trainMs: t3 - t2,
    }));
  `;
  // `--import tsx` would resolve from the child's cwd (a temp dir): point at the repo's tsx.
  const tsx = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
  const r = spawnSync(process.execPath, ['--import', tsx, '--input-type=module', '-e', script], {
    cwd,
    encoding: 'utf8',
    env: withoutSentinel(),
    // Training in a fresh process took 13 s alone and 28 s beside the rest of the suite: room for a slow machine.
    timeout: 200_000,
  });
  expect(r.status, r.stderr).toBe(0);
  const report = JSON.parse(r.stderr) as {
    sentinel: string | null;
    indexLoaded: boolean;
    storageLoaded: boolean;
    loaded: string[];
    importMs: number;
    loadMs: number;
    trainMs: number;
  };
  console.log(
    `import ${report.importMs.toFixed(0)} ms, load intents ${report.loadMs.toFixed(0)} ms, train + first answer ${report.trainMs.toFixed(0)} ms; natural modules: ${report.loaded.join(', ')}`,
  );
  expect(r.stdout).toBe('');
  expect(report.sentinel).toBeNull();
  expect(report.indexLoaded).toBe(false);
  expect(report.storageLoaded).toBe(false);
  expect(report.loaded.length).toBeGreaterThan(0);
}, 240_000);

function withoutSentinel(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.COACH_TEST_SENTINEL;
  return env;
}
