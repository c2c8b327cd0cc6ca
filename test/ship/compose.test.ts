// deploy/compose.yaml, as Compose itself reads it (`docker-compose config`, Debian's package):
// the proxy is `coach proxy` from the bot's own image, the socket only in the proxy (read-only),
// the proxy unreachable from outside, not root and read-only, without the bot's tokens, the bot
// reaching the engine only through it, and the comments listing the bot's own allow-list
// (src/host/allowlist.ts). What the proxy lets through and strips is tested live in proxy.test.ts.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENDPOINTS } from '../../src/host/allowlist.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const COMPOSE_FILE = join(ROOT, 'deploy', 'compose.yaml');
const PROXY_URL = 'tcp://docker-proxy:2375';

interface Service {
  image?: string;
  build?: { context?: string; dockerfile?: string };
  command?: string[] | string;
  group_add?: (string | number)[];
  env_file?: string[] | string;
  environment?: Record<string, string | null>;
  volumes?: (string | { source?: string; target?: string; read_only?: boolean })[];
  ports?: (string | { published?: number | string; host_ip?: string })[];
  networks?: Record<string, unknown> | string[];
  network_mode?: string;
  user?: string;
  privileged?: boolean;
  read_only?: boolean;
  cap_drop?: string[];
  security_opt?: string[];
  restart?: string;
  healthcheck?: { test?: string[] | string; disable?: boolean };
  tmpfs?: string[] | string;
}
interface ComposeModel {
  services: Record<string, Service>;
  networks?: Record<string, { internal?: boolean } | null>;
}

