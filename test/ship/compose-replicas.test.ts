// deploy/compose.replicas.yaml, as docker-compose reads it (`docker-compose config`): PostgreSQL,
// two bot replicas with the same settings and one DATABASE_URL (its password from .env, never
// in the file), a load balancer over both, the database on an internal network only.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FILE = join(ROOT, 'deploy/compose.replicas.yaml');

interface Service {
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition?: string }> | string[];
  networks?: Record<string, unknown> | string[];
  ports?: unknown[];
  mem_limit?: string | number;
  read_only?: boolean;
  healthcheck?: { test?: string[] };
}

async function composeAvailable(): Promise<boolean> {
  try {
    await run('docker-compose', ['version'], { timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}
const available = await composeAvailable();
const required = process.env.REQUIRE_DOCKER === '1';
if (!available && !required) console.warn('[compose] skipping deploy/compose.replicas.yaml checks: `docker-compose` is not installed.');

describe.skipIf(!available && !required)('deploy/compose.replicas.yaml', () => {
  let services: Record<string, Service>;
  let networks: Record<string, { internal?: boolean } | null>;
  let dir: string;
  const password = 'pg-compose-Secret-7';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cc-replicas-'));
    const envFile = join(dir, 'test.env');
    writeFileSync(envFile, 'SLACK_BOT_TOKEN=xoxb-x\nSLACK_SIGNING_SECRET=s\n');
    const { stdout } = await run('docker-compose', ['-f', FILE, 'config'], {
      cwd: ROOT,
      timeout: 60_000,
      env: { ...process.env, COACH_ENV_FILE: envFile, POSTGRES_PASSWORD: password },
    });
    const model = parse(stdout) as { services: Record<string, Service>; networks: typeof networks };
    services = model.services;
    networks = model.networks;
  }, 90_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs PostgreSQL, two replicas and a load balancer', () => {
    expect(Object.keys(services).sort()).toEqual(['coach-a', 'coach-b', 'lb', 'postgres']);
    expect(services['postgres']?.healthcheck?.test?.join(' ')).toContain('pg_isready');
  });

  it('gives both replicas the same image, command and one database, and starts them after it is healthy', () => {
    const [a, b] = [services['coach-a']!, services['coach-b']!];
    expect(a.image).toBe(b.image);
    expect(a.command).toEqual(['coach', 'start']);
    expect(a.environment?.['DATABASE_URL']).toBe(`postgres://coach:${password}@postgres:5432/coach`);
    expect(b.environment?.['DATABASE_URL']).toBe(a.environment?.['DATABASE_URL']);
    expect(a.depends_on).toMatchObject({ postgres: { condition: 'service_healthy' } });
    expect(a.read_only).toBe(true);
    expect(a.mem_limit).toBeTruthy();
  });

  it('keeps the password out of the file itself', () => {
    const text = readFileSync(FILE, 'utf8');
    expect(text).toMatch(/^\s+POSTGRES_PASSWORD: \$\{POSTGRES_PASSWORD:\?/m);
    expect(text).not.toMatch(/^\s+POSTGRES_PASSWORD:\s*(?!\$\{)\S/m);
    expect(text).not.toMatch(/postgres:\/\/coach:(?!\$\{)/);
  });

  it('balances over both replicas and keeps the database off any route out', () => {
    const conf = readFileSync(join(ROOT, 'deploy/lb/nginx.conf'), 'utf8');
    expect(conf).toMatch(/server coach-a:3000/);
    expect(conf).toMatch(/server coach-b:3000/);
    expect(services['lb']?.ports?.length).toBe(1);
    const nets = (s: Service) => (Array.isArray(s.networks) ? s.networks : Object.keys(s.networks ?? {}));
    expect(nets(services['postgres']!)).toEqual(['backend']);
    expect(networks['backend']?.internal).toBe(true);
  });
});
