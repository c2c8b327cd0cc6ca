// The bot's own image, built from the project's Dockerfile as is and run on the real engine:
// it answers with `coach` on the PATH, runs as the non-root `node` user, turns healthy, stops
// cleanly inside the grace period, and adds little on top of its base.
//
// No registry is reachable in CI, so .ci/base-image.sh first makes a local stand-in for
// node:20-bookworm-slim (once per machine; kept between runs). Everything else this file makes
// is removed afterwards.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { botImage } from '../helpers/bot-image.ts';
import { cleanup, describeEngine, docker, testName } from '../helpers/engine.ts';
import { waitFor } from '../helpers/wait.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BASE = 'node:20-bookworm-slim';
/** This run's bot image (built once and shared: test/helpers/bot-image.ts). */
let TAG = '';
const MB = 1e6;
/** The goal for what the project adds to the base; the assertion leaves room above it. */
const GOAL_MB = 80;
const LIMIT_MB = 120;
/** `docker stop`'s default grace period: after it the engine sends SIGKILL (exit 137). */
const GRACE_S = 10;

describeEngine('the bot image built from the Dockerfile', () => {
  let buildSeconds = 0;

  beforeAll(async () => {
    const image = await botImage();
    TAG = image.tag;
    buildSeconds = image.seconds;
  }, 25 * 60_000);

  afterAll(async () => {
    // The containers this file ran; the image itself goes in the global teardown.
    await cleanup();
  }, 120_000);

  it('answers a question, with `coach` on the PATH', async () => {
    const out = await docker('run', '--rm', TAG, 'coach', 'ask', 'what is a docker image');
    expect(out.toLowerCase()).toContain('image');
    expect(out.length).toBeGreaterThan(100);
  }, 60_000);

  it('runs as the non-root node user', async () => {
    expect(await docker('image', 'inspect', '--format', '{{.Config.User}}', TAG)).toBe('node');
    const uid = await docker('run', '--rm', TAG, 'id', '-u');
    expect(Number(uid)).not.toBe(0);
    expect(uid).toBe('1000');
  }, 60_000);

  it('holds compiled code and production dependencies only, with labels and NODE_ENV', async () => {
    const listing = await docker(
      'run',
      '--rm',
      TAG,
      'sh',
      '-c',
      'ls /app; for p in tsx typescript vitest; do test -e /app/node_modules/$p && echo "dev:$p"; done; readlink -f "$(command -v coach)"; true',
    );
    const lines = listing.split('\n');
    expect(lines).toEqual(expect.arrayContaining(['bin', 'dist', 'intents', 'node_modules', 'package.json', 'package-lock.json']));
    expect(lines).not.toContain('src');
    expect(lines.filter((l) => l.startsWith('dev:'))).toEqual([]);
    expect(lines).toContain('/app/bin/coach.js');

    const config = JSON.parse(await docker('image', 'inspect', '--format', '{{json .Config}}', TAG)) as {
      Env: string[];
      Labels: Record<string, string>;
      Cmd: string[];
      Healthcheck?: { Test: string[] };
    };
    expect(config.Env).toContain('NODE_ENV=production');
    expect(config.Cmd).toEqual(['coach', 'start']);
    expect(config.Healthcheck?.Test[0]).toBe('CMD');
    const { version } = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as { version: string };
    expect(config.Labels['org.opencontainers.image.version']).toBe(version);
    expect(config.Labels['org.opencontainers.image.revision']).toMatch(/^([0-9a-f]{40}(-dirty)?|unknown)$/);
    expect(config.Labels['org.opencontainers.image.title']).toBe('container-coach');
  }, 60_000);

  it('turns healthy and stops cleanly within the grace period (locked down as in deploy/compose.yaml)', async () => {
    const lockedDown = ['--read-only', '--tmpfs', '/tmp', '--cap-drop', 'ALL', '--security-opt', 'no-new-privileges'];
    // The default CMD with no chat platform (health on COACH_HTTP_PORT), and as a Discord
    // interactions endpoint (health on PORT, next to /discord/interactions; needs no network).
    const runs = [
      { name: testName('coach-run'), env: [] as string[] },
      {
        name: testName('coach-http'),
        env: ['-e', `DISCORD_PUBLIC_KEY=${'ab'.repeat(32)}`, '-e', 'DISCORD_APPLICATION_ID=123456789012', '-e', 'COACH_DOCKER=off'],
      },
    ];
    await Promise.all(runs.map((r) => docker('run', '-d', '--name', r.name, ...lockedDown, ...r.env, TAG)));

    await Promise.all(
      runs.map(async ({ name }) => {
        const status = () => docker('inspect', '--format', '{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{end}}', name);
        await waitFor(
          `${name} to turn healthy`,
          async () => {
            const s = await status();
            if (s.startsWith('exited')) throw new Error(`container exited: ${s}\n${await docker('logs', name).catch(() => '')}`);
            return s === 'running healthy';
          },
          { timeoutMs: 240_000, everyMs: 500 },
        );
      }),
    );

    for (const { name } of runs) {
      await docker('stop', name);
      const [exitCode, oom] = (await docker('inspect', '--format', '{{.State.ExitCode}} {{.State.OOMKilled}}', name)).split(' ');
      console.log(`[image] ${name}: docker stop -> exit code ${exitCode} (grace period ${GRACE_S} s)`);
      // Within the grace period, counted not timed: past it, docker stop sends SIGKILL and the exit code is 137.
      expect({ name, exitCode, oom }).toEqual({ name, exitCode: '0', oom: 'false' });
      const logs = await run('docker', ['logs', name]).then((r) => r.stdout + r.stderr);
      expect(logs).toContain('SIGTERM');
    }
  }, 300_000);

  it(`adds little to the base (goal: under ${GOAL_MB} MB)`, async () => {
    const size = async (ref: string) => Number(await docker('image', 'inspect', '--format', '{{.Size}}', ref));
    const added = (await size(TAG)) - (await size(BASE));
    const history = await docker('history', '--no-trunc', '--format', '{{.Size}}\t{{.CreatedBy}}', TAG);
    const biggest = history
      .split('\n')
      .filter((l) => !l.startsWith('0B'))
      .slice(0, 6)
      .map((l) => `    ${l.slice(0, 110)}`);
    const verdict = added / MB < GOAL_MB ? 'within' : 'OVER';
    console.log(
      `[image] project layers add ${(added / MB).toFixed(1)} MB to ${BASE} (${verdict} the ${GOAL_MB} MB goal); build ${buildSeconds.toFixed(0)} s\n${biggest.join('\n')}`,
    );
    expect(added).toBeGreaterThan(0);
    expect(added / MB).toBeLessThan(LIMIT_MB);
  }, 60_000);
});
