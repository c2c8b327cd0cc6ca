// The terminal chat (`coach start` with no Slack or Discord settings) on a terminal shares it with
// the log: at the default log level nothing but warnings is logged there, so no log line lands
// between a question and its answer; logs redirected elsewhere keep their level. Through main.ts's
// real wiring, with in-memory I/O whose stderr says whether it is a terminal.
import { Readable } from 'node:stream';
import { expect, it, vi } from 'vitest';
import { run } from '../../src/main.ts';
import { sink } from '../helpers/sink.ts';
import { testModelCacheDir } from '../helpers/bot.ts';
import { cleanEnv } from '../helpers/spawn.ts';

vi.setConfig({ testTimeout: 120_000 });

async function chatLogLevels(stderrIsTerminal: boolean): Promise<{ code: number; stdout: string; levels: number[] }> {
  const out = sink();
  const err = sink();
  const stderr = Object.assign(err.out, { isTTY: stderrIsTerminal });
  const env = cleanEnv({ COACH_LOG_LEVEL: 'info', COACH_LOG_FORMAT: 'json', COACH_MODEL_CACHE_DIR: testModelCacheDir() });
  const code = await run(['start'], { stdin: Readable.from(['what is a docker image\n']), stdout: out.out, stderr }, { env });
  const levels = err
    .text()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => (JSON.parse(l) as { level: number }).level);
  return { code, stdout: out.text(), levels };
}

it('start without adapters, on a terminal, answers in the chat with no info lines on stderr', async () => {
  const r = await chatLogLevels(true);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('image');
  expect(r.levels.filter((l) => l < 40)).toEqual([]);
});

it('the same chat with stderr redirected keeps the configured (info) level', async () => {
  const r = await chatLogLevels(false);
  expect(r.code).toBe(0);
  expect(r.levels.some((l) => l === 30)).toBe(true);
});
