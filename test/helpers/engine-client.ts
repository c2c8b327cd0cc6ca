// The bot's own engine client in tests: the real inspector / host (src/host/), pointed at the
// socket recorder that the global setup started (test/global-setup.ts), so every request the
// bot sends in the suite is recorded and checked against the allow-list at the end.
import { inject } from 'vitest';
import { createDockerHost, type DockerHostOptions } from '../../src/host/docker-host.ts';
import { createDockerInspector, type DockerInspectorOptions } from '../../src/host/docker-inspector.ts';
import type { HostPort } from '../../src/core/ports.ts';
import type { ReadOnlyInspector } from '../../src/host/inspector.ts';

/** Engine calls in tests get more room than the 3 s default: the CI machine has 2 cores. */
export const TEST_TIMEOUT_MS = 10_000;

/** The recorder's socket path (unix). */
export function proxySocket(): string {
  return inject('engineProxySocket');
}

/** The second recorder's socket (the same engine at another address: tests of several hosts). */
export function proxySocketB(): string {
  return inject('engineProxySocketB');
}

/** `unix://<recorder socket>`: use as DOCKER_HOST for the bot in tests. */
export function proxyHost(): string {
  return `unix://${proxySocket()}`;
}

export function createTestInspector(opts: Partial<DockerInspectorOptions> = {}): ReadOnlyInspector {
  return createDockerInspector({ connect: { dockerHost: proxyHost() }, timeoutMs: TEST_TIMEOUT_MS, ...opts });
}

export function createTestHost(opts: Partial<DockerHostOptions> = {}): HostPort {
  return createDockerHost({ connect: { dockerHost: proxyHost() }, timeoutMs: TEST_TIMEOUT_MS, ...opts });
}
