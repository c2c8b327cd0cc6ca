// The one test that spawns the real `coach` binary (bin/coach.js), as a person runs it after
// `npm ci`: the launcher, tsx, main.ts's wiring and a real answer on stdout. Every other CLI
// test runs in-process (test/cli/cli.test.ts).
import { expect, it } from 'vitest';
import { realParts } from '../helpers/bot.ts';
import { runCoach } from '../helpers/spawn.ts';

it('`coach ask` in a fresh process prints the answer and exits 0', async () => {
  const r = await runCoach(['ask', 'what is the difference between a docker image and a container'], { timeoutMs: 120_000 });
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toContain(realParts().kb.get('concept.difference')!.title);
  expect(r.stdout).toContain('docker build');
}, 130_000);
