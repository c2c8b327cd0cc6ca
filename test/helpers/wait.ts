// The one way a test waits: poll a condition until it holds, with a generous upper bound.
// Never a fixed sleep that a slow machine outruns: the wait ends as soon as the condition holds,
// and the bound only decides how long a broken run takes to fail (it must not decide a pass).

/** Upper bound when a caller gives none: roomy enough for a loaded 2-core CI machine. */
export const WAIT_MS = 15_000;

export interface WaitOptions {
  /** Give up after this long (default WAIT_MS). */
  timeoutMs?: number;
  /** Poll interval (default 10 ms). */
  everyMs?: number;
  /** Appended to the timeout message (e.g. what was seen instead). */
  detail?: () => string;
}

type Maybe<T> = T | undefined | null | false;

/**
 * Calls `check` until it returns a truthy value and resolves with it. `check` may be async and
 * may throw to stop waiting early (e.g. the child process it waits on has exited).
 */
export async function waitFor<T>(what: string, check: () => Maybe<T> | Promise<Maybe<T>>, opts: WaitOptions = {}): Promise<T> {
  const timeoutMs = opts.timeoutMs ?? WAIT_MS;
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) {
      const detail = opts.detail ? `\n${opts.detail()}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
    }
    await new Promise((r) => setTimeout(r, opts.everyMs ?? 10));
  }
}
