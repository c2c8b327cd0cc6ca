// SIGTERM while an answer is waiting on the engine: the answer is still delivered, then the
// process exits 0 (the shutdown budget is the service's own timer; the test only bounds its wait). The engine here is a slow local stand-in on 127.0.0.1 that
// answers each (GET) request after a delay.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startCoach, type Running } from '../helpers/process.ts';
import { cleanEnv } from '../helpers/spawn.ts';
import { waitFor } from '../helpers/wait.ts';

// A fresh process per test: room for its start-up on a loaded machine (the wait, not a pass condition).
vi.setConfig({ testTimeout: 180_000 });

let running: Running | undefined;
let engine: Server | undefined;
afterEach(async () => {
  running?.kill();
  engine?.closeAllConnections();
  await new Promise((r) => {
    if (engine) engine.close(r);
    else r(null);
  });
});

function slowEngine(delayMs: number, seen: string[]): Promise<number> {
  engine = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const path = (req.url ?? '').split('?')[0]!.replace(/^\/v[\d.]+/, '');
    const body = path === '/_ping' ? 'OK' : path === '/events' ? '' : path.endsWith('/json') && path.split('/').length === 3 ? '[]' : '{}';
    setTimeout(() => res.writeHead(200, { 'content-type': path === '/_ping' ? 'text/plain' : 'application/json' }).end(body), delayMs);
  });
  return new Promise((resolve) =>
    engine!.listen(0, '127.0.0.1', () => {
      resolve((engine!.address() as AddressInfo).port);
    }),
  );
}

describe('graceful shutdown', () => {
  it('a SIGTERM during an answer still delivers it and exits 0', async () => {
    const seen: string[] = [];
    const port = await slowEngine(700, seen);
    running = startCoach(
      ['start'],
      cleanEnv({ COACH_DOCKER: 'on', DOCKER_HOST: `tcp://127.0.0.1:${port}`, COACH_ENGINE_TIMEOUT_MS: '5000', COACH_LOG_FORMAT: 'json' }),
    );
    running.child.stdin.write('why is my container missing\n');
    await waitFor('the bot to ask the engine', () => seen.length > 0, { timeoutMs: 60_000 });
    running.child.kill('SIGTERM');
    const { code, signal } = await running.exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(running.stdout()).toMatch(/What I found|I looked at the engine/);
    expect(seen.every((r) => r.startsWith('GET '))).toBe(true);
  });
});
