// The bot's own image, built once per test run and shared by every file that needs it
// (test/ship/image.test.ts, test/ship/hardening.test.ts): two builds of the same Dockerfile in
// one run cost minutes on a 2-core machine. Vitest runs files in separate workers, so the first
// caller takes a lock file and builds; the others wait for its result file. The global teardown
// (test/global-setup.ts) removes the tag and the builder's untagged stage images.
import { execFile } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import { botImageFiles } from './bot-image-files.ts';
import { waitFor } from './wait.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUILD_MS = 25 * 60_000;

export interface BotImage {
  tag: string;
  /** What the builder printed (stage image ids, layer by layer). */
  output: string;
  seconds: number;
}

async function script(path: string, args: string[], timeoutMs: number): Promise<string> {
  try {
    const { stdout } = await run('bash', [path, ...args], {
      cwd: ROOT,
      timeout: timeoutMs,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, DOCKER_CLI_HINTS: 'false' },
    });
    return stdout;
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    const tail = (s = '') => s.split('\n').slice(-40).join('\n');
    throw new Error(`${path} failed: ${e.message}\n--- stdout (last lines)\n${tail(e.stdout)}\n--- stderr\n${tail(e.stderr)}`, {
      cause: err,
    });
  }
}

/** Builds the image once for this run (or waits for the worker that does) and returns it. */
export async function botImage(): Promise<BotImage> {
  const tag = inject('botImageTag');
  const files = botImageFiles(tag);
  mkdirSync(dirname(files.lock), { recursive: true });
  let mine = false;
  try {
    closeSync(openSync(files.lock, 'wx'));
    mine = true;
  } catch {
    // Another worker builds it.
  }
  if (mine) {
    const started = Date.now();
    let result: BotImage | { error: string };
    try {
      const base = await script('.ci/base-image.sh', [], 10 * 60_000);
      console.log(base.trim());
      const output = await script('.ci/build-image.sh', [tag], 20 * 60_000);
      result = { tag, output, seconds: (Date.now() - started) / 1000 };
      console.log(`[image] built ${tag} in ${result.seconds.toFixed(0)} s`);
    } catch (err) {
      result = { error: (err as Error).message };
    }
    writeFileSync(files.result, JSON.stringify(result));
  }
  const result = await waitFor('the bot image build', () => existsSync(files.result) && readFileSync(files.result, 'utf8'), {
    timeoutMs: BUILD_MS,
    everyMs: 500,
  });
  const parsed = JSON.parse(result) as BotImage | { error: string };
  if ('error' in parsed) throw new Error(`the bot image did not build: ${parsed.error}`);
  return parsed;
}
