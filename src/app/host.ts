// Part of the composition root: connects the read-only Docker hosts that are configured. Each
// host (COACH_HOSTS, or the single host called `default` from DOCKER_HOST / a docker context)
// gets its own inspector, so its own allow-list guard, time limit and connection.
// COACH_DOCKER=auto connects when the person pointed us at an engine (COACH_HOSTS, DOCKER_HOST,
// a docker context) or the default socket exists; with no engine in sight, diagnosis questions
// are answered from the knowledge base with the commands to run. `force` (the CLI's
// why/ps/images/hosts) always connects, so a missing engine is explained as `daemon_unreachable`.
import { existsSync } from 'node:fs';
import { redactHostUrl, settingNamesFor } from '../config-hosts.ts';
import type { Config, HostSetting } from '../config.ts';
import type { NamedHost } from '../core/ports.ts';
import { ConnectError, DEFAULT_SOCKET, resolveEngine, type ConnectOptions } from '../host/connect.ts';
import { createDockerHost, type DockerHost } from '../host/docker-host.ts';
import type { Logger } from '../ops/logger.ts';

/** One connected host, with what `coach hosts` prints about it. */
export interface ConnectedHost extends NamedHost {
  host: DockerHost;
  setting: HostSetting;
  /** Where the engine is, credentials redacted (for a context: the endpoint it names). */
  engine: string;
}

/** `coach hosts --json`: one entry per configured host. */
export interface HostListing {
  name: string;
  url: string;
  default: boolean;
  reachable: boolean;
  engineVersion: string | null;
}

/** The docker CLI's own settings, shared by every host (where contexts and ssh keys are found). */
function sharedOptions(c: Config): ConnectOptions {
  return {
    ...(c.DOCKER_CONFIG ? { dockerConfig: c.DOCKER_CONFIG } : {}),
    ...(c.HOME ? { home: c.HOME } : {}),
    ...(c.SSH_AUTH_SOCK ? { sshAuthSock: c.SSH_AUTH_SOCK } : {}),
  };
}

export function connectOptionsFor(c: Config, h: HostSetting): ConnectOptions {
  return {
    ...(h.dockerHost ? { dockerHost: h.dockerHost } : {}),
    ...(h.dockerContext ? { dockerContext: h.dockerContext } : {}),
    ...(h.tlsVerify ? { tlsVerify: h.tlsVerify } : {}),
    ...(h.certPath ? { certPath: h.certPath } : {}),
    ...sharedOptions(c),
  };
}

/** The single-host options (the host called `default`), as before COACH_HOSTS. */
export function connectOptions(c: Config): ConnectOptions {
  const first = c.hosts[0];
  return first ? connectOptionsFor(c, first) : sharedOptions(c);
}

export function buildHosts(config: Config, opts: { force: boolean; logger: Logger }): ConnectedHost[] {
  if (config.COACH_DOCKER === 'off' && !opts.force) return [];
  const named = Boolean(config.COACH_HOSTS);
  if (config.COACH_DOCKER === 'auto' && !opts.force && !named && !engineInSight(connectOptions(config))) {
    opts.logger.info('no Docker engine configured or found: host questions are answered from the knowledge base');
    return [];
  }
  const several = config.hosts.length > 1;
  return config.hosts.map((setting) => {
    const docker = createDockerHost({
      connect: connectOptionsFor(config, setting),
      timeoutMs: setting.timeoutMs,
      settings: settingNamesFor(setting.name, named),
      showLogs: config.COACH_SHOW_LOGS,
      onRefused: (method, path, reason) => {
        opts.logger.warn({ host: setting.name, method, path, reason }, 'refused a non-allow-listed engine request');
      },
    });
    // With several hosts, every answer says which one it read ("the engine at `staging (tcp://…)`").
    const host: DockerHost = several ? withName(docker, `${setting.name} (${docker.description})`) : docker;
    opts.logger.info({ host: setting.name, engine: docker.description }, 'Docker host connected (read-only)');
    return { name: setting.name, host, setting, engine: docker.description };
  });
}

/** The same host, saying its name wherever it says where it is (answers, `why --json`'s host). */
function withName(docker: DockerHost, description: string): DockerHost {
  return { ...docker, description, diagnose: async (req) => ({ ...(await docker.diagnose(req)), host: description }) };
}

/** What `coach hosts` prints: every host asked at once, each within its own time limit. */
export async function listHosts(hosts: readonly ConnectedHost[]): Promise<HostListing[]> {
  return Promise.all(
    hosts.map(async (h) => {
      const [reachable, engineVersion] = await Promise.all([h.host.ping(), h.host.engineVersion()]);
      const url = h.setting.dockerHost ? h.setting.url : redactHostUrl(h.engine);
      return { name: h.name, url, default: h.setting.default, reachable, engineVersion: reachable ? engineVersion : null };
    }),
  );
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
