// The one road to the connected host: chat questions, `coach why|ps|images` and autocomplete all
// go through here (via bot.ts), so they share the access rule, the deadline and the error handling.
import { HostUnreachableError } from './errors.ts';
import { allowedHosts, pickHost } from './host-choice.ts';
import type { HostPort, NamedHost } from './ports.ts';
import type { Finding, Question } from './types.ts';

/** How a host query ended when it did not give an answer. */
export type HostMiss =
  | { kind: 'no_host'; notice: string }
  | { kind: 'not_allowed'; notice: string }
  /** The engine cannot be reached; `finding` explains why (`daemon_unreachable`). */
  | { kind: 'unreachable'; host: string; finding: Finding }
  /** No usable answer within the deadline, or an answer we did not expect; `finding` says so. */
  | { kind: 'unread'; finding: Finding; notice: string };

export interface HostRoad {
  readonly connected: boolean;
  /** Every connected host's name, the default first. */
  readonly names: readonly string[];
  /** The names of the hosts `q` may use (empty when it may use none). */
  allowedNames(q: Question): string[];
  /** Runs `query` on the host when one is connected and `q` may use it, within the deadline. */
  query<T>(q: Question, run: (h: HostPort) => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; miss: HostMiss }>;
}

export interface HostRoadDeps {
  host?: HostPort;
  /** Several named hosts (COACH_HOSTS), the default first; `host` alone is one called `default`. */
  hosts?: readonly NamedHost[];
  /** Upper bound for a whole host query, on top of the host's own per-request limit. */
  deadlineMs: number;
  onError?: (err: unknown, q: Question) => void;
}

const NO_HOST = 'No Docker host is connected to me, so here is how to check it yourself.';
const DEFAULT_ACCESS_HINT = 'an admin can enable host access in the bot settings';

export function createHostRoad(d: HostRoadDeps): HostRoad {
  const { deadlineMs } = d;
  const hosts: readonly NamedHost[] = d.hosts ?? (d.host ? [{ name: 'default', host: d.host }] : []);
  const seconds = Math.round(deadlineMs / 100) / 10;

  async function query<T>(q: Question, run: (h: HostPort) => Promise<T>) {
    if (hosts.length === 0) return { ok: false as const, miss: { kind: 'no_host' as const, notice: NO_HOST } };
    const pick = q.hostAllowed ? pickHost(hosts, q) : undefined;
    if (!pick?.ok) {
      const notice =
        pick?.notice ||
        `Looking at the Docker host is not enabled for you here, so this answer comes from what I know; ${q.hostAccessHint ?? DEFAULT_ACCESS_HINT}.`;
      return { ok: false as const, miss: { kind: 'not_allowed' as const, notice } };
    }
    const host = pick.named.host;
    try {
      return { ok: true as const, value: await withDeadline(run(host), deadlineMs) };
    } catch (err) {
      if (err instanceof HostUnreachableError)
        return { ok: false as const, miss: { kind: 'unreachable' as const, host: host.description, finding: err.finding } };
      d.onError?.(err, q);
      const late = err instanceof HostDeadlineError;
      const notice = late
        ? `The Docker engine did not answer within ${seconds} s, so I could not look. Nothing was changed; here is how to check it yourself.`
        : 'I could not read the Docker host just now (it answered with something I did not expect). Nothing was changed; here is how to check it yourself.';
      const finding = unreadFinding(host.description, late ? 'timeout' : 'unexpected_answer', notice, deadlineMs);
      return { ok: false as const, miss: { kind: 'unread' as const, finding, notice } };
    }
  }

  return {
    connected: hosts.length > 0,
    names: hosts.map((h) => h.name),
    allowedNames: (q) => allowedHosts(hosts, q).map((h) => h.name),
    query,
  };
}

/** The host gave no usable answer in time (or an unexpected one): said as a `daemon_unreachable` finding. */
function unreadFinding(host: string, reason: 'timeout' | 'unexpected_answer', summary: string, deadlineMs: number): Finding {
  return {
    code: 'daemon_unreachable',
    severity: 'error',
    subject: host,
    evidence: { reason, host, deadlineMs },
    summary,
    fix: ['docker info  # does the CLI get an answer?', 'docker ps -a', 'docker images'],
  };
}

/** The whole host query ran past the deadline: the engine did not answer (not a bad answer). */
class HostDeadlineError extends Error {}

function withDeadline<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new HostDeadlineError(`host query took longer than ${ms} ms`));
    }, ms);
  });
  return Promise.race([p, deadline]).finally(() => {
    clearTimeout(timer);
  });
}