function hasCompose(): boolean {
  try {
    execFileSync('docker-compose', ['version'], { stdio: 'pipe', timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

const available = hasCompose();
const required = process.env.REQUIRE_DOCKER === '1' || process.env.CI === 'true';
if (!available && !required) {
  console.warn(
    '[compose] skipping deploy/compose.yaml checks: `docker-compose` is not installed (.ci/install-system.sh installs it; REQUIRE_DOCKER=1 fails instead).',
  );
}

const mountsSocket = (s: Service) =>
  (s.volumes ?? []).some((v) => (typeof v === 'string' ? v : `${v.source ?? ''}:${v.target ?? ''}`).includes('docker.sock'));
const networksOf = (s: Service) => (Array.isArray(s.networks) ? s.networks : Object.keys(s.networks ?? {}));

describe.skipIf(!available && !required)('deploy/compose.yaml', () => {
  let model: ComposeModel;
  let dir: string;
  const token = 'xoxb-compose-test-token';

  beforeAll(async () => {
    if (!available) throw new Error('`docker-compose` is missing: run .ci/install-system.sh (Debian package docker-compose).');
    dir = mkdtempSync(join(tmpdir(), 'cc-compose-'));
    const envFile = join(dir, 'test.env');
    // A .env that tries to point the bot at the raw socket: the compose file must win.
    writeFileSync(envFile, `SLACK_BOT_TOKEN=${token}\nDOCKER_HOST=unix:///var/run/docker.sock\n`);
    const { stdout } = await run('docker-compose', ['-f', COMPOSE_FILE, 'config'], {
      cwd: ROOT,
      timeout: 60_000,
      env: { ...process.env, COACH_ENV_FILE: envFile },
    });
    model = parse(stdout) as ComposeModel;
  }, 90_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('has the bot and the socket proxy', () => {
    expect(Object.keys(model.services).sort()).toEqual(['coach', 'docker-proxy']);
  });

  it('mounts the Docker socket only into the proxy, read-only', () => {
    const withSocket = Object.entries(model.services)
      .filter(([, s]) => mountsSocket(s))
      .map(([name]) => name);
    expect(withSocket).toEqual(['docker-proxy']);
    const mount = model.services['docker-proxy']!.volumes!.find((v) => JSON.stringify(v).includes('docker.sock'))!;
    expect(typeof mount === 'string' ? mount.endsWith(':ro') : mount.read_only).toBe(true);
  });

  it('publishes no proxy port and keeps the proxy on an internal network shared only with the bot', () => {
    const proxy = model.services['docker-proxy']!;
    expect(proxy.ports ?? []).toEqual([]);
    expect(proxy.network_mode).toBeUndefined();
    expect(proxy.privileged ?? false).toBe(false);
    const nets = networksOf(proxy);
    expect(nets.length).toBeGreaterThan(0);
    for (const net of nets) {
      expect(model.networks?.[net]?.internal, `network ${net} must be internal`).toBe(true);
      const members = Object.entries(model.services)
        .filter(([, s]) => networksOf(s).includes(net))
        .map(([n]) => n);
      expect(members.sort()).toEqual(['coach', 'docker-proxy']);
    }
  });

  it("runs the proxy as `coach proxy` from the bot's own image, not as root, in the socket's group", () => {
    const proxy = model.services['docker-proxy']!;
    const coach = model.services.coach!;
    expect(proxy.image).toBe(coach.image);
    expect(proxy.build).toEqual(coach.build);
    expect(proxy.build?.context).toBe(ROOT.replace(/\/$/, ''));
    expect(proxy.command).toEqual(['coach', 'proxy']);
    expect(coach.command).toEqual(['coach', 'start']);
    expect(proxy.user).toBe('node');
    expect(proxy.group_add?.map(String)).toEqual([process.env.DOCKER_GID ?? '999']);
    expect(proxy.cap_drop).toContain('ALL');
    expect(proxy.environment?.COACH_PROXY_LISTEN).toBe('0.0.0.0:2375');
    expect(proxy.environment?.COACH_PROXY_UPSTREAM).toBe('unix:///var/run/docker.sock');
    expect(JSON.stringify(proxy.healthcheck?.test)).toContain('2375/_ping');
  });

  it("gives the proxy none of the bot's settings: no env file, so no token", () => {
    const proxy = model.services['docker-proxy']!;
    expect(proxy.env_file).toBeUndefined();
    expect(JSON.stringify(proxy)).not.toContain(token);
  });

  it('ships no nginx configuration any more', () => {
    expect(existsSync(join(ROOT, 'deploy', 'docker-proxy.conf'))).toBe(false);
    expect(readFileSync(COMPOSE_FILE, 'utf8')).not.toMatch(/nginx/i);
  });

  it('points the bot at the proxy, whatever .env says, and keeps tokens in the env file', () => {
    const coach = model.services.coach!;
    expect(coach.environment?.DOCKER_HOST).toBe(PROXY_URL);
    expect(coach.environment?.SLACK_BOT_TOKEN).toBe(token);
    expect(mountsSocket(coach)).toBe(false);
    expect(networksOf(coach)).toContain(networksOf(model.services['docker-proxy']!)[0]);
  });

  it('runs the bot locked down: read-only root, no capabilities, no new privileges, health, restart', () => {
    const coach = model.services.coach!;
    expect(coach.read_only).toBe(true);
    expect(coach.cap_drop).toContain('ALL');
    expect((coach.security_opt ?? []).some((o) => /^no-new-privileges(:true)?$/.test(o))).toBe(true);
    expect(coach.restart).toBe('unless-stopped');
    expect(coach.healthcheck?.disable ?? false).toBe(false);
    expect(JSON.stringify(coach.healthcheck?.test)).toContain('/healthz');
    for (const p of coach.ports ?? []) {
      const hostIp = typeof p === 'string' ? p.split(':').slice(0, -2).join(':') : p.host_ip;
      expect(hostIp, `published port ${JSON.stringify(p)} must bind to localhost`).toBe('127.0.0.1');
    }
    const proxy = model.services['docker-proxy']!;
    expect(proxy.read_only).toBe(true);
    expect((proxy.security_opt ?? []).some((o) => o.startsWith('no-new-privileges'))).toBe(true);
  });

  it('lists in its comments exactly the GET paths of the allow-list', () => {
    const text = readFileSync(COMPOSE_FILE, 'utf8');
    const listed = [...text.matchAll(/^#\s+GET (\/\S+)/gm)].map((m) => m[1]!);
    expect(listed.sort()).toEqual(ENDPOINTS.map((e) => e.path).sort());
  });
});
