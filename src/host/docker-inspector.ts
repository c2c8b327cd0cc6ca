// ReadOnlyInspector over dockerode, with the allow-list guard installed under it. Every call
// has a time limit (default 3000 ms): when it fires the request is aborted and the caller gets
// a HostUnreachableError saying the engine did not answer in time. Every other failure to
// reach the engine is mapped (unreachable.ts) to a `daemon_unreachable` finding that says
// which problem it is. Environment values are stripped here, at the source (redact.ts).
import type Docker from 'dockerode';
import { HostUnreachableError } from '../core/errors.ts';
import { ConnectError, resolveEngine, type ConnectOptions, type EngineTarget } from './connect.ts';
import { ENDPOINTS } from './allowlist.ts';
import { createGuardedDocker, ResponseTooLargeError, type GuardEvents } from './guard.ts';
import type { EngineEvent, ReadOnlyInspector } from './inspector.ts';
import { envValues, redactSecrets, sanitizeContainer, sanitizeEvent, sanitizeImage, sanitizeListed, scrubText } from './redact.ts';
import {
  EngineTimeoutError,
  engineMessage,
  InvalidReferenceError,
  toUnreachable,
  unreachableFinding,
  type SettingNames,
} from './unreachable.ts';

export const DEFAULT_TIMEOUT_MS = 3000;
export const MAX_LOG_LINES = 50;
const MAX_EVENTS = 1000;
/** The events endpoint's byte limit (allowlist.ts): the body is read as a stream, so it is counted here. */
const EVENTS_MAX_BYTES = ENDPOINTS.find((e) => e.path === '/events')?.maxBytes ?? 4 * 1024 * 1024;

export interface DockerInspectorOptions extends GuardEvents {
  /** How to find the engine (DOCKER_HOST, context…); ignored when `target` is given. */
  connect?: ConnectOptions;
  target?: EngineTarget;
  /** Time limit for every engine call (COACH_ENGINE_TIMEOUT_MS). */
  timeoutMs?: number;
  /** COACH_SHOW_LOGS: without it `logs()` returns null and the guard refuses the logs endpoint. */
  showLogs?: boolean;
  /** The names of this host's settings, for the fixes in findings (default: the single-host ones). */
  settings?: SettingNames;
  /** The clock, milliseconds (default Date.now): an events call's `until` is never later than it. */
  now?: () => number;
}

/** dockerode takes `abortSignal` on these calls at runtime; its types do not say so. */
type WithSignal<T> = { inspect(o: { abortSignal: AbortSignal }): Promise<T> };

const CONTAINER_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const IMAGE_REF = /^[A-Za-z0-9][A-Za-z0-9_.:@/-]*$/;

