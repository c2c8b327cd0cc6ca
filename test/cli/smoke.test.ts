// The one test that spawns the real `coach` binary (bin/coach.js), as a person runs it after
// `npm ci`: the launcher, tsx, main.ts's wiring and a real answer on stdout. Every other CLI
// test runs in-process (test/cli/cli.test.ts).
import { expect, it, vi } from 'vitest';
import { knowledgeBase } from '../helpers/bot.ts';
import { runCoach } from '../helpers/spawn.ts';

// A fresh process per test: room for its start-up on a loaded machine (the wait, not a pass condition).
vi.setConfig({ testTimeout: 180_000 });

it('`coach ask` in a fresh process prints the answer and exits 0', async () => {
  const r = await runCoach(['ask', 'what is the difference between a docker image and a container'], { timeoutMs: 150_000 });
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toContain(knowledgeBase().get('concept.difference')!.title);
  // The short answer (a unit), with the full article one step away ("More").
  expect(r.stdout).toContain('blueprint');
  expect(r.stdout).toMatch(/More/);
});
