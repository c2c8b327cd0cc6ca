// npm run bench:startup [-- RUNS] — wall time of whole `coach` processes, side by side in one
// sitting: `coach --help` (the floor: node, tsx or dist, imports, config) against `coach ask` with a
// warm model cache and with none (COACH_MODEL_CACHE_DIR=off: every process trains). Runs are
// interleaved so a change in machine load hits every command alike; medians are reported.
// The goal: warm `coach ask` at most 1.5× `coach --help`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Math.max(1, Number(process.argv[2] ?? 7));
const cacheDir = mkdtempSync(join(tmpdir(), 'coach-bench-startup-'));
const QUESTION = 'how do I delete an image';

interface Case {
  name: string;
  args: string[];
  env: Record<string, string>;
}
const cases: Case[] = [
  { name: 'coach --help', args: ['--help'], env: {} },
  { name: `coach ask "${QUESTION}" (warm model cache)`, args: ['ask', QUESTION], env: { COACH_MODEL_CACHE_DIR: cacheDir } },
  { name: `coach ask "${QUESTION}" (no cache: trains)`, args: ['ask', QUESTION], env: { COACH_MODEL_CACHE_DIR: 'off' } },
];

/** One process, start to exit, in milliseconds. */
function wall(c: Case): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, [join(root, 'bin/coach.js'), ...c.args], {
    cwd: root,
    env: { ...process.env, COACH_DOCKER: 'off', COACH_LOG_LEVEL: 'warn', ...c.env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`${c.name} failed (${r.status}): ${r.stderr}`);
  return ms;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

try {
  for (const c of cases) wall(c); // warms the cache, tsx's transpile cache and the file system cache
  const times = cases.map((): number[] => []);
  for (let i = 0; i < runs; i++) cases.forEach((c, k) => times[k]!.push(wall(c)));
  const help = median(times[0]!);
  const rows = cases.map((c, k) => {
    const m = median(times[k]!);
    const all = times[k]!.map((t) => t.toFixed(0)).join(', ');
    return `| ${c.name} | ${m.toFixed(0)} ms | ${(m / help).toFixed(2)}× | ${all} |`;
  });
  const warmRatio = median(times[1]!) / help;
  console.log(
    [
      `| Command | median wall time (${runs} runs) | × --help | every run (ms) |`,
      '|---|---|---|---|',
      ...rows,
      '',
      `Warm ask / --help = ${warmRatio.toFixed(2)} (goal ≤ 1.5): ${warmRatio <= 1.5 ? 'met' : 'not met'}.`,
      `${existsSync(join(root, 'src/main.ts')) ? 'Source checkout (bin/coach.js runs src/ through tsx)' : 'Built (dist/)'}; Node ${process.version}, ${cpus().length} CPU(s), load average ${loadavg()[0]!.toFixed(1)}.`,
    ].join('\n'),
  );
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}
