// ReadOnlyInspector over dockerode, with the allow-list guard installed under it. Every call
// has a time limit (default 3000 ms): when it fires the request is aborted and the caller gets
// a HostUnreachableError saying the engine did not answer in time. Every other failure to
// reach the engine is mapped (unreachable.ts) to a `daemon_unreachable` finding that says
// which problem it is. Environment values are stripped here, at the source (redact.ts).
import type Docker from 'dockerode';
import { HostUnreachableError } from '../core/errors.ts';
import { ConnectError, resolveEngine, type ConnectOptions, type EngineTarget } from './connect.ts';
import { createGuardedDocker, type GuardEvents } from './guard.ts';
import type { EngineEvent, ReadOnlyInspector } from './inspector.ts';
import { envValues, sanitizeContainer, sanitizeImage, sanitizeListed, scrubText } from './redact.ts';
import { EngineTimeoutError, toUnreachable, unreachableFinding } from './unreachable.ts';

export const DEFAULT_TIMEOUT_MS = 3000;
export const MAX_LOG_LINES = 50;
const MAX_EVENTS = 1000;

export interface DockerInspectorOptions extends GuardEvents {
  /** How to find the engine (DOCKER_HOST, context…); ignored when `target` is given. */
  connect?: ConnectOptions;
  target?: EngineTarget;
  /** Time limit for every engine call (COACH_ENGINE_TIMEOUT_MS). */
  timeoutMs?: number;
  /** COACH_SHOW_LOGS: without it `logs()` returns null and the guard refuses the logs endpoint. */
  showLogs?: boolean;
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
    if (err instanceof ConnectError) return brokenInspector(err, timeoutMs);
    throw err;
  }
  const showLogs = opts.showLogs === true;
  let docker: Docker;
  try {
    docker = createGuardedDocker(target.dockerOptions, { logs: showLogs, onRefused: opts.onRefused });
  } catch (err) {
    // docker-modem's constructor also reads DOCKER_HOST/DOCKER_CERT_PATH from the process
    // environment on its own, and throws on a bad value or a missing certificate file.
    return brokenInspector(new ConnectError('bad_host', target.description, (err as Error).message), timeoutMs);
  }
  const host = target.description;

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
      throw toUnreachable(err, { host, timeoutMs, operation });
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
      const end = Math.min(toSeconds(until), Date.now() / 1000);
      const query: Record<string, unknown> = { since: Math.floor(toSeconds(since)), until: end.toFixed(3) };
      if (filters && Object.keys(filters).length > 0) query.filters = filters;
      return call('read recent events', async (abortSignal) => {
        const stream = await docker.getEvents({ ...query, abortSignal } as Docker.GetEventsOptions);
        return parseEvents(await readAll(stream));
      });
    },

    async ping() {
      await call('ping', (abortSignal) =>
        (docker as unknown as { ping(o: { abortSignal: AbortSignal }): Promise<unknown> }).ping({ abortSignal }),
      );
    },

    async logs(id, tail) {
      if (!showLogs) return null;
      const n = Math.max(0, Math.min(MAX_LOG_LINES, Math.floor(tail)));
      // Scrub this container's own env values from its log too (a process that prints its env).
      const info = await rawInspect(id);
      if (!info) return null;
      const secrets = envValues((info.Config as { Env?: unknown } | undefined)?.Env);
      const body = await call('read container logs', (abortSignal) =>
        docker
          .getContainer(id)
          .logs({ stdout: true, stderr: true, tail: n, follow: false, abortSignal } as Docker.ContainerLogsOptions & { follow?: false }),
      );
      return demuxLogs(body)
        .slice(-n || undefined)
        .slice(0, MAX_LOG_LINES)
        .map((line) => scrubText(line, secrets));
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

function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer | string) => chunks.push(typeof c === 'string' ? Buffer.from(c) : c));
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
      out.push(JSON.parse(t) as EngineEvent);
    } catch {
      continue; // a torn line at the end of a cut-off body
    }
  }
  return out.slice(-MAX_EVENTS);
}

/** Container logs come multiplexed (8-byte frame headers) unless the container has a TTY. */
function demuxLogs(body: unknown): string[] {
  const buf = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body ?? ''));
  const looksFramed = buf.length >= 8 && buf.readUInt8(0) <= 2 && buf[1] === 0 && buf[2] === 0 && buf[3] === 0;
  let text = '';
  if (looksFramed) {
    let i = 0;
    while (i + 8 <= buf.length) {
      const len = buf.readUInt32BE(i + 4);
      text += buf.subarray(i + 8, i + 8 + len).toString('utf8');
      i += 8 + len;
    }
  } else {
    text = buf.toString('utf8');
  }
  return text.split(/\r?\n/).filter((l, idx, arr) => !(l === '' && idx === arr.length - 1));
}

/** An inspector for a target we could not even work out: every call explains why. */
function brokenInspector(err: ConnectError, timeoutMs: number): ReadOnlyInspector {
  const reason = err.kind === 'tls' ? 'tls' : 'bad_config';
  const fail = (): Promise<never> =>
    Promise.reject(
      new HostUnreachableError(unreachableFinding(reason, { host: err.description, timeoutMs }, err.kind, err.message), { cause: err }),
    );
  return {
    description: err.description,
    listContainers: fail,
    listImages: fail,
    inspectContainer: fail,
    inspectImage: fail,
    events: fail,
    ping: fail,
    logs: fail,
  };
}
