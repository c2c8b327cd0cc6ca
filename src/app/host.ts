// Part of the composition root: connects the read-only Docker host when one is configured.
// COACH_DOCKER=auto connects when the person pointed us at an engine (DOCKER_HOST, a docker
// context) or the default socket exists; with no engine in sight, diagnosis questions are
// answered from the knowledge base with the commands to run. `force` (the CLI's why/ps/images)
// always connects, so a missing engine is explained as `daemon_unreachable`.
import { existsSync } from 'node:fs';
import type { Config } from '../config.ts';
import type { HostPort } from '../core/ports.ts';
import { ConnectError, DEFAULT_SOCKET, resolveEngine, type ConnectOptions } from '../host/connect.ts';
import { createDockerHost } from '../host/docker-host.ts';
import type { Logger } from '../ops/logger.ts';

export function connectOptions(c: Config): ConnectOptions {
  return {
    ...(c.DOCKER_HOST ? { dockerHost: c.DOCKER_HOST } : {}),
    ...(c.DOCKER_TLS_VERIFY ? { tlsVerify: c.DOCKER_TLS_VERIFY } : {}),
    ...(c.DOCKER_CERT_PATH ? { certPath: c.DOCKER_CERT_PATH } : {}),
    ...(c.DOCKER_CONTEXT ? { dockerContext: c.DOCKER_CONTEXT } : {}),
    ...(c.DOCKER_CONFIG ? { dockerConfig: c.DOCKER_CONFIG } : {}),
    ...(c.HOME ? { home: c.HOME } : {}),
    ...(c.SSH_AUTH_SOCK ? { sshAuthSock: c.SSH_AUTH_SOCK } : {}),
  };
}

export function buildHost(config: Config, opts: { force: boolean; logger: Logger }): HostPort | undefined {
  if (config.COACH_DOCKER === 'off' && !opts.force) return undefined;
  const connect = connectOptions(config);
  if (config.COACH_DOCKER === 'auto' && !opts.force && !engineInSight(connect)) {
    opts.logger.info('no Docker engine configured or found: host questions are answered from the knowledge base');
    return undefined;
  }
  const host = createDockerHost({
    connect,
    timeoutMs: config.COACH_ENGINE_TIMEOUT_MS,
    showLogs: config.COACH_SHOW_LOGS,
    onRefused: (method, path, reason) => {
      opts.logger.warn({ method, path, reason }, 'refused a non-allow-listed engine request');
    },
  });
  opts.logger.info({ engine: host.description }, 'Docker host connected (read-only)');
  return host;
}

function engineInSight(connect: ConnectOptions): boolean {
  try {
    const target = resolveEngine(connect);
    if (target.source !== 'default') return true;
  } catch (err) {
    // A broken DOCKER_HOST/context is something the person configured: explain it.
    if (err instanceof ConnectError) return true;
    throw err;
  }
  return existsSync(DEFAULT_SOCKET);
}