export function createDockerInspector(opts: DockerInspectorOptions = {}): ReadOnlyInspector {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let target: EngineTarget;
  try {
    target = opts.target ?? resolveEngine(opts.connect);
  } catch (err) {
    if (err instanceof ConnectError) return brokenInspector(err, timeoutMs, opts.settings);
    throw err;
  }
  const showLogs = opts.showLogs === true;
  let docker: Docker;
  try {
    docker = createGuardedDocker(target.dockerOptions, { logs: showLogs, onRefused: opts.onRefused });
  } catch (err) {
    // docker-modem's constructor also reads DOCKER_HOST/DOCKER_CERT_PATH from the process
    // environment on its own, and throws on a bad value or a missing certificate file.
    return brokenInspector(new ConnectError('bad_host', target.description, (err as Error).message), timeoutMs, opts.settings);
  }
  const host = target.description;
  const errorContext = { host, timeoutMs, ...(opts.settings ? { settings: opts.settings } : {}), tls: target.tls !== 'none' };

  /** Runs one engine call under the time limit; any failure becomes HostUnreachableError. */
  async function call<T>(operation: string, fn: (signal: AbortSignal) => Promise<T>, notFound?: T): Promise<T> {
    const ac = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        ac.abort();
        reject(new EngineTimeoutError(timeoutMs));
      }, timeoutMs);
    });
    try {
      return await Promise.race([fn(ac.signal), limit]);
    } catch (err) {
      if (notFound !== undefined && (err as { statusCode?: number }).statusCode === 404) return notFound;
      if (isForbidden(err)) throw err; // a programming error: keep it loud, it never reached the engine
      // 400: the engine reached and answered — the name or reference is what is wrong.
      if ((err as { statusCode?: number }).statusCode === 400) throw new InvalidReferenceError(redactSecrets(engineMessage(err)));
      throw toUnreachable(err, { ...errorContext, operation });
    } finally {
      clearTimeout(timer);
      ac.abort(); // closes a body still streaming after a race was lost
    }
  }

  async function rawInspect(id: string): Promise<Docker.ContainerInspectInfo | null> {
    if (!CONTAINER_ID.test(id)) return null;
    return call('inspect a container', (abortSignal) => docker.getContainer(id).inspect({ abortSignal }), null);
  }

  return {
    description: host,

    async listContainers({ all }) {
      const list = await call('list containers', (abortSignal) => docker.listContainers({ all, abortSignal }));
      return list.map(sanitizeListed);
    },

    async listImages() {
      return call('list images', (abortSignal) => docker.listImages({ abortSignal }));
    },

    async inspectContainer(id) {
      const info = await rawInspect(id);
      return info ? sanitizeContainer(info) : null;
    },

    async inspectImage(ref) {
      if (!IMAGE_REF.test(ref) || ref.includes('..') || ref.includes('//')) return null;
      const info = await call(
        'inspect an image',
        (abortSignal) => (docker.getImage(ref) as unknown as WithSignal<Docker.ImageInspectInfo>).inspect({ abortSignal }),
        null,
      );
      return info ? sanitizeImage(info) : null;
    },

    async events({ since, until, filters }) {
      // `until` never later than now: the engine holds a bounded events call open until its
      // `until` has passed, so a rounded-up end (ceil of now) costs up to a second per call.
      const end = Math.min(toSeconds(until), (opts.now ?? Date.now)() / 1000);
      const query: Record<string, unknown> = { since: Math.floor(toSeconds(since)), until: end.toFixed(3) };
      if (filters && Object.keys(filters).length > 0) query.filters = filters;
      return call('read recent events', async (abortSignal) => {
        const stream = await docker.getEvents({ ...query, abortSignal } as Docker.GetEventsOptions);
        return parseEvents(await readAll(stream, EVENTS_MAX_BYTES));
      });
    },

    async ping() {
      await call('ping', (abortSignal) =>
        (docker as unknown as { ping(o: { abortSignal: AbortSignal }): Promise<unknown> }).ping({ abortSignal }),
      );
    },

    async version() {
      const v = await call('version', (abortSignal) =>
        (docker as unknown as { version(o: { abortSignal: AbortSignal }): Promise<{ Version?: unknown }> }).version({ abortSignal }),
      );
      return typeof v.Version === 'string' ? v.Version.slice(0, 64) : 'unknown';
    },

    async logs(id, tail) {
      if (!showLogs) return null;
      const n = Math.max(0, Math.min(MAX_LOG_LINES, Math.floor(tail)));
      // Scrub this container's own env values from its log too (a process that prints its env).
      const info = await rawInspect(id);
      if (!info) return null;
      const config = info.Config as { Env?: unknown; Tty?: unknown } | undefined;
      const secrets = envValues(config?.Env);
      const body = await call('read container logs', (abortSignal) =>
        docker
          .getContainer(id)
          .logs({ stdout: true, stderr: true, tail: n, follow: false, abortSignal } as Docker.ContainerLogsOptions & { follow?: false }),
      );
      // Without a TTY the engine multiplexes stdout and stderr in frames with 8-byte headers.
      return splitLogLines(body, config?.Tty === true ? 'raw' : 'framed')
        .slice(-n || undefined)
        .slice(0, MAX_LOG_LINES)
        .map((line) => capLine(scrubText(stripControls(line), secrets)));
    },
  };
}

