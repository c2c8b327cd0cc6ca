// The engine side: a few connections to the engine socket at a time (the rest wait briefly in a
// bounded queue, then get 503), each request sent as GET with no client header passed on, and
// every body read under a size cap that aborts the engine request when it is exceeded.
import { Agent, request, type IncomingMessage } from 'node:http';

export class TooLargeError extends Error {
  constructor(limit: number) {
    super(`the engine's answer is larger than ${limit} bytes`);
    this.name = 'TooLargeError';
  }
}

export class BusyError extends Error {
  constructor() {
    super('too many requests are waiting for the engine');
    this.name = 'BusyError';
  }
}

/** At most `max` holders at once; at most `maxQueued` waiting; a waiter leaves when its signal aborts. */
export class Slots {
  private used = 0;
  private readonly queue: { grant: () => void; signal: AbortSignal }[] = [];
  constructor(
    private readonly max: number,
    private readonly maxQueued: number,
  ) {}

  get inUse(): number {
    return this.used;
  }

  async acquire(signal: AbortSignal): Promise<() => void> {
    signal.throwIfAborted();
    if (this.used < this.max) {
      this.used++;
      return this.releaser();
    }
    if (this.queue.length >= this.maxQueued) throw new BusyError();
    return new Promise((resolve, reject) => {
      const entry = {
        signal,
        grant: () => {
          signal.removeEventListener('abort', onAbort);
          resolve(this.releaser());
        },
      };
      const onAbort = () => {
        this.queue.splice(this.queue.indexOf(entry), 1);
        reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.queue.push(entry);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.queue.shift();
      if (next) next.grant();
      else this.used--;
    };
  }
}

export interface Upstream {
  /** `GET path` on the engine; resolves once the status and headers are in. */
  get(path: string, signal: AbortSignal): Promise<IncomingMessage>;
  close(): void;
}

export function createUpstream(socketPath: string, maxSockets: number): Upstream {
  const agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  return {
    get: (path, signal) =>
      new Promise((resolve, reject) => {
        const req = request({
          socketPath,
          agent,
          method: 'GET',
          path,
          signal,
          headers: { host: 'docker', 'user-agent': 'container-coach-proxy' },
        });
        req.once('response', resolve);
        req.once('error', reject);
        req.end();
      }),
    close: () => {
      agent.destroy();
    },
  };
}

/** The whole body, or TooLargeError (and the engine request aborted) past `limit` bytes. */
export async function readCapped(res: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    res.destroy();
    throw new TooLargeError(limit);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > limit) {
      res.destroy();
      throw new TooLargeError(limit);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
