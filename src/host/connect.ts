// Finds the Docker Engine the way the docker CLI does:
//   1. DOCKER_HOST (`unix://`, `tcp://` with DOCKER_TLS_VERIFY / DOCKER_CERT_PATH, `ssh://`);
//   2. else the docker context: DOCKER_CONTEXT, or `currentContext` in $DOCKER_CONFIG/config.json
//      (default ~/.docker/config.json), read from contexts/meta/*/meta.json, TLS material from
//      contexts/tls/<dir>/docker/;
//   3. else unix:///var/run/docker.sock.
// The values come in as plain options (config.ts is the only reader of the environment).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Agent as HttpsAgent } from 'node:https';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { redactUrlCredentials } from './redact.ts';

export interface ConnectOptions {
  dockerHost?: string;
  tlsVerify?: string;
  certPath?: string;
  dockerContext?: string;
  /** The docker CLI's config directory (DOCKER_CONFIG); default `<home>/.docker`. */
  dockerConfig?: string;
  home?: string;
  /** ssh-agent socket for `ssh://` hosts (SSH_AUTH_SOCK). */
  sshAuthSock?: string;
}

export type EngineSource = 'DOCKER_HOST' | 'DOCKER_CONTEXT' | 'config currentContext' | 'default';

export interface EngineTarget {
  /** Where the engine is, e.g. `unix:///var/run/docker.sock`, `tcp://10.0.0.5:2376`. */
  description: string;
  source: EngineSource;
  /** The docker context it came from, when it came from one. */
  context?: string;
  tls: 'none' | 'verify' | 'no-verify';
  /** Options for `new Docker(…)`, complete: nothing left for docker-modem to take from the environment. */
  dockerOptions: Docker.DockerOptions;
}

/** The target could not be worked out (bad DOCKER_HOST, unknown context, unreadable TLS files). */
export class ConnectError extends Error {
  readonly kind: 'bad_host' | 'context' | 'tls';
  readonly description: string;
  constructor(kind: ConnectError['kind'], description: string, message: string) {
    super(message);
    this.name = 'ConnectError';
    this.kind = kind;
    this.description = description;
  }
}

export const DEFAULT_SOCKET = '/var/run/docker.sock';

export function resolveEngine(opts: ConnectOptions = {}): EngineTarget {
  const dockerHost = opts.dockerHost?.trim();
  if (dockerHost) {
    const verify = truthy(opts.tlsVerify);
    // Like the CLI: certificates default to the config directory (~/.docker).
    const certDir = opts.certPath?.trim() || configDir(opts);
    return fromHost(dockerHost, 'DOCKER_HOST', opts, verify ? { verify: true, dir: certDir } : null);
  }
  const ctxName = opts.dockerContext?.trim() || currentContext(opts);
  if (ctxName && ctxName !== 'default')
    return fromContext(ctxName, opts.dockerContext?.trim() ? 'DOCKER_CONTEXT' : 'config currentContext', opts);
  return unixTarget(DEFAULT_SOCKET, 'default');
}

function configDir(opts: ConnectOptions): string {
  return opts.dockerConfig?.trim() || join(opts.home?.trim() || homedir(), '.docker');
}

/** Docker treats any non-empty DOCKER_TLS_VERIFY as on. */
function truthy(v: string | undefined): boolean {
  return v !== undefined && v.trim() !== '';
}

function currentContext(opts: ConnectOptions): string | undefined {
  const file = join(configDir(opts), 'config.json');
  if (!existsSync(file)) return undefined;
  try {
    const json = JSON.parse(readFileSync(file, 'utf8')) as { currentContext?: unknown };
    return typeof json.currentContext === 'string' && json.currentContext.trim() ? json.currentContext.trim() : undefined;
  } catch {
    throw new ConnectError('context', file, `could not read the docker CLI config at ${file} (not valid JSON)`);
  }
}

interface ContextMeta {
  Name?: string;
  Endpoints?: { docker?: { Host?: string; SkipTLSVerify?: boolean } };
}

function fromContext(name: string, source: EngineSource, opts: ConnectOptions): EngineTarget {
  const metaRoot = join(configDir(opts), 'contexts', 'meta');
  const found = findContextMeta(metaRoot, name);
  if (!found) {
    throw new ConnectError('context', `context "${name}"`, `docker context "${name}" was not found under ${metaRoot}`);
  }
  const host = found.meta.Endpoints?.docker?.Host;
  if (!host) throw new ConnectError('context', `context "${name}"`, `docker context "${name}" has no docker endpoint Host`);
  const tlsDir = join(configDir(opts), 'contexts', 'tls', found.dir, 'docker');
  const skip = found.meta.Endpoints?.docker?.SkipTLSVerify === true;
  const hasTls = existsSync(join(tlsDir, 'ca.pem')) || existsSync(join(tlsDir, 'cert.pem'));
  const tls = hasTls || skip ? { verify: !skip, dir: tlsDir } : null;
  const t = fromHost(host, source, opts, tls);
  return { ...t, context: name };
}

