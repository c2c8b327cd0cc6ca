// Keeping acks fast under a burst. Slack gives each request 3 s; the ack itself is cheap, but
// answering (classify, render, an outgoing HTTPS call) is not, and on one event loop 200
// answers started at once delay the acks of requests still being read. So: answers wait
// (bounded) until no request is waiting for its ack; how many are computed at once is the
// shared lifecycle's business (runtime/lifecycle.ts).

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
