// The terminal chat (`coach start` with no Slack or Discord settings) shares the terminal with the
// conversation: at the default log level nothing but warnings is logged, so no log line lands
// between a question and its answer. Through main.ts's real wiring, with in-memory I/O.
import { expect, it, vi } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import { cleanEnv } from '../helpers/spawn.ts';

vi.setConfig({ testTimeout: 120_000 });

it('start without adapters answers in the chat with no info lines on stderr', async () => {
  const r = await runMain(['start'], {
    input: 'what is a docker image\n',
    env: cleanEnv({ COACH_LOG_LEVEL: 'info', COACH_LOG_FORMAT: 'json', COACH_MODEL_CACHE_DIR: 'off' }),
  });
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toContain('image');
  const levels = r.stderr
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => (JSON.parse(l) as { level: number }).level);
  expect(levels.filter((l) => l < 40)).toEqual([]);
});
