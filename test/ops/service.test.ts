// `coach start` as a real process (what needs one: signals, and the process ending by itself):
// /healthz, /readyz and /metrics over real HTTP, and a graceful SIGTERM.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freePort, startCoach, type Running } from '../helpers/process.ts';
import { knowledgeBase } from '../helpers/bot.ts';
import { cleanEnv } from '../helpers/spawn.ts';

// A fresh process per test: room for its start-up on a loaded machine (the wait, not a pass condition).
vi.setConfig({ testTimeout: 180_000 });

let running: Running | undefined;
afterEach(() => running?.kill());

describe('coach start (terminal chat + operational endpoints)', () => {
  it('serves /healthz, /readyz and /metrics, answers, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    running = startCoach(['start'], cleanEnv({ COACH_HTTP_PORT: String(port), COACH_LOG_FORMAT: 'json' }));
    await running.waitFor((_, err) => err.includes('http server listening'));
    const base = `http://127.0.0.1:${port}`;

    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { intents: true } });

    running.child.stdin.write('what is a docker image\n');
    running.child.stdin.write('what is the capital of France\n');
    await running.waitFor((out) => /not sure i can help/i.test(out));

    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/coach_questions_total\{intent="concept.image",platform="cli"\} 1/);
    expect(metrics).toMatch(/coach_none_answers_total\{platform="cli"\} 1/);
    expect(metrics).toContain('coach_answer_latency_seconds_bucket');
    expect(metrics).toContain('coach_feedback_total');
    expect(metrics).toContain('coach_engine_errors_total');

    // One log line per handled question, without the question text by default.
    const answered = running
      .stderr()
      .split('\n')
      .filter((l) => l.includes('"msg":"answered"'))
      .map((l) => JSON.parse(l));
    expect(answered).toHaveLength(2);
    expect(answered[0]).toMatchObject({ platform: 'cli', intent: 'concept.image', hostUsed: false });
    expect(answered[0]).toHaveProperty('latencyMs');
    expect(answered[0]).not.toHaveProperty('question');

    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(405);

    // The shutdown budget is the service's own timer; the test waits for the exit (bounded by its timeout).
    running.child.kill('SIGTERM');
    const { code, signal } = await running.exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(running.stderr()).toContain('"msg":"stopped"');
  });

  it('without an HTTP port, the terminal chat ends with its input and exits 0; COACH_LOG_QUESTIONS=true logs the text', async () => {
    running = startCoach(['start'], cleanEnv({ COACH_LOG_FORMAT: 'json', COACH_LOG_QUESTIONS: 'true' }));
    running.child.stdin.end('what is a docker image\n');
    const { code } = await running.exited;
    expect(code).toBe(0);
    expect(running.stdout()).toContain(knowledgeBase().get('concept.image')!.title);
    expect(running.stderr()).toContain('"question":"what is a docker image"');
  });
});