function isForbidden(err: unknown): boolean {
  return (err as { name?: string } | null)?.name === 'ForbiddenRequestError';
}

/** The engine takes unix seconds; accept milliseconds too, so a caller's unit slip cannot make it stream. */
function toSeconds(t: number): number {
  return t > 1e11 ? t / 1000 : t;
}

/** Reads a streamed body, at most `maxBytes`: past it the stream is destroyed and the read fails. */
function readAll(stream: NodeJS.ReadableStream, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (c: Buffer | string) => {
      const chunk = typeof c === 'string' ? Buffer.from(c) : c;
      size += chunk.length;
      if (size > maxBytes) {
        (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
        reject(new ResponseTooLargeError(maxBytes));
        return;
      }
      chunks.push(chunk);
    });
    stream.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    stream.on('error', reject);
  });
}

function parseEvents(text: string): EngineEvent[] {
  const out: EngineEvent[] = [];
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (!t) continue;
    try {
      // Only the attributes the rules use survive: exec command lines never leave this function.
      out.push(sanitizeEvent(JSON.parse(t)));
    } catch {
      continue; // a torn line at the end of a cut-off body
    }
  }
  return out.slice(-MAX_EVENTS);
}

/** Longer log lines are cut: a line is shown for its start (what failed), not a whole dump. */
export const MAX_LOG_LINE_CHARS = 300;

function capLine(line: string): string {
  return line.length > MAX_LOG_LINE_CHARS ? `${line.slice(0, MAX_LOG_LINE_CHARS - 1)}…` : line;
}

/** Terminal escapes and other control characters (a TTY log is full of them) never reach chat. */
function stripControls(line: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return line.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/**
 * The lines of a logs body. `framed` (no TTY): frames of [stream, 0, 0, 0, size (4 bytes, big
 * endian)] + payload, stdout and stderr interleaved in order; `raw` (TTY): the bytes as written.
 * docker-modem hands the body over as a Buffer — or parsed, if the log happened to be JSON.
 */
export function splitLogLines(body: unknown, format: 'framed' | 'raw'): string[] {
  const buf = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body ?? ''));
  let text: string;
  if (format === 'framed' && isFramed(buf)) {
    const parts: Buffer[] = [];
    let i = 0;
    while (i + 8 <= buf.length) {
      const len = buf.readUInt32BE(i + 4);
      parts.push(buf.subarray(i + 8, Math.min(buf.length, i + 8 + len)));
      i += 8 + len;
    }
    text = Buffer.concat(parts).toString('utf8');
  } else {
    text = buf.toString('utf8');
  }
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** A frame header: stream 0-2, then three zero bytes. */
function isFramed(buf: Buffer): boolean {
  return buf.length >= 8 && (buf[0] ?? 9) <= 2 && buf[1] === 0 && buf[2] === 0 && buf[3] === 0;
}

/** An inspector for a target we could not even work out: every call explains why. */
function brokenInspector(err: ConnectError, timeoutMs: number, settings?: SettingNames): ReadOnlyInspector {
  const reason = err.kind === 'tls' ? 'tls' : 'bad_config';
  const ctx = { host: err.description, timeoutMs, ...(settings ? { settings } : {}) };
  const fail = (): Promise<never> =>
    Promise.reject(new HostUnreachableError(unreachableFinding(reason, ctx, err.kind, err.message), { cause: err }));
  return {
    description: err.description,
    listContainers: fail,
    listImages: fail,
    inspectContainer: fail,
    inspectImage: fail,
    events: fail,
    ping: fail,
    version: fail,
    logs: fail,
  };
}
