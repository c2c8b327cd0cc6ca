// Turns a failed engine call into a `daemon_unreachable` finding that says WHICH problem it is
// and what to do. Raw errors (and their stacks) stay here: only the finding travels on.
import { HostUnreachableError } from '../core/errors.ts';
import type { Finding } from '../core/types.ts';

export type UnreachableReason =
  | 'no_socket'
  | 'permission_denied'
  | 'refused'
  | 'dns'
  | 'timeout'
  | 'tls'
  | 'not_docker'
  | 'connection_closed'
  | 'proxy_forbidden'
  | 'engine_error'
  | 'too_large'
  | 'bad_config'
  | 'unknown';

/** The settings that configure one host, by name, so a fix says which one to change. */
export interface SettingNames {
  timeout: string;
  tlsVerify: string;
  certPath: string;
}

/** The single-host settings (no COACH_HOSTS). */
export const SINGLE_HOST_SETTINGS: SettingNames = {
  timeout: 'COACH_ENGINE_TIMEOUT_MS',
  tlsVerify: 'DOCKER_TLS_VERIFY',
  certPath: 'DOCKER_CERT_PATH',
};

export interface ErrorContext {
  /** Where the engine was looked for, e.g. `unix:///var/run/docker.sock`. */
  host: string;
  timeoutMs: number;
  /** What was being done, e.g. `list containers`. */
  operation?: string;
  /** The settings of this host (default: the single-host ones). */
  settings?: SettingNames;
  /** The connection uses TLS: a connection closed without an answer is then most likely a refused certificate. */
  tls?: boolean;
}

/** Thrown inside the inspector when its own timer fires. */
export class EngineTimeoutError extends Error {
  readonly code = 'ETIMEDOUT_COACH';
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'EngineTimeoutError';
  }
}

/** The engine answered 400: what it was asked about is not a valid name or reference. Not an outage. */
export class InvalidReferenceError extends Error {
  constructor(engineMessage: string) {
    super(engineMessage);
    this.name = 'InvalidReferenceError';
  }
}

/** The engine's own words from a dockerode error (`{"message": …}`), trimmed. */
export function engineMessage(err: unknown): string {
  const e = (err ?? {}) as { json?: unknown; message?: unknown };
  const json = e.json as { message?: unknown } | null | undefined;
  const m = typeof json?.message === 'string' ? json.message : typeof e.message === 'string' ? e.message : '';
  return m.replace(/\s+/g, ' ').trim().slice(0, 200);
}

const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|UNABLE_TO_|SELF_SIGNED|DEPTH_ZERO|CERT_|EPROTO$|ERR_OSSL_|HOSTNAME_MISMATCH|ERR_CRYPTO)/;

