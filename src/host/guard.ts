// The read-only guard, installed UNDER dockerode: docker-modem builds every request in
// `dial` and hands it to `buildRequest`, which is the last step before `http.request`. We
// replace `buildRequest` on the instance, so the method and the final path (version prefix
// and query string included) are checked against the allow-list before any socket is
// opened. A refused request throws ForbiddenRequestError through the caller's callback and
// writes zero bytes. Two escape hatches of docker-modem are closed here too:
// - its http wrapper follows redirects on its own (a 3xx could send a second, unchecked GET),
//   so `maxRedirects` is forced to 0;
// - request bodies, hijacked (attach-style) and stdin-open requests are refused outright.
import Docker from 'dockerode';
import { ForbiddenRequestError } from '../core/errors.ts';
import { checkRequest, type AllowOptions } from './allowlist.ts';

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
    // The modem's options are not checked at run time: String() keeps a non-string from slipping past.
    /* eslint-disable @typescript-eslint/no-unnecessary-type-conversion */
    const method = String(options.method ?? 'GET');
    const path = String(options.path ?? '');
    /* eslint-enable @typescript-eslint/no-unnecessary-type-conversion */
    const reason = refusal(method, path, context, data, opts);
    if (reason) {
      opts.onRefused?.(method, path.split('?')[0] ?? '', reason);
      callback(new ForbiddenRequestError(method, path.split('?')[0] ?? ''));
      return;
    }
    original({ ...options, maxRedirects: 0 }, context, data, callback);
  };
  Object.defineProperty(modem, 'buildRequest', { value: guarded, writable: false, configurable: false });
  Object.defineProperty(modem, GUARDED, { value: true });
  return docker;
}

function refusal(method: string, path: string, context: ModemContext, data: unknown, opts: AllowOptions): string | null {
  if (context.hijack || context.openStdin) return 'hijacked or stdin-attached requests are never allowed';
  if (data !== undefined && data !== null) return 'requests with a body are never allowed';
  const verdict = checkRequest(method, path, opts);
  return verdict.ok ? null : verdict.reason;
}

/** A dockerode client with the guard already installed: the only way host/ builds one. */
export function createGuardedDocker(dockerOptions: Docker.DockerOptions, opts: AllowOptions & GuardEvents): Docker {
  return installGuard(new Docker(dockerOptions), opts);
}
