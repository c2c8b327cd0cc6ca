// Hostile clients for the body limits: big unsigned POSTs, with a Content-Length or chunked, and
// slow senders. One shared filler buffer, written slice by slice with backpressure, so the
// client itself holds almost nothing; it stops sending as soon as the server has answered.
import { request } from 'node:http';

const SLICE = Buffer.alloc(64 * 1024, 'a');

export interface FloodResult {
  /** HTTP status, or 0 when the connection ended without one. */
  status: number;
  /** Body bytes this client managed to hand to its socket before it stopped. */
  sent: number;
}

export function bigPost(
  url: string,
  opts: { bytes: number; chunked?: boolean; headers?: Record<string, string>; delayMs?: number; timeoutMs?: number },
): Promise<FloodResult> {
  return new Promise((resolve) => {
    let sent = 0;
    let done = false;
    let status = 0;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({ status, sent });
    };
    const req = request(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(opts.chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(opts.bytes) }),
        ...opts.headers,
      },
    });
    const timer = setTimeout(() => req.destroy(), opts.timeoutMs ?? 20_000);
    req.on('response', (res) => {
      status = res.statusCode ?? 0;
      res.resume();
      res.on('end', () => {
        req.destroy();
        finish();
      });
    });
    req.on('error', finish);
    req.on('close', () => setTimeout(finish, 50));
    const pump = () => {
      while (!done && status === 0 && sent < opts.bytes) {
        const n = Math.min(SLICE.length, opts.bytes - sent);
        sent += n;
        if (!req.write(n === SLICE.length ? SLICE : SLICE.subarray(0, n))) {
          req.once('drain', () => {
            if (opts.delayMs) setTimeout(pump, opts.delayMs);
            else pump();
          });
          return;
        }
        if (opts.delayMs) {
          setTimeout(pump, opts.delayMs);
          return;
        }
      }
      if (!done && status === 0) req.end();
    };
    pump();
  });
}
