// Time limits on promises, written once: an answer's limit, autocomplete's limit, a stop grace.

export const TIMED_OUT: unique symbol = Symbol('timed out');

/** `p`'s value, or TIMED_OUT when it has not settled after `ms`. The timer never keeps the process alive. */
export function within<T>(p: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => {
      resolve(TIMED_OUT);
    }, ms);
    timer.unref();
  });
  return Promise.race([p, limit]).finally(() => {
    clearTimeout(timer);
  });
}

/** Resolves after `ms` without keeping the process alive. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
