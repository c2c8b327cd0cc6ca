// Each finding's situation, made on the real engine (ENGINE-NOTES.md, "Reproducing each
// situation"). Shared by the integration test and the fixture recorder, so the recorded JSON
// and the live test come from the same steps. Names carry the run's PREFIX.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { DiagnoseRequest } from '../../src/core/ports.ts';
import type { FindingCode } from '../../src/core/types.ts';
import { buildTestImage, docker, inspectField, testName } from './engine.ts';
import { waitFor, type WaitOptions } from './wait.ts';

export interface Situation {
  /** Fixture file name, and the test's name. */
  key: string;
  code: FindingCode;
  request: DiagnoseRequest;
  /** Makes it; resolves once the engine reports it. */
  make: () => Promise<void>;
}

export const img = {
  base: testName('base:1'),
  web: testName('web:1'),
  never: testName('never:2'),
  app: testName('app:1'),
  latest: testName('lt'),
};

export const n = (what: string) => testName(what);

/** The images every situation needs; build them once, first. */
export async function buildImages(): Promise<void> {
  await buildTestImage(img.base);
  await Promise.all([
    buildTestImage(img.web, { expose: [8080], cmd: ['httpd', '-f', '-p', '8080'] }),
    buildTestImage(img.never, { buildArg: 'never' }),
    buildTestImage(img.app, { buildArg: 'first build' }),
    buildTestImage(img.latest, { buildArg: 'latest' }),
  ]);
}

/** Each poll runs the docker CLI: poll every 200 ms, not every 10. */
const engineWait = (timeoutMs?: number): WaitOptions => ({ everyMs: 200, ...(timeoutMs ? { timeoutMs } : {}) });

const state = (name: string) => inspectField(name, '{{.State.Status}}');

async function runD(...args: string[]): Promise<void> {
  await docker('run', '-d', ...args);
}

/** Can this process make a `dead` container? Needs root, chattr and the overlay2 upper dir. */
export function canMakeDead(): boolean {
  if (process.getuid?.() !== 0 || !existsSync('/var/lib/docker/overlay2')) return false;
  if (process.env.DOCKER_HOST && !process.env.DOCKER_HOST.startsWith('unix://')) return false;
  try {
    execFileSync('chattr', ['-V'], { stdio: 'pipe' });
    return true;
  } catch (err) {
    return (err as { code?: string }).code !== 'ENOENT';
  }
}

/**
 * A dead container: in Engine 20.10 `docker rm` marks the container Dead before it removes the
 * writable layer; an immutable file (chattr +i) in that layer makes the removal fail, so the
 * container stays `dead` (the list shows it as `removing`). undoDead() lifts it for cleanup.
 */
async function makeDead(name: string): Promise<void> {
  await runD('--name', name, img.base, 'sh', '-c', 'echo keep > /keep; sleep 3600');
  await waitFor(
    'the file in the container',
    async () => (await docker('exec', name, 'cat', '/keep').catch(() => '')) === 'keep',
    engineWait(),
  );
  const upper = await inspectField(name, '{{.GraphDriver.Data.UpperDir}}');
  execFileSync('chattr', ['+i', `${upper}/keep`]);
  await docker('rm', '-f', name).catch(() => undefined); // fails by design
  await waitFor('state dead', async () => (await state(name)) === 'dead', engineWait());
}

export async function undoDead(name: string): Promise<void> {
  try {
    const upper = await inspectField(name, '{{.GraphDriver.Data.UpperDir}}');
    execFileSync('chattr', ['-i', `${upper}/keep`], { stdio: 'pipe' });
  } catch {
    // already gone, or never made
  }
}

