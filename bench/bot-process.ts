// The bot as its own process for the benchmarks: `coach start` (bin/coach.js, as `npm start`
// runs it) with the environment given, its output drained (the last lines kept for errors), and
// its memory read from /proc/<pid>/status (Linux): VmRSS now, VmHWM the peak. Measuring the
// child alone keeps the stand-ins and load generators out of the bot's number. With
// `entry: 'dist'` it runs the compiled code (`npm run build` first) as the image does, without
// tsx's loader thread and its transpiled-source caches.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { COACH, ROOT } from '../test/helpers/spawn.ts';

const MB = 1024 * 1024;
const TAIL_CHARS = 8000;

export interface BotProcess {
  pid: number;
  /** Current resident memory in MB (NaN when /proc cannot be read). */
  rssMb(): number;
  /** Highest resident memory since start or the last resetPeak(), in MB. */
  peakMb(): number;
  /** Starts a new peak (clear_refs 5 resets VmHWM); false when the kernel refused. */
  resetPeak(): boolean;
  /** The last lines the bot wrote (stdout and stderr). */
  tail(): string;
  /** How many JSON log lines had each `msg` (warnings and errors only). */
  logCounts(): Record<string, number>;
  /** The first such line of each `msg` (cut at 600 characters). */
  firstLogs(): string[];
  /** SIGTERM, then the exit code (SIGKILL after `ms`). */
  stop(ms?: number): Promise<number | null>;
}

function status(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? (Number(m[1]) * 1024) / MB : NaN;
  } catch {
    return NaN;
  }
}

const DIST_START = `import { run } from ${JSON.stringify(`${ROOT}/dist/main.js`)}; process.exitCode = await run(['start']);`;

/** Counts the `msg` of each complete JSON log line at warn (40) or above; keeps the first line of each. */
function logCounter(counts: Record<string, number>, first: Record<string, string>) {
  let partial = '';
  return (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const m = /^\{"level":(\d+).*?"msg":"([^"]*)"/.exec(line);
      if (!m || Number(m[1]) < 40) continue;
      counts[m[2]!] = (counts[m[2]!] ?? 0) + 1;
      first[m[2]!] ??= line.slice(0, 600);
    }
  };
}

export function startBot(env: Record<string, string>, entry: 'src' | 'dist' = 'src'): BotProcess {
  const args = entry === 'dist' ? ['--input-type=module', '-e', DIST_START] : [COACH, 'start'];
  const child: ChildProcess = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error('could not start coach');
  const pid = child.pid;
  let out = '';
  const counts: Record<string, number> = {};
  const first: Record<string, string> = {};
  const count = logCounter(counts, first);
  const keep = (d: Buffer) => {
    const s = d.toString();
    count(s);
    out = (out + s).slice(-TAIL_CHARS);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      resolve(code);
    }),
  );
  // VmHWM is the kernel's own peak; sampling VmRSS as well covers a kernel without clear_refs.
  let sampled = 0;
  const sampler = setInterval(() => {
    const rss = status(pid, 'VmRSS');
    if (rss > sampled) sampled = rss;
  }, 20);
  sampler.unref();
  return {
    pid,
    rssMb: () => status(pid, 'VmRSS'),
    peakMb: () => Math.max(sampled, status(pid, 'VmHWM') || 0),
    resetPeak() {
      sampled = status(pid, 'VmRSS');
      try {
        writeFileSync(`/proc/${pid}/clear_refs`, '5');
        return true;
      } catch {
        return false;
      }
    },
    tail: () => out,
    logCounts: () => ({ ...counts }),
    firstLogs: () => Object.values(first),
    async stop(ms = 10_000) {
      clearInterval(sampler);
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), ms);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Polls `url` until it answers 200 (the bot loaded its intents and its adapters are up). */
export async function waitReady(url: string, bot: BotProcess, timeoutMs = 120_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const ok = await fetch(url, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > end || Number.isNaN(bot.rssMb())) throw new Error(`the bot did not get ready:\n${bot.tail()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