/** Classifies an error from dockerode / docker-modem / node:net. */
export function classifyError(err: unknown): { reason: UnreachableReason; code: string } {
  const e = (err ?? {}) as { code?: unknown; statusCode?: unknown; message?: unknown; name?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  const msg = typeof e.message === 'string' ? e.message : '';
  const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  if (code === 'ERESPONSE_TOO_LARGE') return { reason: 'too_large', code: 'response too large' };
  if (err instanceof EngineTimeoutError || code === 'ETIMEDOUT' || e.name === 'AbortError' || code === 'ABORT_ERR')
    return { reason: 'timeout', code: code || 'timeout' };
  if (code === 'ENOENT') return { reason: 'no_socket', code };
  if (code === 'EACCES' || code === 'EPERM') return { reason: 'permission_denied', code };
  if (code === 'ECONNREFUSED' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return { reason: 'refused', code };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'EAI_FAIL') return { reason: 'dns', code };
  if (TLS_CODES.test(code) || /\b(ssl|tls|certificate)\b/i.test(msg)) return { reason: 'tls', code: code || 'tls' };
  if (code.startsWith('HPE_')) return { reason: 'not_docker', code };
  if (code === 'ECONNRESET' || code === 'EPIPE' || /socket hang up/i.test(msg))
    return { reason: 'connection_closed', code: code || 'ECONNRESET' };
  if (status === 403) return { reason: 'proxy_forbidden', code: 'HTTP 403' };
  if (status === 404) return { reason: 'not_docker', code: 'HTTP 404' };
  if (status !== undefined) return { reason: 'engine_error', code: `HTTP ${status}` };
  if (e.name === 'ConnectError') return { reason: 'bad_config', code: 'config' };
  return { reason: 'unknown', code: code || 'unknown' };
}

const TEXT: Record<UnreachableReason, (c: ErrorContext) => { summary: string; fix: string[] }> = {
  no_socket: (c) => ({
    summary: `No Docker Engine socket at ${socketOf(c.host)}: the engine is not running here, or it listens somewhere else.`,
    fix: [
      'sudo systemctl start docker',
      'docker context ls',
      `Check DOCKER_HOST / the docker context: I looked at ${c.host}. If the bot runs in a container, do not give it the socket: run the read-only socket proxy next to it (deploy/compose.yaml) and set DOCKER_HOST=tcp://docker-proxy:2375 (README, "Connect it to a host safely").`,
    ],
  }),
  permission_denied: (c) => ({
    summary: `Permission denied on ${socketOf(c.host)}: the engine is there, but the user running the bot may not use its socket.`,
    fix: [
      'Point DOCKER_HOST at the read-only socket proxy (deploy/compose.yaml: only the proxy gets the socket, the bot uses DOCKER_HOST=tcp://docker-proxy:2375), as the README\'s "Connect it to a host safely" explains.',
      "If the bot must use the socket directly, give the socket's group only to the bot's own service user — never to people: the docker group is root on that host (docs/connecting.md).",
    ],
  }),
  refused: (c) => ({
    summary: `The connection to ${c.host} was refused: nothing is listening there (engine stopped, wrong port, or wrong DOCKER_HOST).`,
    fix: ['sudo systemctl start docker', `Check that ${c.host} is right: docker -H ${c.host} info`],
  }),
  dns: (c) => ({
    summary: `The host name in ${c.host} could not be resolved: DOCKER_HOST (or the docker context) points at a machine that does not exist here.`,
    fix: ['echo "$DOCKER_HOST"', 'docker context ls', 'Fix or unset DOCKER_HOST, or pick the right context: docker context use default'],
  }),
  timeout: (c) => ({
    summary: `The engine at ${c.host} did not answer within ${c.timeoutMs} ms${c.operation ? ` (${c.operation})` : ''}: it is hung, overloaded, or something else holds the socket.`,
    fix: [
      'docker info  # does the CLI get an answer?',
      'sudo systemctl restart docker  # if the engine is hung',
      `Raise ${(c.settings ?? SINGLE_HOST_SETTINGS).timeout} if the engine is just slow.`,
    ],
  }),
  tls: (c) => ({
    summary: `TLS problem talking to ${c.host}: the certificates are missing or do not match (a client certificate the engine's CA did not sign, or an engine my ca.pem did not sign), or the engine does not speak TLS on that port.`,
    fix: [
      `Check ${(c.settings ?? SINGLE_HOST_SETTINGS).tlsVerify} and ${(c.settings ?? SINGLE_HOST_SETTINGS).certPath} (a folder with ca.pem, cert.pem, key.pem), or the TLS files of the docker context.`,
      `docker --tlsverify -H ${c.host} info`,
    ],
  }),
  not_docker: (c) => ({
    summary: `Something answers at ${c.host}, but it is not a Docker Engine (or not one this bot can talk to).`,
    fix: [`Check that ${c.host} is the engine's address: docker -H ${c.host} version`],
  }),
  connection_closed: (c) => ({
    summary: `The engine at ${c.host} closed the connection without answering.`,
    fix: ['docker info', 'Check the engine log: sudo journalctl -u docker --since "10 min ago"'],
  }),
  proxy_forbidden: (c) => ({
    summary: `The socket proxy in front of ${c.host} refused a read request the bot needs${c.operation ? ` (${c.operation})` : ''}.`,
    fix: [
      'Allow the GET endpoints listed in docs/connecting.md in the proxy (e.g. CONTAINERS=1, IMAGES=1, EVENTS=1 for tecnativa/docker-socket-proxy).',
    ],
  }),
  engine_error: (c) => ({
    summary: `The engine at ${c.host} answered with an error${c.operation ? ` (${c.operation})` : ''}.`,
    fix: ['docker info', 'Check the engine log: sudo journalctl -u docker --since "10 min ago"'],
  }),
  too_large: (c) => ({
    summary: `The engine at ${c.host} sent a larger answer than I read${c.operation ? ` (${c.operation})` : ''}, so I stopped reading it. Something in front of the engine (a proxy) may be misbehaving, or the host holds far more than usual.`,
    fix: [
      'docker info',
      'Check what answers at that address: curl or docker -H with the same DOCKER_HOST.',
      'Ask about one container by name.',
    ],
  }),
  bad_config: (c) => ({
    summary: `Could not work out how to reach the engine (${c.host}): the DOCKER_HOST value or docker context is not usable.`,
    fix: ['docker context ls', 'echo "$DOCKER_HOST"', 'Fix or unset DOCKER_HOST / DOCKER_CONTEXT.'],
  }),
  unknown: (c) => ({
    summary: `Could not reach the engine at ${c.host}.`,
    fix: ['docker info', 'sudo systemctl status docker'],
  }),
};

function socketOf(host: string): string {
  return host.startsWith('unix://') ? host.slice('unix://'.length) : host;
}

export function unreachableFinding(reason: UnreachableReason, ctx: ErrorContext, code: string, detail?: string): Finding {
  const t = TEXT[reason](ctx);
  const evidence: Finding['evidence'] = { reason, host: ctx.host, error: code, timeoutMs: ctx.timeoutMs };
  if (ctx.operation) evidence.operation = ctx.operation;
  if (detail) evidence.detail = detail.slice(0, 200);
  return { code: 'daemon_unreachable', severity: 'error', subject: ctx.host, evidence, summary: t.summary, fix: t.fix };
}

/** The one place raw engine/network errors become a user-facing HostUnreachableError. */
export function toUnreachable(err: unknown, ctx: ErrorContext): HostUnreachableError {
  if (err instanceof HostUnreachableError) return err;
  const classified = classifyError(err);
  const code = classified.code;
  // A TLS engine hangs up right after the handshake when it refuses our client certificate.
  const reason = classified.reason === 'connection_closed' && ctx.tls === true ? 'tls' : classified.reason;
  const detail = reason === 'bad_config' && err instanceof Error ? err.message : undefined;
  return new HostUnreachableError(unreachableFinding(reason, ctx, code, detail), { cause: err });
}
