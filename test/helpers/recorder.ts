// The socket recorder: a small HTTP proxy on a unix socket in a temp dir that forwards to the
// real engine socket and records the request line (method + path + query) of EVERY request
// the bot sends through it. Requests that are not on the allow-list are recorded and answered
// 403 here — never forwarded — so a guard bug shows up as a failed run, not a changed host.
// Used by the vitest global setup (the whole suite) and by bench/host.ts (requests per diagnosis).
import { request as httpRequest, createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { checkRequest } from '../../src/host/allowlist.ts';

export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  /** Was it on the allow-list (checked with logs enabled, at the time it arrived)? */
  allowed: boolean;
  reason?: string;
}

export interface Recorder {
  /** Point the bot at `unix://<socketPath>`. */
  readonly socketPath: string;
  readonly requests: readonly RecordedRequest[];
  /** Requests that were not allow-listed GETs. */
  violations(): RecordedRequest[];
  /**
   * Connections that ended before a whole request arrived (a client process killed or a request
   * aborted mid-way; a reset idle keep-alive socket): nothing was parsed, nothing forwarded.
   */
  dropped(): number;
  /** Forget what was recorded so far (the bench counts per diagnosis). */
  reset(): void;
  close(): Promise<void>;
}

export interface RecorderOptions {
  /** The real engine socket; default /var/run/docker.sock. */
  target?: string;
}

export async function startRecorder(opts: RecorderOptions = {}): Promise<Recorder> {
  const target = opts.target ?? '/var/run/docker.sock';
  const dir = mkdtempSync(join(tmpdir(), 'cc-recorder-'));
  const socketPath = join(dir, 'engine.sock');
  const requests: RecordedRequest[] = [];
  let dropped = 0;

  const record = (method: string, url: string): RecordedRequest => {
    const verdict = checkRequest(method, url, { logs: true });
    const r: RecordedRequest = { method, url, allowed: verdict.ok, ...(verdict.ok ? {} : { reason: verdict.reason }) };
    requests.push(r);
    return r;
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const r = record(req.method ?? '?', req.url ?? '');
    if (!r.allowed) {
      req.resume();
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `recorder: refused ${r.method} ${r.url}: ${r.reason}` }));
      return;
    }
    forward(target, req, res);
  });
  // Anything that is not a plain request is a violation too: record it, answer nothing.
  server.on('upgrade', (req: IncomingMessage, socket: Duplex) => {
    requests.push({ method: `${req.method ?? '?'} (upgrade)`, url: req.url ?? '', allowed: false, reason: 'upgrade' });
    socket.destroy();
  });
  server.on('connect', (req: IncomingMessage, socket: Duplex) => {
    requests.push({ method: 'CONNECT', url: req.url ?? '', allowed: false, reason: 'CONNECT' });
    socket.destroy();
  });
  server.on('clientError', (err: Error, socket: Duplex) => {
    if (clientErrorKind(err) === 'not HTTP') requests.push({ method: '(unparseable)', url: '', allowed: false, reason: 'not HTTP' });
    else dropped++;
    socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => {
      resolve();
    });
  });

  return {
    socketPath,
    requests,
    violations: () => requests.filter((r) => !r.allowed),
    dropped: () => dropped,
    reset: () => {
      requests.length = 0;
      dropped = 0;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Why Node's HTTP server gave up on a client connection: bytes that do not parse as HTTP (llhttp's
 * `HPE_*` codes) are a violation like any refused request; a connection reset or timed out before a
 * whole request arrived sent nothing the engine could act on.
 */
export function clientErrorKind(err: Error): 'not HTTP' | 'dropped' {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  return code.startsWith('HPE_') ? 'not HTTP' : 'dropped';
}

function forward(target: string, req: IncomingMessage, res: ServerResponse): void {
  const upstream = httpRequest({ socketPath: target, method: req.method, path: req.url, headers: req.headers }, (up) => {
    res.writeHead(up.statusCode ?? 502, up.headers);
    up.pipe(res);
  });
  upstream.on('error', (err) => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: `recorder: engine not reachable: ${err.message}` }));
  });
  res.on('close', () => upstream.destroy());
  req.pipe(upstream);
}

/** `GET /v1.41/containers/json?all=1` → `GET /containers/json` (for counting by endpoint). */
export function endpointOf(r: RecordedRequest): string {
  return `${r.method} ${r.url.split('?')[0]!.replace(/^\/v1\.\d+/, '')}`;
}
