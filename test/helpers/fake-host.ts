// The one fake HostPort for tests (injected through the port, no module mocking). It answers
// from the listings and diagnosis it is given, records every call in `calls`, and can be slow,
// down (HostUnreachableError, as the real host) or hanging (the engine stopped answering).
// Suites bring their own data (hostile names, floods) and build it with the helpers below.
import { HostUnreachableError } from '../../src/core/errors.ts';
import type { ContainerSummary, DiagnoseRequest, HostPort, ImageSummary } from '../../src/core/ports.ts';
import type { Diagnosis, Finding } from '../../src/core/types.ts';

export interface FakeHostOptions {
  description?: string;
  containers?: ContainerSummary[];
  images?: ImageSummary[];
  /** The diagnosis for a request; default: no findings. */
  diagnose?: (req: DiagnoseRequest) => Diagnosis;
  /** What suggestNames() picks from; default: the containers' names. */
  names?: string[];
  /** Every call answers after this long (a slow engine). */
  delayMs?: number;
  /** suggestNames() answers after this long. */
  suggestDelayMs?: number;
  /** Every call fails as an unreachable engine does (ping() is false). */
  down?: boolean;
  /** Every call never answers. */
  hang?: boolean;
}

export type FakeHost = HostPort & {
  /** One entry per call: `diagnose web 8080`, `listContainers --all`, `listImages`, `suggestNames we 5`, `ping`. */
  readonly calls: string[];
};

export const FAKE_HOST = 'unix:///var/run/docker.sock';

/** The finding a down host carries (the real host's `daemon_unreachable`). */
export const UNREACHABLE: Finding = {
  code: 'daemon_unreachable',
  severity: 'error',
  subject: 'unix:///x.sock',
  evidence: { reason: 'no_socket' },
  summary: 'No Docker Engine socket at /x.sock.',
  fix: ['sudo systemctl start docker'],
};

export function fakeHost(o: FakeHostOptions = {}): FakeHost {
  const calls: string[] = [];
  const containers = o.containers ?? [];
  const answer = async <T>(call: string, value: () => T, delayMs = o.delayMs): Promise<T> => {
    calls.push(call);
    if (o.hang) return new Promise<T>(() => undefined);
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    if (o.down) throw new HostUnreachableError(UNREACHABLE);
    return value();
  };
  return {
    calls,
    description: o.description ?? FAKE_HOST,
    diagnose: (req) =>
      answer(`diagnose ${req.subject ?? ''} ${req.port ?? ''}`.trim(), () =>
        o.diagnose ? o.diagnose(req) : { host: FAKE_HOST, subject: req.subject ?? null, findings: [] },
      ),
    listContainers: ({ all }) =>
      answer(all ? 'listContainers --all' : 'listContainers', () => (all ? containers : containers.filter((c) => c.state === 'running'))),
    listImages: () => answer('listImages', () => o.images ?? []),
    suggestNames: (partial, limit) =>
      answer(
        `suggestNames ${partial} ${limit}`,
        () => (o.names ?? containers.flatMap((c) => c.names)).filter((n) => n.includes(partial)).slice(0, limit),
        o.suggestDelayMs,
      ),
    ping: () => answer('ping', () => true).catch(() => false),
  };
}

/** A container summary; `i` makes the ids unique. */
export function containerNamed(name: string, i: number, over: Partial<ContainerSummary> = {}): ContainerSummary {
  return {
    id: `c${i}`.padEnd(64, '0'),
    names: [name],
    image: `${name}:1.0`,
    imageId: `sha256:${String(i).padEnd(64, 'a')}`,
    state: 'exited',
    status: 'Exited (1) 2 minutes ago',
    exitCode: 1,
    ports: [],
    created: new Date(0).toISOString(),
    ...over,
  };
}

/** An image summary used by the container `name`. */
export function imageNamed(name: string, i: number, over: Partial<ImageSummary> = {}): ImageSummary {
  return {
    id: `sha256:${String(i).padEnd(64, 'b')}`,
    tags: [`${name}:1.0`],
    size: 1e8,
    created: new Date(0).toISOString(),
    containers: [name],
    ...over,
  };
}

/** An `exited` finding about `subject`. */
export function exitedFinding(subject: string, over: Partial<Finding> = {}): Finding {
  return {
    code: 'exited',
    severity: 'error',
    subject,
    evidence: { state: 'exited', exitCode: 1 },
    summary: `The container ${subject} exited with code 1.`,
    fix: [`docker logs ${subject}`, `docker start ${subject}`],
    ...over,
  };
}
