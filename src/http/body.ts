// Request bodies on the shared server are read here, once, before any handler runs: capped per
// route, and held in memory only within one process-wide budget. A body that says it is too big
// (Content-Length) is refused with 413 before it is read; a chunked body that runs past the cap
// is refused at the cap (what still arrives is dropped, never kept, and the connection closed); when the bodies still being read would exceed the budget, the
// request gets 503 at once. Handlers get the complete body as `req.rawBody` (the field Bolt's
// HTTPReceiver and our Discord endpoint read instead of reading the stream again), so nothing
// downstream buffers an unauthenticated body of its own.
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface BodyLimits {
  /** Largest body a route accepts unless it sets its own (Slack and Discord payloads are far smaller). */
  maxBodyBytes: number;
  /** Bytes all requests together may hold before their handler has answered. */
  budgetBytes: number;
  /** A body must arrive completely within this; slow senders would otherwise hold budget forever. */
  bodyTimeoutMs: number;
}

export const DEFAULT_BODY_LIMITS: BodyLimits = {
  maxBodyBytes: 256 * 1024,
  budgetBytes: 8 * 1024 * 1024,
  bodyTimeoutMs: 10_000,
};

export type WithRawBody = IncomingMessage & { rawBody?: Buffer };

export interface BodyStats {
  /** Bytes currently reserved by requests in progress. */
  held: number;
  tooLarge: number;
  overBudget: number;
  timedOut: number;
}

/** One budget per server: `read` resolves true when `req.rawBody` is set, false when it answered itself. */
export function createBodyReader(limits: BodyLimits) {
  const stats: BodyStats = { held: 0, tooLarge: 0, overBudget: 0, timedOut: 0 };

  function read(req: WithRawBody, res: ServerResponse, cap: number): Promise<boolean> {
    let reserved = 0;
    const reserve = (n: number): boolean => {
      if (stats.held + n > limits.budgetBytes) return false;
      stats.held += n;
      reserved += n;
      return true;
    };
    // Released when the response is done, however it ends: the body is in memory until then.
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      stats.held -= reserved;
      reserved = 0;
    };
    res.once('finish', release).once('close', release);

    const declared = contentLength(req);
    if (declared === 'invalid') return Promise.resolve(reject(req, res, 400, 'invalid content-length\n'));
    if (declared !== undefined && declared > cap) {
      stats.tooLarge++;
      return Promise.resolve(reject(req, res, 413, 'request body too large\n'));
    }
    if (declared !== undefined && !reserve(declared)) {
      stats.overBudget++;
      return Promise.resolve(reject(req, res, 503, 'busy, try again shortly\n'));
    }
    return new Promise<boolean>((resolve) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = (ok: boolean) => {
        clearTimeout(timer);
        req.off('data', onData).off('end', onEnd).off('error', onError);
        resolve(ok);
      };
      const fail = (status: number, text: string) => {
        finish(reject(req, res, status, text));
      };
      const onData = (chunk: Buffer) => {
        size += chunk.length;
        if (size > cap) {
          stats.tooLarge++;
          fail(413, 'request body too large\n');
          return;
        }
        // Without a Content-Length the reservation grows with what has arrived.
        if (size > reserved && !reserve(size - reserved)) {
          stats.overBudget++;
          fail(503, 'busy, try again shortly\n');
          return;
        }
        chunks.push(chunk);
      };
      const onEnd = () => {
        req.rawBody = Buffer.concat(chunks, size);
        finish(true);
      };
      const onError = () => {
        finish(false);
      };
      const timer = setTimeout(() => {
        stats.timedOut++;
        fail(408, 'request body took too long\n');
      }, limits.bodyTimeoutMs);
      timer.unref();
      req.on('data', onData).once('end', onEnd).once('error', onError);
    });
  }

  return { read, stats };
}

function contentLength(req: IncomingMessage): number | undefined | 'invalid' {
  const raw = req.headers['content-length'];
  if (raw === undefined) return undefined;
  return /^\d{1,15}$/.test(raw) ? Number(raw) : 'invalid';
}

/** After a refusal, how much of the rest of the body is read (and dropped) at most, and for how long. */
const LINGER_BYTES = 1024 * 1024;
const LINGER_MS = 2000;

/**
 * Answers at once, then closes our side and reads and drops what is still arriving for a moment.
 * Closing a socket with unread data makes the kernel send a reset, which can reach the client
 * (or a proxy in between, such as Docker's port forwarding) before our answer has been read:
 * the client would see a broken connection instead of the 413. A client that stops sending
 * when it sees the answer ends the connection itself; one that keeps on sending is cut off
 * after LINGER_MS (or LINGER_BYTES). Nothing read here is kept.
 */
function reject(req: IncomingMessage, res: ServerResponse, status: number, text: string): false {
  if (!res.headersSent)
    res.writeHead(status, { 'content-type': 'text/plain', connection: 'close', ...(status === 503 ? { 'retry-after': '1' } : {}) });
  res.end(text);
  if (req.complete) return false;
  const socket = req.socket;
  let dropped = 0;
  const cutOff = () => {
    clearTimeout(timer);
    socket.destroy();
  };
  const timer = setTimeout(cutOff, LINGER_MS);
  timer.unref();
  const drop = (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > LINGER_BYTES) cutOff();
  };
  // Node ends a `connection: close` response by destroying the socket as soon as the answer is
  // written; take the socket over instead: half-close it (the answer, then FIN) and drain it.
  socket.destroySoon = () => {
    socket.end();
  };
  socket.on('data', drop);
  socket.once('close', () => {
    clearTimeout(timer);
  });
  req.on('data', drop);
  req.resume();
  return false;
}
