// One HTTP server per process, shared by every HTTP-mode adapter (Slack events, Discord
// interactions) and the operational endpoints (/healthz, /readyz, /metrics). Adapters hand
// in plain node request handlers; they never start servers of their own in HTTP mode.
// Bodies are read here, capped and within one budget, before any handler sees the request
// (body.ts): anyone on the internet can reach these routes before a signature is checked.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBodyReader, DEFAULT_BODY_LIMITS, type BodyLimits, type BodyStats } from './body.ts';

export { DEFAULT_BODY_LIMITS, type BodyLimits } from './body.ts';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface Route {
  /** Exact path (query string ignored), e.g. `/slack/events`. */
  path: string;
  /** Allowed methods; others get 405. Default: any. */
  methods?: string[];
  /** Largest request body this route accepts (default: the server's `maxBodyBytes`). */
  maxBodyBytes?: number;
  handler: Handler;
}

export interface HttpServer {
  readonly server: Server;
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting connections and waits for in-flight requests (bounded by `graceMs`). */
  close(graceMs?: number): Promise<void>;
  /** Bodies held right now and requests refused for their body (for /metrics and tests). */
  bodyStats(): Readonly<BodyStats>;
}

export function createHttpServer(routes: Route[], onError?: (err: unknown) => void, limits: Partial<BodyLimits> = {}): HttpServer {
  const byPath = new Map(routes.map((r) => [r.path, r]));
  const bodies = createBodyReader({ ...DEFAULT_BODY_LIMITS, ...limits });
  const maxBody = limits.maxBodyBytes ?? DEFAULT_BODY_LIMITS.maxBodyBytes;
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = byPath.get(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    if (route.methods && !route.methods.includes(req.method ?? 'GET')) {
      res.writeHead(405, { 'content-type': 'text/plain', allow: route.methods.join(', ') }).end('method not allowed\n');
      return;
    }
    bodies
      .read(req, res, route.maxBodyBytes ?? maxBody)
      .then((complete) => (complete ? route.handler(req, res) : undefined))
      .catch((err: unknown) => {
        onError?.(err);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('internal error\n');
      });
  });
  return {
    server,
    listen: (port, host = '0.0.0.0') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      }),
    close: (graceMs = 8000) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          server.closeAllConnections();
          resolve();
        }, graceMs);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
      }),
    bodyStats: () => ({ ...bodies.stats }),
  };
}
