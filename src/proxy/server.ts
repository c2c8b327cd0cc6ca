// `coach proxy`: a read-only Docker API proxy in front of the engine socket. Every request is
// admitted or refused (policy.ts) before anything is sent to the engine; admitted ones are sent
// as a bare GET, and the answer is filtered (filter-*.ts) and size-capped on its way back.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { lstatSync, unlinkSync } from 'node:fs';
import type { Duplex } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Logger } from 'pino';
import { envValues } from '../host/redact.ts';
import { eventsFilter } from './filter-events.ts';
import { filterJsonBody } from './filter-json.ts';
import { filterLogs } from './filter-logs.ts';
import type { Listen, ProxyOptions } from './options.ts';
import { admit, type BodyKind } from './policy.ts';
import { BusyError, createUpstream, readCapped, Slots, TooLargeError, type Upstream } from './upstream.ts';

/** Engine response headers a Docker client may need; nothing else is passed back. */
const PASSED_HEADERS = [
  'content-type',
  'api-version',
  'docker-experimental',
  'ostype',
  'server',
  'builder-version',
  'swarm',
  'cache-control',
  'pragma',
];

export interface ProxyServer {
  /** Where it listens (the real port when 0 was asked for). */
  readonly address: string;
  /** Requests being answered now. */
  inFlight(): number;
  /** Stops accepting, lets answers in flight finish within `budgetMs`, then closes everything. */
  close(budgetMs: number): Promise<void>;
}

class TimeoutError extends Error {
  constructor(ms: number) {
    super(`the engine did not answer within ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

export async function startProxy(opts: ProxyOptions, logger: Logger): Promise<ProxyServer> {
  const upstream = createUpstream(opts.upstreamSocket, opts.maxConcurrent);
  const slots = new Slots(opts.maxConcurrent, opts.maxQueued);
  let inFlight = 0;
  const server = createServer({ maxHeaderSize: opts.maxHeaderBytes, headersTimeout: 5_000, requestTimeout: 10_000 }, (req, res) => {
    inFlight++;
    res.once('close', () => inFlight--);
    handle(req, res, { opts, upstream, slots, logger }).catch((err: unknown) => {
      // Never reached by design; if it is, this request fails, not the process.
      logger.error({ err }, 'proxy handler failed');
      res.destroy();
    });
  });
  hardenServer(server, opts, logger);
  const address = await listen(server, opts.listen);
  logger.info({ listen: address, upstream: opts.upstreamSocket, logs: opts.logs, maxBodyBytes: opts.maxBodyBytes }, 'proxy listening');
  return {
    address,
    inFlight: () => inFlight,
    close: (budgetMs) => closeServer(server, upstream, () => inFlight, budgetMs),
  };
}

function hardenServer(server: Server, opts: ProxyOptions, logger: Logger): void {
  server.maxHeadersCount = 64;
  server.maxConnections = opts.maxConnections;
  server.maxRequestsPerSocket = 1000;
  server.keepAliveTimeout = 5_000;
  // A client that stops reading is dropped; the engine request has its own time limit.
  server.timeout = opts.timeoutMs + 5_000;
  // attach/exec upgrades and CONNECT tunnels are never proxied.
  const refuseRaw = (kind: string) => (req: IncomingMessage, socket: Duplex) => {
    logger.warn({ method: req.method, path: shortPath(req.url), status: 403, reason: kind }, 'refused');
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  };
  server.on('upgrade', refuseRaw('connection upgrade'));
  server.on('connect', refuseRaw('CONNECT'));
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    logger.warn({ status, reason: err.code ?? err.message }, 'bad request');
    if (socket.writable)
      socket.end(
        `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
      );
    else socket.destroy();
  });
}

interface Ctx {
  opts: ProxyOptions;
  upstream: Upstream;
  slots: Slots;
  logger: Logger;
}

async function handle(req: IncomingMessage, res: ServerResponse, ctx: Ctx): Promise<void> {
  const started = performance.now();
  const line = { method: req.method ?? '?', path: shortPath(req.url) };
  const admission = admit({ method: req.method ?? '', url: req.url ?? '', headers: req.headers }, ctx.opts);
  if (!admission.ok) {
    ctx.logger.warn({ ...line, status: admission.status, reason: admission.reason }, 'refused');
    reply(res, admission.status, admission.reason);
    return;
  }
  const ac = new AbortController();
  const timer = setTimeout(() => {
    ac.abort(new TimeoutError(ctx.opts.timeoutMs));
  }, ctx.opts.timeoutMs);
  res.once('close', () => {
    ac.abort(new Error('client went away'));
  });
  let release: (() => void) | undefined;
  try {
    release = await ctx.slots.acquire(ac.signal);
    const bytes = await forward(admission.path, admission.kind, res, ac.signal, ctx);
    ctx.logger.info({ ...line, status: res.statusCode, bytes, ms: Math.round(performance.now() - started) }, 'forwarded');
  } catch (err) {
    const reason: unknown = ac.signal.reason;
    failed(res, reason instanceof TimeoutError ? reason : err, line, ctx.logger);
  } finally {
    clearTimeout(timer);
    release?.();
  }
}