export const situations: Situation[] = [
  {
    key: 'running',
    code: 'running',
    request: { subject: n('running') },
    make: () => runD('--name', n('running'), '-p', '127.0.0.1::8080', img.web),
  },
  {
    key: 'exited',
    code: 'exited',
    request: { subject: n('exited') },
    make: async () => {
      await runD('--name', n('exited'), img.base, 'sh', '-c', 'exit 3');
      await waitFor('exit', async () => (await state(n('exited'))) === 'exited', engineWait());
    },
  },
  {
    key: 'oom-killed',
    code: 'oom_killed',
    request: { subject: n('oom') },
    make: async () => {
      // `tail` keeps all of a newline-free input in memory: far past the 16 MiB limit. The
      // shell lingers a second before exiting with tail's 137: Engine 20.10 records OOMKilled
      // only if containerd's OOM event arrives before the exit event, a race it loses under
      // load when the killed process is the container's PID 1.
      // The engine's own record is what the diagnosis reads, so when the engine loses that race
      // (OOMKilled false although the kernel killed it), make the situation again: bounded, 3 tries.
      for (let attempt = 1; attempt <= 3; attempt++) {
        await runD(
          '--name',
          n('oom'),
          '-m',
          '16m',
          '--memory-swap',
          '16m',
          img.base,
          'sh',
          '-c',
          'dd if=/dev/zero bs=1M count=256 | tail; s=$?; sleep 1; exit $s',
        );
        await waitFor('the OOM kill', async () => (await state(n('oom'))) === 'exited', engineWait(60_000));
        if ((await inspectField(n('oom'), '{{.State.OOMKilled}}')) === 'true' || attempt === 3) return;
        console.warn(`[situations] attempt ${attempt}: the engine did not record OOMKilled; making it again`);
        await docker('rm', '-f', n('oom'));
      }
    },
  },
  {
    key: 'restart-loop',
    code: 'restart_loop',
    request: { subject: n('loop') },
    make: async () => {
      await runD('--name', n('loop'), '--restart', 'always', img.base, 'sh', '-c', 'sleep 0.3; exit 1');
      await waitFor('3 restarts', async () => Number(await inspectField(n('loop'), '{{.RestartCount}}')) >= 3, engineWait(30_000));
    },
  },
  {
    key: 'paused',
    code: 'paused',
    request: { subject: n('paused') },
    make: async () => {
      await runD('--name', n('paused'), img.base);
      await docker('pause', n('paused'));
    },
  },
  {
    key: 'unhealthy',
    code: 'unhealthy',
    request: { subject: n('sick') },
    make: async () => {
      await runD(
        '--name',
        n('sick'),
        '--health-cmd',
        'echo database not ready on port 5432; exit 1',
        '--health-interval',
        '1s',
        '--health-retries',
        '1',
        img.base,
      );
      await waitFor(
        'unhealthy',
        async () => (await inspectField(n('sick'), '{{.State.Health.Status}}')) === 'unhealthy',
        engineWait(30_000),
      );
    },
  },
  {
    key: 'port-not-published',
    code: 'port_not_published',
    request: { subject: n('hidden') },
    make: () => runD('--name', n('hidden'), img.web),
  },
  {
    key: 'port-mismatch',
    code: 'port_mismatch',
    request: { subject: n('mapped'), port: 3000 },
    // 8080->80 as in the issue; a random host port if 8080 is taken on this machine.
    make: () =>
      runD('--name', n('mapped'), '-p', '127.0.0.1:8080:80', img.base, 'httpd', '-f', '-p', '80').catch(async () => {
        await docker('rm', '-f', n('mapped')).catch(() => undefined);
        await runD('--name', n('mapped'), '-p', '127.0.0.1::80', img.base, 'httpd', '-f', '-p', '80');
      }),
  },
  {
    key: 'stale-image',
    code: 'stale_image',
    request: { subject: n('stale') },
    make: async () => {
      await runD('--name', n('stale'), img.app);
      await buildTestImage(img.app, { buildArg: 'second build' });
    },
  },
  {
    key: 'latest-tag',
    code: 'latest_tag_in_use',
    request: { subject: n('latest') },
    make: () => runD('--name', n('latest'), img.latest),
  },
  {
    key: 'created-not-started',
    code: 'created_not_started',
    request: { subject: n('created') },
    make: async () => {
      await docker('create', '--name', n('created'), img.base);
    },
  },
  {
    key: 'image-built-never-run',
    code: 'image_built_never_run',
    request: { subject: testName('never') },
    make: () => Promise.resolve(), // built by buildImages()
  },
  {
    key: 'recently-removed',
    code: 'recently_removed',
    request: { subject: n('gone') },
    make: async () => {
      await docker('run', '--rm', '--name', n('gone'), img.base, 'sh', '-c', 'exit 0');
      await waitFor('removal', async () => (await docker('ps', '-aq', '--filter', `name=^/${n('gone')}$`)) === '', engineWait());
    },
  },
  {
    key: 'compose-service',
    code: 'name_mismatch',
    request: { subject: n('proj_web') },
    make: () =>
      runD(
        '--name',
        n('proj-web-1'),
        '--label',
        `com.docker.compose.project=${n('proj')}`,
        '--label',
        'com.docker.compose.service=web',
        img.base,
      ),
  },
  {
    key: 'name-typo',
    code: 'name_mismatch',
    request: { subject: n('runnign') },
    make: () => Promise.resolve(), // the `running` container is the close name
  },
  {
    key: 'not-found',
    code: 'not_found',
    request: { subject: 'zq-nothing-like-it' },
    make: () => Promise.resolve(),
  },
  {
    key: 'dead',
    code: 'dead',
    request: { subject: n('dead') },
    make: () => makeDead(n('dead')),
  },
];
