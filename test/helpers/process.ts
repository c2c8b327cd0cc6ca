// A long-running `coach` child process the test can talk to, read from and signal.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer } from 'node:net';
import { COACH, ROOT } from './spawn.ts';
import { waitFor } from './wait.ts';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => {
        resolve(port);
      });
    });
  });
}

/** A fresh `coach` process imports, loads intents and trains before it answers: minutes' room on a loaded machine. */
export const START_MS = 90_000;

export interface Running {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Waits (bounded) until `pred` holds for stdout/stderr. */
  waitFor(pred: (out: string, err: string) => boolean, ms?: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(): void;
}

export function startCoach(args: string[], env: Record<string, string>): Running {
  const child = spawn(process.execPath, [COACH, ...args], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer | string) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer | string) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      resolve({ code, signal });
    }),
  );
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    async waitFor(pred, ms) {
      await waitFor(
        'coach output',
        () => {
          if (child.exitCode !== null) throw new Error(`coach exited (${child.exitCode}); stderr:\n${err}`);
          return pred(out, err);
        },
        { everyMs: 50, timeoutMs: ms ?? START_MS, detail: () => `stdout:\n${out}\nstderr:\n${err}` },
      );
    },
    exited,
    kill: () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
