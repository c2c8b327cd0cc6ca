// Several hosts (COACH_HOSTS) through the real composition root (main.ts → app/host.ts), on two
// engine addresses: two recorders of our own, each in front of one of the suite's two recorders
// (test/global-setup.ts), which both forward to the real engine. Our recorders count what each
// address received; the suite's recorders keep the read-only proof (every request an
// allow-listed GET) for both. Proves: `--host` reaches that host only, `coach hosts --json`
// reports both, and a name found on both says where.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { buildTestImage, cleanup, describeEngine, docker, testName } from '../helpers/engine.ts';
import { proxySocket, proxySocketB } from '../helpers/engine-client.ts';
import { runMain } from '../helpers/cli.ts';
import { startRecorder, type Recorder } from '../helpers/recorder.ts';
import { testModelCacheDir } from '../helpers/bot.ts';
import { cleanEnv } from '../helpers/spawn.ts';

describeEngine('several hosts: coach why|ps|images --host, coach hosts', () => {
  let a: Recorder;
  let b: Recorder;
  const web = testName('hosts-web');
  const env = () =>
    cleanEnv({
      COACH_DOCKER: 'auto',
      COACH_HOSTS: `alpha=unix://${a.socketPath}, beta=unix://${b.socketPath}`,
      COACH_DEFAULT_HOST: 'alpha',
      COACH_ENGINE_TIMEOUT_MS: '10000',
      COACH_MODEL_CACHE_DIR: testModelCacheDir(),
    });

  beforeAll(async () => {
    a = await startRecorder({ target: proxySocket() });
    b = await startRecorder({ target: proxySocketB() });
    const image = testName('hosts-img:1');
    await buildTestImage(image);
    await docker('create', '--name', web, image);
  }, 180_000);

  afterAll(async () => {
    await a.close();
    await b.close();
    await cleanup();
  }, 120_000);

  beforeEach(() => {
    a.reset();
    b.reset();
  });

  it('coach why NAME --host beta asks beta only, and says which host answered', async () => {
    const r = await runMain(['why', web, '--host', 'beta', '--json'], { env: env() });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { host: string; findings: { code: string }[] };
    expect(out.host).toMatch(/^beta \(unix:\/\//);
    expect(out.findings.map((f) => f.code)).toContain('created_not_started');
    expect(b.requests.length).toBeGreaterThan(0);
    expect(a.requests).toEqual([]);
    expect([...a.violations(), ...b.violations()]).toEqual([]);
  });

  it('coach ps and images --host alpha ask alpha only; without --host the default (alpha) is asked', async () => {
    for (const argv of [
      ['ps', '--all', '--host', 'alpha', '--json'],
      ['images', '--host', 'alpha', '--json'],
      ['ps', '--all', '--json'],
    ]) {
      const r = await runMain(argv, { env: env() });
      expect(r.code, r.stderr).toBe(0);
      expect(Array.isArray(JSON.parse(r.stdout))).toBe(true);
    }
    expect(a.requests.length).toBeGreaterThan(0);
    expect(b.requests).toEqual([]);
  });

  it('an unknown --host asks no engine at all and says which hosts there are', async () => {
    const r = await runMain(['ps', '--host', 'gamma'], { env: env() });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('There is no host called gamma');
    expect(r.stdout).toContain('(hosts here: alpha, beta)');
    expect([...a.requests, ...b.requests]).toEqual([]);
  });

  it('why NAME with no host looks on each host, and says the name is on both', async () => {
    const r = await runMain(['why', web], { env: env() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${web} is on several hosts: alpha, beta`);
    expect(r.stdout).toContain(`why ${web} --host beta`);
    expect(a.requests.length).toBeGreaterThan(0);
    expect(b.requests.length).toBeGreaterThan(0);
  });

  it('coach hosts --json lists both, reachable, with the engine version and the default marked', async () => {
    const version = await docker('version', '--format', '{{.Server.Version}}');
    const r = await runMain(['hosts', '--json'], { env: env() });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { name: 'alpha', url: `unix://${a.socketPath}`, default: true, reachable: true, engineVersion: version },
      { name: 'beta', url: `unix://${b.socketPath}`, default: false, reachable: true, engineVersion: version },
    ]);
    expect(a.requests.map((x) => x.url.split('?')[0]?.replace(/^\/v[\d.]+/, ''))).toEqual(expect.arrayContaining(['/_ping', '/version']));
    expect([...a.violations(), ...b.violations()]).toEqual([]);
  });

  it('coach hosts says when a host does not answer (exit 1), and never prints a URL password', async () => {
    const r = await runMain(['hosts', '--json'], {
      env: {
        ...env(),
        COACH_HOSTS: `alpha=unix://${a.socketPath},gone=tcp://admin:hunter2@127.0.0.1:9`,
        COACH_HOST_GONE_TIMEOUT_MS: '2000',
      },
    });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('hunter2');
    const list = JSON.parse(r.stdout) as { name: string; url: string; reachable: boolean; engineVersion: string | null }[];
    expect(list.map((h) => [h.name, h.reachable])).toEqual([
      ['alpha', true],
      ['gone', false],
    ]);
    expect(list[1]).toMatchObject({ url: 'tcp://admin:[redacted]@127.0.0.1:9', engineVersion: null });
  });

  it('a host given as a docker context name is reached through the context’s endpoint', async () => {
    // A docker CLI config dir with one context, as `docker context create` writes it.
    const dir = mkdtempSync(join(tmpdir(), 'cc-ctx-'));
    try {
      const hash = createHash('sha256').update('team-b').digest('hex');
      mkdirSync(join(dir, 'contexts', 'meta', hash), { recursive: true });
      const meta = { Name: 'team-b', Metadata: {}, Endpoints: { docker: { Host: `unix://${b.socketPath}`, SkipTLSVerify: false } } };
      writeFileSync(join(dir, 'contexts', 'meta', hash, 'meta.json'), JSON.stringify(meta));
      const r = await runMain(['hosts', '--json'], {
        env: { ...env(), COACH_HOSTS: `alpha=unix://${a.socketPath},beta=team-b`, DOCKER_CONFIG: dir },
      });
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject([
        { name: 'alpha', reachable: true },
        { name: 'beta', url: `unix://${b.socketPath}`, reachable: true },
      ]);
      expect(b.requests.length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
