// /readyz with several Docker hosts, through the real service (startService over HTTP) and the
// real host wiring (loadConfig → buildHosts): the default host decides readiness, every host is
// reported in the body. `main` is the real engine (behind the suite's recorder); `staging` is a
// loopback port nobody listens on; `hung` accepts and never answers, with a long time limit of
// its own — the probe still answers (it waits for any host at most HOST_PING_BUDGET_MS).
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { afterEach, beforeAll, afterAll, expect, it } from 'vitest';
import { buildHosts } from '../../src/app/host.ts';
import { startService } from '../../src/app/service.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/ops/logger.ts';
import { createMetrics } from '../../src/ops/metrics.ts';
import { describeEngine } from '../helpers/engine.ts';
import { proxySocket } from '../helpers/engine-client.ts';
import { hostBot, untrainedNlu } from '../helpers/host-bot.ts';
import { freePort } from '../helpers/process.ts';
import { startSilentServer, type StandIn } from '../helpers/stand-in-servers.ts';

interface Ready {
  status: string;
  checks: Record<string, boolean>;
  hosts?: Record<string, { default: boolean; reachable: boolean; timedOut?: true }>;
}

describeEngine('/readyz with several hosts: the default decides, every host is reported', () => {
  let hung: StandIn;
  let closedPort = 0;
  let stop: (() => Promise<number>) | undefined;

  beforeAll(async () => {
    hung = await startSilentServer();
    closedPort = await freePort(); // closed again at once: nothing listens there
  });

  afterAll(() => hung.close());

  afterEach(async () => {
    await stop?.();
    stop = undefined;
  });

  /** Starts the service with these COACH_HOSTS settings; resolves with /readyz's status and body. */
  async function readyz(env: Record<string, string>): Promise<{ status: number; body: Ready }> {
    const port = await freePort();
    const config = loadConfig({ COACH_DOCKER: 'auto', COACH_HTTP_PORT: String(port), COACH_ENGINE_TIMEOUT_MS: '10000', ...env });
    const logger = createLogger({
      level: 'silent',
      format: 'json',
      secrets: [],
      destination: { write: () => true } as unknown as NodeJS.WritableStream,
    });
    const hosts = buildHosts(config, { force: false, logger });
    const bot = hostBot(undefined, { hosts: hosts.map((h) => ({ name: h.name, host: h.host })) });
    const signals = new EventEmitter();
    const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
    const host = hosts[0]?.host;
    const exited = startService(
      { config, logger, metrics: createMetrics(), bot, nlu: untrainedNlu(), hosts, ...(host ? { host } : {}) },
      io,
      signals,
    );
    stop = () => {
      signals.emit('SIGTERM');
      return exited;
    };
    // The server is up once it answers at all (bounded: 400 tries).
    for (let i = 0; i < 400; i++) {
      const r = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null);
      if (r) return { status: r.status, body: (await r.json()) as Ready };
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the service did not start');
  }

  it('default host up, staging down: ready (200), and the body shows staging unreachable', async () => {
    const r = await readyz({ COACH_HOSTS: `main=unix://${proxySocket()}, staging=tcp://127.0.0.1:${closedPort}` });
    expect(r.body).toEqual({
      status: 'ready',
      checks: { intents: true, engine: true },
      hosts: { main: { default: true, reachable: true }, staging: { default: false, reachable: false } },
    });
    expect(r.status).toBe(200);
  });

  it('default host down: not ready (503), and the body says which host', async () => {
    const r = await readyz({
      COACH_HOSTS: `main=unix://${proxySocket()}, staging=tcp://127.0.0.1:${closedPort}`,
      COACH_DEFAULT_HOST: 'staging',
    });
    expect(r.status).toBe(503);
    expect(r.body).toEqual({
      status: 'not ready',
      checks: { intents: true, engine: false },
      hosts: { staging: { default: true, reachable: false }, main: { default: false, reachable: true } },
    });
  });

  it('a hung non-default host with a long time limit of its own: the probe still answers, ready, that host marked timed out', async () => {
    const r = await readyz({
      COACH_HOSTS: `main=unix://${proxySocket()}, hung=tcp://127.0.0.1:${hung.port}`,
      COACH_HOST_HUNG_TIMEOUT_MS: '60000',
    });
    expect(r.status).toBe(200);
    expect(r.body.hosts).toEqual({ main: { default: true, reachable: true }, hung: { default: false, reachable: false, timedOut: true } });
    expect(hung.accepted()).toBeGreaterThan(0);
  });
});
