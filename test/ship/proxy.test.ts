// `coach proxy` (src/proxy/), run for real in front of the real engine, with a container that
// carries secrets the way real ones do: an environment value (DB_PASSWORD=s3cret), a label
// (api_token=…), command-line arguments (--password=…, --api-key …), a health check that prints
// a token, log lines with environment values, and a `docker exec` with a password on its command
// line. The engine hands all of them out (checked first); through the proxy, no answer contains
// any of them. Between the proxy and the engine sits a recorder that counts every request that
// reaches the engine: refused requests never do.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDockerHost } from '../../src/host/docker-host.ts';
import { DEFAULTS, EVENTS_WINDOW_S, type ProxyOptions } from '../../src/proxy/options.ts';
import { startProxy, type ProxyServer } from '../../src/proxy/server.ts';
import { buildTestImage, cleanup, describeEngine, docker, testName } from '../helpers/engine.ts';
import { waitFor } from '../helpers/wait.ts';
import { freePort, startCoach } from '../helpers/process.ts';
import { startRecorder, type Recorder } from '../helpers/recorder.ts';
import { cleanEnv } from '../helpers/spawn.ts';

const SOCKET = process.env.DOCKER_HOST?.startsWith('unix://') ? process.env.DOCKER_HOST.slice('unix://'.length) : '/var/run/docker.sock';
const tag = randomBytes(4).toString('hex');
const SECRET = {
  env: 's3cret',
  label: `tok-label-${tag}`,
  arg: `pw-arg-${tag}`,
  argSeparate: `key-arg-${tag}`,
  health: `hc-${tag}`,
  log: `log-${tag}`,
  exec: `pw-exec-${tag}`,
};
const SECRETS = Object.values(SECRET);
const IMAGE = testName('proxy-img:1');
const NAME = testName('proxy-secrets');
const BIG = testName('proxy-big');
const R = '[redacted]';
const now = () => Math.floor(Date.now() / 1000);
const leaked = (text: string) => SECRETS.filter((s) => text.includes(s));

interface Got {
  status: number;
  body: string;
}

/** One raw request (path as is, never normalised). */
function send(p: ProxyServer, method: string, path: string): Promise<Got> {
  const at = p.address.lastIndexOf(':');
  return new Promise((resolve, reject) => {
    const req = request({ host: p.address.slice(0, at), port: Number(p.address.slice(at + 1)), method, path, timeout: 20_000 }, (res) => {
      let body = '';
      res.setEncoding('latin1');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`timeout: ${method} ${path}`)));
    req.on('error', reject);
    req.end();
  });
}

