// A response_url POST that fails because the pooled keep-alive connection it went out on was
// already closed by the other side (the server's idle timeout ran out while this process was busy
// and had not yet seen the FIN) never reached the server: sending it again on a new connection is
// safe, and without it an acknowledged question would lose its answer. Only such connection
// failures are retried, once; an HTTP error status is an answer and is not.

const STALE_SOCKET = new Set(['UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNRESET', 'EPIPE']);

/** True for fetch's "the connection closed before any response" failures. */
export function isStaleConnection(err: unknown): boolean {
  if (!(err instanceof TypeError)) return false;
  const cause = (err as { cause?: { code?: unknown } }).cause;
  return typeof cause?.code === 'string' && STALE_SOCKET.has(cause.code);
}

/** Runs `send`; when it fails on a stale connection, runs it once more. */
export async function resendOnStaleConnection<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (err) {
    if (!isStaleConnection(err)) throw err;
    return send();
  }
}
