// Keeping acks fast under a burst. Slack gives each request 3 s; the ack itself is cheap, but
// answering (classify, render, an outgoing HTTPS call) is not, and on one event loop 200
// answers started at once delay the acks of requests still being read. So: answers wait
// (bounded) until no request is waiting for its ack, and only a few are computed at once.

/** Counts requests not yet acknowledged; `drained()` resolves when there are none (or after `maxWaitMs`). */
export class AckGate {
  private pending = 0;
  private waiters: (() => void)[] = [];

  constructor(private readonly maxWaitMs: number) {}

  /** Call when a request arrives; the returned function when its response has been sent. */
  enter(): () => void {
    this.pending++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.pending--;
      if (this.pending === 0) for (const w of this.waiters.splice(0)) w();
    };
  }

  drained(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, this.maxWaitMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

/** Runs at most `max` tasks at once, each after yielding to pending I/O. */
export function createLimiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    while (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      await new Promise<void>((resolve) => setImmediate(resolve));
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}