/** The docker CLI pointed at the proxy. */
function viaProxy(p: ProxyServer, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('docker', args, { env: { ...process.env, DOCKER_HOST: `tcp://${p.address}`, DOCKER_CLI_HINTS: 'false' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const REFUSED: [string, string][] = [
  ['POST', '/v1.41/containers/create'],
  ['POST', `/v1.41/containers/${NAME}/start`],
  ['POST', `/v1.41/containers/${NAME}/exec`],
  ['DELETE', `/v1.41/containers/${NAME}`],
  ['DELETE', '/v1.41/images/x'],
  ['PUT', `/v1.41/containers/${NAME}/archive?path=/`],
  ['HEAD', '/_ping'],
  ['GET', `/v1.41/containers/${NAME}/export`],
  ['GET', `/v1.41/containers/${NAME}/archive?path=/etc`],
  ['GET', `/v1.41/containers/${NAME}/stats`],
  ['GET', `/v1.41/containers/${NAME}/top`],
  ['GET', '/v1.41/images/x/get'],
  ['GET', '/v1.41/exec/x/json'],
  ['GET', '/v1.41/secrets'],
  ['GET', '/v1.41/volumes'],
  ['GET', '/v1.41/networks'],
  ['GET', '/v1.41/events'],
  ['GET', `/v1.41/events?since=${now() - 60}`],
  ['GET', `/v1.41/containers/${NAME}/json?size=1`],
  ['GET', '/v1.41/containers/a%2F..%2Fb/json'],
  ['GET', '/v1.41/images/a/../../containers/x/export'],
  ['GET', '/v1.41//containers/json'],
  ['GET', '/v1.41/containers/json/'],
];

describeEngine('coach proxy in front of the real engine', () => {
  let recorder: Recorder;
  let proxy: ProxyServer;
  let withLogs: ProxyServer;
  let small: ProxyServer;
  const logger = pino({ level: 'silent' });
  const stops: (() => Promise<void>)[] = [];
  const start = async (o: Partial<ProxyOptions>) => {
    const p = await startProxy(
      { ...DEFAULTS, listen: { kind: 'tcp', host: '127.0.0.1', port: 0 }, upstreamSocket: recorder.socketPath, logs: false, ...o },
      logger,
    );
    stops.push(() => p.close(1000));
    return p;
  };
  /** Requests that reached the engine so far. */
  const reached = () => recorder.requests.length;

  beforeAll(async () => {
    recorder = await startRecorder({ target: SOCKET });
    stops.push(() => recorder.close());
    proxy = await start({});
    withLogs = await start({ logs: true });
    small = await start({ maxBodyBytes: 16 * 1024 });
    await buildTestImage(IMAGE);
    await docker(
      'run',
      '-d',
      '--name',
      NAME,
      '-e',
      `DB_PASSWORD=${SECRET.env}`,
      '-e',
      `SESSION_ID=${SECRET.log}`,
      '-l',
      `api_token=${SECRET.label}`,
      '--health-cmd',
      `echo token=${SECRET.health}`,
      '--health-interval',
      '2s',
      IMAGE,
      'sh',
      '-c',
      'echo "db password is $DB_PASSWORD"; echo "resuming session $SESSION_ID" >&2; sleep 3600',
      'app',
      `--password=${SECRET.arg}`,
      '--api-key',
      SECRET.argSeparate,
    );
    // A container whose inspect answer alone is over the small proxy's cap.
    await docker('create', '--name', BIG, '-l', `padding=${'x'.repeat(40 * 1024)}`, IMAGE);
    await waitFor('the first health check', async () => (await docker('inspect', '--format', '{{len .State.Health.Log}}', NAME)) !== '0', {
      timeoutMs: 60_000,
      everyMs: 500,
    });
  }, 180_000);

  afterAll(async () => {
    // Whatever beforeAll got to start, newest first.
    for (const stop of stops.reverse()) await stop();
    await cleanup();
  }, 120_000);

  it('the engine itself hands out every one of these secrets (what the proxy must stop)', async () => {
    const raw = await docker('inspect', NAME);
    for (const s of [SECRET.env, SECRET.log, SECRET.label, SECRET.arg, SECRET.argSeparate, SECRET.health]) expect(raw).toContain(s);
  });

  it('inspect: environment names only, secret labels and arguments redacted, health output scrubbed', async () => {
    const r = await send(proxy, 'GET', `/v1.41/containers/${NAME}/json`);
    expect(r.status).toBe(200);
    expect(leaked(r.body)).toEqual([]);
    const info = JSON.parse(r.body);
    expect(info.Name).toBe(`/${NAME}`);
    expect(info.Config.Env).toContain(`DB_PASSWORD=${R}`);
    expect(info.Config.Labels.api_token).toBe(R);
    expect(info.Args).toContain(`--password=${R}`);
    expect(info.Config.Healthcheck.Test.join(' ')).toContain(`token=${R}`);
    expect(info.State.Health.Log.length).toBeGreaterThan(0);
    expect(info.State.Running).toBe(true);
  });

  it('lists and image inspect: the container is there, its secrets are not', async () => {
    const containers = await send(proxy, 'GET', '/v1.41/containers/json?all=1');
    expect(containers.status).toBe(200);
    expect(leaked(containers.body)).toEqual([]);
    const mine = (JSON.parse(containers.body) as { Names: string[]; Labels: Record<string, string>; Command: string }[]).find((c) =>
      c.Names.includes(`/${NAME}`),
    );
    expect(mine?.Labels.api_token).toBe(R);
    expect(mine?.Command).toContain(`--api-key ${R}`);
    for (const path of ['/v1.41/images/json', `/v1.41/images/${IMAGE}/json`]) {
      const r = await send(proxy, 'GET', path);
      expect(r.status, path).toBe(200);
      expect(leaked(r.body)).toEqual([]);
    }
  });

  it('the docker CLI through the proxy: inspect and ps work and show no secret; create is refused', async () => {
    const inspect = await viaProxy(proxy, 'inspect', NAME);
    expect(inspect.code, inspect.stderr).toBe(0);
    expect(inspect.stdout).toContain(NAME);
    expect(leaked(inspect.stdout)).toEqual([]);
    const ps = await viaProxy(proxy, 'ps', '-a', '--no-trunc', '--format', '{{.Names}} {{.Command}} {{.Labels}}');
    expect(ps.code, ps.stderr).toBe(0);
    expect(ps.stdout).toContain(NAME);
    expect(leaked(ps.stdout)).toEqual([]);
    const create = await viaProxy(proxy, 'create', IMAGE);
    expect(create.code).not.toBe(0);
    expect(create.stderr).toMatch(/coach proxy: .*(never allowed|not allowed|not on the allow-list)/);
  });

  it('events: exec command lines and secret labels never come through, the other events do', async () => {
    const ev = testName('proxy-events');
    const since = now() - 1;
    await docker('run', '-d', '--name', ev, '-l', `api_token=${SECRET.label}`, IMAGE, 'sh', '-c', 'sleep 3600');
    await docker('exec', ev, 'sh', '-c', `true --password=${SECRET.exec}`);
    const until = now() + 1;
    await waitFor('the exec to show in the engine events', async () => {
      const raw = await docker('events', '--since', String(since), '--until', String(until), '--format', '{{json .}}');
      return raw.includes(SECRET.exec) && raw.includes(SECRET.label);
    });
    const r = await send(proxy, 'GET', `/v1.41/events?since=${since}&until=${now()}`);
    expect(r.status).toBe(200);
    expect(leaked(r.body)).toEqual([]);
    const events = r.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { Action: string; Actor: { Attributes: Record<string, string> } });
    expect(events.filter((e) => e.Action.startsWith('exec_'))).toEqual([]);
    const started = events.find((e) => e.Action === 'start' && e.Actor.Attributes.name === ev);
    expect(started?.Actor.Attributes.api_token).toBe(R);
    const cli = await viaProxy(proxy, 'events', '--since', String(since), '--until', String(now()), '--format', '{{json .}}');
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toContain(ev);
    expect(leaked(cli.stdout)).toEqual([]);
    expect(cli.stdout).not.toMatch(/exec_/);
  });

  it('refuses POST, DELETE, unknown GETs and unbounded events with 403, and none of them reaches the engine', async () => {
    const before = reached();
    for (const [method, path] of REFUSED) expect((await send(proxy, method, path)).status, `${method} ${path}`).toBe(403);
    expect(reached()).toBe(before);
    // The engine does answer through the same proxy.
    expect((await send(proxy, 'GET', '/_ping')).status).toBe(200);
    expect(reached()).toBe(before + 1);
  });

  it('events are bounded: an `until` in the future is refused, a near one and an old `since` are moved', async () => {
    // The proxy's clock is fixed (a minute ago, so the engine answers at once): exact bounds, no wall clock read after.
    const fixedS = now() - 60;
    const clocked = await start({ now: () => fixedS * 1000 + 250 });
    const before = reached();
    expect((await send(clocked, 'GET', `/v1.41/events?since=${fixedS - 60}&until=${fixedS + 3600}`)).status).toBe(403);
    expect(reached()).toBe(before);
    const r = await send(clocked, 'GET', `/v1.41/events?since=0&until=${fixedS + 8}`);
    expect(r.status).toBe(200);
    const sent = new URLSearchParams(recorder.requests.at(-1)!.url.split('?')[1]);
    // What the engine was asked: the end moved back to the proxy's now, the start to the window's edge.
    expect(sent.get('until')).toBe(`${fixedS}.250`);
    expect(sent.get('since')).toBe(String(fixedS - EVENTS_WINDOW_S));
  });

  it('cuts an answer over the size cap: 502, although the engine answered', async () => {
    const before = reached();
    const r = await send(small, 'GET', `/v1.41/containers/${BIG}/json`);
    expect(r.status).toBe(502);
    expect(JSON.parse(r.body).message).toMatch(/larger than 16384 bytes/);
    expect(reached()).toBe(before + 1);
    // The same answer passes a proxy with the default cap.
    expect((await send(proxy, 'GET', `/v1.41/containers/${BIG}/json`)).status).toBe(200);
  });

  it('logs: only when switched on, bounded, with the env values and secret shapes taken out', async () => {
    const logs = `/v1.41/containers/${NAME}/logs?stdout=1&stderr=1`;
    expect((await send(proxy, 'GET', `${logs}&tail=10`)).status).toBe(403);
    expect((await send(withLogs, 'GET', `${logs}&tail=51`)).status).toBe(403);
    expect((await send(withLogs, 'GET', `${logs}&tail=10&follow=1`)).status).toBe(403);
    const raw = await docker('logs', NAME).catch(() => '');
    expect(raw).toContain(SECRET.env);
    const r = await send(withLogs, 'GET', `${logs}&tail=10`);
    expect(r.status).toBe(200);
    expect(r.body).toContain(`db password is ${R}`);
    expect(r.body).toContain(`resuming session ${R}`);
    expect(leaked(r.body)).toEqual([]);
  });

  it('the bot works through it: list and diagnose the container', async () => {
    const host = createDockerHost({ connect: { dockerHost: `tcp://${proxy.address}` }, timeoutMs: 10_000 });
    expect(await host.ping()).toBe(true);
    expect((await host.listContainers({ all: true })).some((c) => c.names.includes(NAME))).toBe(true);
    const d = await host.diagnose({ subject: NAME });
    expect(d.findings.map((f) => f.code)).not.toContain('daemon_unreachable');
    expect(JSON.stringify(d)).not.toMatch(new RegExp(SECRETS.join('|')));
  });

  it('`coach proxy` as a process: serves from the configuration, exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const coach = startCoach(
      ['proxy'],
      cleanEnv({
        COACH_PROXY_LISTEN: `127.0.0.1:${port}`,
        COACH_PROXY_UPSTREAM: `unix://${recorder.socketPath}`,
        COACH_LOG_FORMAT: 'json',
      }),
    );
    try {
      await coach.waitFor((_out, err) => err.includes('proxy listening'), 90_000);
      const r = await send({ address: `127.0.0.1:${port}` } as ProxyServer, 'GET', `/v1.41/containers/${NAME}/json`);
      expect(r.status).toBe(200);
      expect(leaked(r.body)).toEqual([]);
      coach.child.kill('SIGTERM');
      expect((await coach.exited).code).toBe(0);
      expect(coach.stderr()).toContain('proxy stopped');
      expect(leaked(coach.stderr())).toEqual([]);
    } finally {
      coach.kill();
    }
  }, 120_000);
});
