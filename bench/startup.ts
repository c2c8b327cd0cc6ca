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

/** Reports the process's own CPU time on exit: on a busy machine it compares better than wall time. */
const CPU_PROBE = `data:text/javascript,process.on('exit',()=>{const u=process.cpuUsage();process.stderr.write('\\ncpu-ms:'+(u.user+u.system)/1000)})`;

/** One process, start to exit: wall and CPU milliseconds. */
function run(c: Case): { wall: number; cpu: number } {
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--import', CPU_PROBE, join(root, 'bin/coach.js'), ...c.args], {
    cwd: root,
    env: { ...process.env, COACH_DOCKER: 'off', COACH_LOG_LEVEL: 'warn', ...c.env },
    encoding: 'utf8',
    timeout: 300_000,
  });
  const wall = performance.now() - started;
  const cpu = /cpu-ms:([\d.]+)\s*$/.exec(r.stderr);
  if (r.status !== 0 || !cpu) throw new Error(`${c.name} failed (${r.status}): ${r.stderr}`);
  return { wall, cpu: Number(cpu[1]) };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

try {
  for (const c of cases) run(c); // warms the cache, tsx's transpile cache and the file system cache
  const times = cases.map((): { wall: number; cpu: number }[] => []);
  for (let i = 0; i < runs; i++) cases.forEach((c, k) => times[k]!.push(run(c)));
  const wallOf = (k: number) => median(times[k]!.map((t) => t.wall));
  const cpuOf = (k: number) => median(times[k]!.map((t) => t.cpu));
  const rows = cases.map((c, k) => {
    const all = times[k]!.map((t) => t.wall.toFixed(0)).join(', ');
    return `| ${c.name} | ${wallOf(k).toFixed(0)} ms | ${(wallOf(k) / wallOf(0)).toFixed(2)}× | ${cpuOf(k).toFixed(0)} ms | ${(cpuOf(k) / cpuOf(0)).toFixed(2)}× | ${all} |`;
  });
  const warmRatio = wallOf(1) / wallOf(0);
  console.log(
    [
      `| Command | median wall (${runs} runs) | wall × --help | median CPU (user+sys) | CPU × --help | every run, wall ms |`,
      '|---|---|---|---|---|---|',
      ...rows,
      '',
      `Warm ask / --help = ${warmRatio.toFixed(2)} in wall time, ${(cpuOf(1) / cpuOf(0)).toFixed(2)} in CPU time (goal ≤ 1.5 wall): ${warmRatio <= 1.5 ? 'met' : 'not met'}.`,
      `${existsSync(join(root, 'src/main.ts')) ? 'Source checkout (bin/coach.js runs src/ through tsx)' : 'Built (dist/)'}; Node ${process.version}, ${cpus().length} CPU(s), load average ${loadavg()[0]!.toFixed(1)}.`,
    ].join('\n'),
  );
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}
