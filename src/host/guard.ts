// The read-only guard, installed UNDER dockerode: docker-modem builds every request in
// `dial` and hands it to `buildRequest`, which is the last step before `http.request`. We
// replace `buildRequest` on the instance, so the method and the final path (version prefix
// and query string included) are checked against the allow-list before any socket is
// opened. A refused request throws ForbiddenRequestError through the caller's callback and
// writes zero bytes. Two escape hatches of docker-modem are closed here too:
// - its http wrapper follows redirects on its own (a 3xx could send a second, unchecked GET),
//   so `maxRedirects` is forced to 0;
// - request bodies, hijacked (attach-style) and stdin-open requests are refused outright.
// Every allowed request also gets its own agent that counts the bytes read from its socket and
// destroys the socket past the endpoint's `maxBytes` (plus room for headers): an endless or
// huge answer ends as ResponseTooLargeError instead of filling memory. (ssh:// hosts get their
// agent from docker-modem itself; their bodies are capped by the inspector's stream readers
// only.)
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { Socket } from 'node:net';
import Docker from 'dockerode';
import { ForbiddenRequestError } from '../core/errors.ts';
import { checkRequest, type AllowOptions } from './allowlist.ts';

/** Room for the status line, headers and chunk framing on top of a body limit. */
export const HEADER_ROOM = 64 * 1024;

/** The engine sent more than we read for one request; the request was aborted. */
export class ResponseTooLargeError extends Error {
  readonly code = 'ERESPONSE_TOO_LARGE';
  readonly limit: number;
  constructor(limit: number) {
    super(`the engine's answer was larger than ${limit} bytes; reading stopped`);
    this.name = 'ResponseTooLargeError';
    this.limit = limit;
  }
}

type Callback = (err: unknown, data?: unknown) => void;

interface ModemRequestOptions {
  method?: string;
  path?: string;
  maxRedirects?: number;
  [key: string]: unknown;
}

interface ModemContext {
  hijack?: boolean;
  openStdin?: boolean;
  [key: string]: unknown;
}

interface GuardableModem {
  buildRequest(options: ModemRequestOptions, context: ModemContext, data: unknown, callback: Callback): void;
  protocol?: string;
  agent?: HttpAgent;
  [GUARDED]?: true;
}

const GUARDED = Symbol.for('container-coach.guarded');

/** Everything the guard refused, for tests and logs (never the query values themselves). */
export interface GuardEvents {
  onRefused?: (method: string, path: string, reason: string) => void;
}

/** Installs the guard on this dockerode instance's modem. Idempotent. */
export function installGuard(docker: Docker, opts: AllowOptions & GuardEvents): Docker {
  const modem = docker.modem as unknown as GuardableModem;
  if (modem[GUARDED]) return docker;
  const original = modem.buildRequest.bind(modem);
  const guarded = (options: ModemRequestOptions, context: ModemContext, data: unknown, callback: Callback): void => {
    const method = options.method ?? 'GET';
    const path = options.path ?? '';
    const verdict = refusal(method, path, context, data, opts);
    if (typeof verdict === 'string') {
      opts.onRefused?.(method, path.split('?')[0] ?? '', verdict);
      callback(new ForbiddenRequestError(method, path.split('?')[0] ?? ''));
      return;
    }
    const agent = cappedAgent(modem, verdict.maxBytes);
    original({ ...options, maxRedirects: 0, ...(agent ? { agent } : {}) }, context, data, callback);
  };
  Object.defineProperty(modem, 'buildRequest', { value: guarded, writable: false, configurable: false });
  Object.defineProperty(modem, GUARDED, { value: true });
  return docker;
}

/** Why the request is refused, or the allowed endpoint's byte limit. */
function refusal(method: string, path: string, context: ModemContext, data: unknown, opts: AllowOptions): string | { maxBytes: number } {
  if (context.hijack || context.openStdin) return 'hijacked or stdin-attached requests are never allowed';
  if (data !== undefined && data !== null) return 'requests with a body are never allowed';
  const verdict = checkRequest(method, path, opts);
  return verdict.ok ? { maxBytes: verdict.endpoint.maxBytes } : verdict.reason;
}

type CreateConnection = (options: object, callback?: (err: Error | null, socket: Socket) => void) => Socket;

/** A one-request agent (same TLS settings as the configured one) whose socket is destroyed past the limit. */
function cappedAgent(modem: GuardableModem, maxBytes: number): HttpAgent | undefined {
  if (modem.protocol === 'ssh') return undefined;
  const base = modem.agent;
  const agent: HttpAgent =
    modem.protocol === 'https' || base instanceof HttpsAgent
      ? new HttpsAgent({ ...((base as { options?: object } | undefined)?.options ?? {}), keepAlive: false })
      : new HttpAgent({ keepAlive: false });
  const limit = maxBytes + HEADER_ROOM;
  const withConnect = agent as unknown as { createConnection: CreateConnection };
  const create = withConnect.createConnection.bind(agent);
  withConnect.createConnection = (options, callback) => {
    const socket = create(options, callback);
    let read = 0;
    socket.on('data', (chunk: Buffer) => {
      read += chunk.length;
      if (read > limit && !socket.destroyed) socket.destroy(new ResponseTooLargeError(maxBytes));
    });
    return socket;
  };
  return agent;
}

/** A dockerode client with the guard already installed: the only way host/ builds one. */
export function createGuardedDocker(dockerOptions: Docker.DockerOptions, opts: AllowOptions & GuardEvents): Docker {
  return installGuard(new Docker(dockerOptions), opts);
}