/** Sends the request to the engine and the filtered answer to the client; resolves with the bytes sent. */
async function forward(path: string, kind: BodyKind, res: ServerResponse, signal: AbortSignal, ctx: Ctx): Promise<number> {
  const secrets = kind === 'logs' ? await containerEnvValues(path, signal, ctx) : [];
  const up = await ctx.upstream.get(path, signal);
  const status = up.statusCode ?? 502;
  if (kind === 'events' && status === 200) {
    res.writeHead(status, passedHeaders(up.headers));
    let sent = 0;
    const filter = eventsFilter({ maxBytes: ctx.opts.maxBodyBytes, maxLineBytes: ctx.opts.maxEventLineBytes });
    filter.on('data', (c: string) => (sent += Buffer.byteLength(c)));
    await pipeline(up, filter, res);
    return sent;
  }
  const body = await readCapped(up, ctx.opts.maxBodyBytes);
  const out =
    kind === 'logs' && status === 200
      ? filterLogs(body, secrets)
      : Buffer.from(filterJsonBody(status === 200 ? kind : 'other', body.toString('utf8')));
  res.writeHead(status, { ...passedHeaders(up.headers), 'content-length': out.length });
  res.end(out);
  return out.length;
}

/** For logs: the container's own environment values, to scrub from its lines (`…/logs` → `…/json`). */
async function containerEnvValues(logsPath: string, signal: AbortSignal, ctx: Ctx): Promise<string[]> {
  const inspectPath = logsPath.replace(/\/logs(\?.*)?$/, '/json');
  const up = await ctx.upstream.get(inspectPath, signal);
  const body = await readCapped(up, ctx.opts.maxBodyBytes);
  if (up.statusCode !== 200) return [];
  try {
    return envValues((JSON.parse(body.toString('utf8')) as { Config?: { Env?: unknown } }).Config?.Env);
  } catch {
    return [];
  }
}

function failed(res: ServerResponse, err: unknown, line: { method: string; path: string }, logger: Logger): void {
  const status =
    err instanceof TooLargeError || (err as Error).name === 'EventsTooLargeError'
      ? 502
      : err instanceof BusyError
        ? 503
        : isTimeout(err)
          ? 504
          : 502;
  const reason = err instanceof Error ? err.message : String(err);
  logger.warn({ ...line, status, reason }, res.headersSent ? 'cut off' : 'failed');
  if (res.headersSent) {
    // Part of a streamed answer is out: end the connection mid-body so the client sees an error,
    // never a shortened answer that looks complete.
    res.destroy();
    return;
  }
  reply(res, status, status === 502 ? `bad answer from the engine: ${reason}` : reason, status === 503 ? { 'retry-after': '1' } : {});
}

const isTimeout = (err: unknown) => err instanceof TimeoutError;

function reply(res: ServerResponse, status: number, reason: string, extra: Record<string, string> = {}): void {
  if (res.destroyed) return;
  const body = JSON.stringify({ message: `coach proxy: ${reason}` });
  // Close after a refusal: a body the client may have sent is never read as a next request.
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), connection: 'close', ...extra });
  res.end(body);
}

function passedHeaders(h: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of PASSED_HEADERS) {
    const v = h[name];
    if (typeof v === 'string') out[name] = v;
  }
  return out;
}

/** The path without its query, short enough for a log line. */
function shortPath(url: string | undefined): string {
  const p = (url ?? '').split('?')[0] ?? '';
  return p.length > 200 ? `${p.slice(0, 200)}…` : p;
}

async function listen(server: Server, where: Listen): Promise<string> {
  if (where.kind === 'unix') removeStaleSocket(where.path);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    const done = () => {
      server.off('error', reject);
      resolve();
    };
    if (where.kind === 'unix') server.listen(where.path, done);
    else server.listen(where.port, where.host, done);
  });
  const a = server.address();
  return typeof a === 'string' || a === null ? `unix://${where.kind === 'unix' ? where.path : ''}` : `${a.address}:${a.port}`;
}

/** A socket file left by an earlier run would make listen fail; anything else at the path is kept. */
function removeStaleSocket(path: string): void {
  try {
    if (lstatSync(path).isSocket()) unlinkSync(path);
  } catch {
    // nothing there
  }
}

async function closeServer(server: Server, upstream: Upstream, inFlight: () => number, budgetMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  server.closeIdleConnections();
  const deadline = Date.now() + budgetMs;
  while (inFlight() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  server.closeAllConnections();
  upstream.close();
  await closed;
}
