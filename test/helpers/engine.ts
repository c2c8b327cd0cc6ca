// The real Docker Engine in tests: is there one, a describe() that needs it, test images built
// FROM scratch with the static busybox (no registry is reachable), a unique name prefix per
// run, and cleanup of everything carrying that prefix (call it in afterAll: it runs on failure).
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, it } from 'vitest';

const run = promisify(execFile);

export const BUSYBOX = process.env.BUSYBOX_PATH ?? '/bin/busybox';
/** Every container and image a test run makes starts with this (lower case: image names must be). */
export const PREFIX = process.env.CC_TEST_PREFIX || `cc-t-${Date.now().toString(36)}-${randomBytes(2).toString('hex')}`;
/** Images built by this run carry it, so cleanup also finds the untagged ones a rebuild leaves. */
export const RUN_LABEL = 'container-coach.test-run';

let available: boolean | undefined;

export function hasDocker(): boolean {
  if (available === undefined) {
    try {
      execFileSync('docker', ['info', '--format', '{{.ServerVersion}}'], { stdio: 'pipe', timeout: 10_000 });
      available = true;
    } catch {
      available = false;
    }
  }
  return available;
}

/**
 * describe() for tests that need the engine. Without one: skipped with a console message, or,
 * when REQUIRE_DOCKER=1 (CI), a failing test that says why.
 */
export function describeEngine(name: string, fn: () => void): void {
  const ok = hasDocker();
  if (!ok && process.env.REQUIRE_DOCKER === '1') {
    describe(name, () => {
      it('needs a Docker Engine', () => {
        throw new Error('REQUIRE_DOCKER=1 but no Docker Engine answers `docker info`: start dockerd (see .ci/start-docker.sh).');
      });
    });
    return;
  }
  if (!ok) console.warn(`[engine] skipping "${name}": no Docker Engine answers \`docker info\` (set REQUIRE_DOCKER=1 to fail instead).`);
  describe.skipIf(!ok)(name, fn);
}

/** `PREFIX-what`: a name for a container or an image of this run. */
export function testName(what: string): string {
  return `${PREFIX}-${what}`;
}

/** Runs the docker CLI; resolves with stdout, trimmed. */
export async function docker(...args: string[]): Promise<string> {
  const { stdout } = await run('docker', args, {
    timeout: 120_000,
    maxBuffer: 16 * 1024 * 1024,
    env: { ...process.env, DOCKER_CLI_HINTS: 'false' },
  });
  return stdout.trim();
}

export interface TestImageOptions {
  /** `EXPOSE` lines, e.g. [8080]. */
  expose?: number[];
  /** CMD in exec form; default: sleep for an hour. */
  cmd?: string[];
  /** Anything that makes this build differ from an earlier one of the same tag. */
  buildArg?: string;
}

/** Builds `tag` FROM scratch with busybox; resolves with the image id. */
export async function buildTestImage(tag: string, opts: TestImageOptions = {}): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'cc-img-'));
  try {
    copyFileSync(BUSYBOX, join(dir, 'busybox'));
    const lines = [
      'FROM scratch',
      'COPY busybox /bin/busybox',
      'RUN ["/bin/busybox","--install","-s","/bin"]',
      `LABEL ${RUN_LABEL}=${PREFIX}`,
      ...(opts.buildArg ? [`LABEL container-coach.build=${JSON.stringify(opts.buildArg)}`] : []),
      ...(opts.expose ?? []).map((p) => `EXPOSE ${p}`),
      `CMD ${JSON.stringify(opts.cmd ?? ['sleep', '3600'])}`,
    ];
    writeFileSync(join(dir, 'Dockerfile'), `${lines.join('\n')}\n`);
    // Test files build in parallel and share the cached busybox layers; another file's cleanup
    // (`docker rmi` prunes untagged parents) can remove a cached layer in the middle of this
    // build. The engine then reports the layer missing: build again, a bounded number of times.
    for (let attempt = 1; ; attempt++) {
      try {
        await docker('build', '-q', '-t', tag, dir);
        break;
      } catch (err) {
        const lost = /failed to get digest|No such image|no such file or directory/i.test((err as Error).message);
        if (!lost || attempt >= 3) throw err;
      }
    }
    return await docker('image', 'inspect', '--format', '{{.Id}}', tag);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `docker inspect --format` on a container. */
export async function inspectField(name: string, format: string): Promise<string> {
  return docker('inspect', '--format', format, name);
}

/** Removes every container and image of this run (or of `prefix`). Never throws. */
export async function cleanup(prefix = PREFIX): Promise<void> {
  try {
    const ids = (await docker('ps', '-aq', '--filter', `name=${prefix}`)).split('\n').filter(Boolean);
    if (ids.length) await docker('rm', '-f', '-v', ...ids);
  } catch (err) {
    console.warn(`[engine] cleanup of containers failed: ${String(err)}`);
  }
  try {
    const tagged = (await docker('images', '--format', '{{.Repository}}:{{.Tag}}')).split('\n').filter((t) => t.startsWith(prefix));
    const labelled = (await docker('images', '-q', '--filter', `label=${RUN_LABEL}=${prefix}`)).split('\n').filter(Boolean);
    const all = [...new Set([...tagged, ...labelled])];
    if (all.length) await docker('rmi', '-f', ...all).catch(() => undefined);
  } catch (err) {
    console.warn(`[engine] cleanup of images failed: ${String(err)}`);
  }
}