/** The CLI stores each context under sha256(name); we also scan, in case the directory was copied. */
function findContextMeta(metaRoot: string, name: string): { dir: string; meta: ContextMeta } | null {
  if (!existsSync(metaRoot)) return null;
  const hashed = createHash('sha256').update(name).digest('hex');
  const dirs = readdirSync(metaRoot);
  const ordered = [hashed, ...dirs.filter((d) => d !== hashed)];
  for (const dir of ordered) {
    const file = join(metaRoot, dir, 'meta.json');
    if (!existsSync(file)) continue;
    try {
      const meta = JSON.parse(readFileSync(file, 'utf8')) as ContextMeta;
      if (meta.Name === name) return { dir, meta };
    } catch {
      continue; // one broken context must not hide the others
    }
  }
  return null;
}

function fromHost(host: string, source: EngineSource, opts: ConnectOptions, tls: { verify: boolean; dir: string } | null): EngineTarget {
  if (host.startsWith('unix://')) return unixTarget(host.slice('unix://'.length) || DEFAULT_SOCKET, source);
  // Error texts and descriptions are shown to people: never with a password from the URL.
  // A user part alone (`tcp://TOKEN@host`) is a secret too on tcp://; on ssh:// it is only the login.
  const shown = redactUrlCredentials(host).replace(/^(tcp|https?):\/\/[^/@\s:]+@/i, '$1://[redacted]@');
  if (host.startsWith('npipe://')) throw new ConnectError('bad_host', shown, 'named pipes (npipe://) are Windows-only');
  const withScheme = host.includes('://') ? host : `tcp://${host}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ConnectError('bad_host', shown, `DOCKER_HOST "${shown}" is not a valid address (e.g. tcp://10.0.0.5:2376)`);
  }
  if (url.protocol === 'ssh:') return sshTarget(url, source, opts);
  if (url.protocol !== 'tcp:' && url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConnectError('bad_host', shown, `DOCKER_HOST scheme "${url.protocol}" is not supported (use unix://, tcp:// or ssh://)`);
  }
  if (!url.hostname) throw new ConnectError('bad_host', shown, `DOCKER_HOST "${shown}" has no host name`);
  const useTls = tls !== null || url.protocol === 'https:';
  const port = Number(url.port || (useTls ? 2376 : 2375));
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const description = `tcp://${url.hostname}:${port}`;
  const base: Docker.DockerOptions = { host: hostname, port, socketPath: undefined, protocol: useTls ? 'https' : 'http' };
  if (!useTls) return { description, source, tls: 'none', dockerOptions: base };
  const verify = tls?.verify ?? true;
  const agent = tlsAgent(tls?.dir, verify, description);
  return { description, source, tls: verify ? 'verify' : 'no-verify', dockerOptions: { ...base, agent } as Docker.DockerOptions };
}

/**
 * TLS settings go in an https.Agent: docker-modem cannot pass `rejectUnauthorized` itself. The
 * errors name the files, not the folder: a finding may reach chat, and the folder's path is the
 * operator's business (its setting is named in the finding's fix).
 */
function tlsAgent(dir: string | undefined, verify: boolean, description: string): HttpsAgent {
  const read = (f: string): Buffer | undefined => {
    if (!dir) return undefined;
    const p = join(dir, f);
    if (!existsSync(p)) return undefined;
    try {
      return readFileSync(p);
    } catch {
      throw new ConnectError('tls', description, `could not read ${f} in the certificate folder`);
    }
  };
  const ca = read('ca.pem');
  const cert = read('cert.pem');
  const key = read('key.pem');
  if (verify && dir && !ca) throw new ConnectError('tls', description, 'TLS verification is on but the certificate folder has no ca.pem');
  if ((cert && !key) || (key && !cert))
    throw new ConnectError('tls', description, 'the certificate folder needs both cert.pem and key.pem');
  return new HttpsAgent({ ca, cert, key, rejectUnauthorized: verify, keepAlive: false });
}

function sshTarget(url: URL, source: EngineSource, opts: ConnectOptions): EngineTarget {
  const port = Number(url.port || 22);
  const user = decodeURIComponent(url.username || '');
  const description = `ssh://${user ? `${user}@` : ''}${url.hostname}${url.port ? `:${url.port}` : ''}`;
  const dockerOptions = {
    protocol: 'ssh',
    host: url.hostname,
    port,
    username: user || undefined,
    socketPath: undefined,
    sshOptions: { agent: opts.sshAuthSock },
  } as Docker.DockerOptions;
  return { description, source, tls: 'none', dockerOptions };
}

function unixTarget(socketPath: string, source: EngineSource): EngineTarget {
  return {
    description: `unix://${socketPath}`,
    source,
    tls: 'none',
    // host/port set to undefined on purpose: docker-modem merges its own DOCKER_HOST defaults under these.
    dockerOptions: { socketPath, host: undefined, port: undefined, protocol: 'http' },
  };
}
