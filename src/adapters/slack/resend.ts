// A response_url POST that fails because the pooled keep-alive connection it went out on was
// already closed by the other side (the server's idle timeout ran out while this process was busy
// and had not yet seen the FIN) never reached the server: sending it again on a new connection is
// safe, and without it an acknowledged question would lose its answer. Only such connection
// failures are retried, a few times; an HTTP error status is an answer and is not.

const STALE_SOCKET = new Set(['UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNRESET', 'EPIPE']);

/** True for fetch's "the connection closed before any response" failures. */
export function isStaleConnection(err: unknown): boolean {
  if (!(err instanceof TypeError)) return false;
  const cause = (err as { cause?: { code?: unknown } }).cause;
  return typeof cause?.code === 'string' && STALE_SOCKET.has(cause.code);
}

/** Attempts in all: a busy process may find several pooled connections closed at once. */
export const SEND_ATTEMPTS = 3;

/**
 * Runs `send`; when it fails on a stale connection, runs it again (at most SEND_ATTEMPTS in all),
 * each time after letting the event loop take in the closes it has not seen yet, so the pool
 * drops those sockets instead of handing out the next dead one.
 */
export async function resendOnStaleConnection<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (err) {
      if (attempt >= SEND_ATTEMPTS || !isStaleConnection(err)) throw err;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
