// /healthz (alive), /readyz and /metrics, as routes for the shared HTTP server.
//
// Ready means: the intents are loaded, every platform is connected, and the DEFAULT Docker host
// answers when hosts are configured (it is the one every unaddressed question goes to). The other
// hosts are reported in the body, each with whether it answered, but do not make the process
// unready: a staging engine that is down is not fixed by taking the bot out of rotation, and the
// bot still answers questions about every other host and from its knowledge base. Each host is
// pinged in parallel, for at most HOST_PING_BUDGET_MS, so one hung engine cannot stall the probe.
import type { ServerResponse } from 'node:http';
import type { Route } from '../http/server.ts';
import type { Metrics } from './metrics.ts';

export interface ReadinessCheck {
  name: string;
  check(): boolean | Promise<boolean>;
}

/** One configured Docker host, as /readyz sees it. */
export interface HostProbe {
  name: string;
  default: boolean;
  /** True when the engine answers a ping within the host's own time limit. */
  ping(): Promise<boolean>;
}

/** What /readyz says about one host. */
export interface HostReadiness {
  default: boolean;
  reachable: boolean;
  /** Present (true) when the ping did not finish within the readiness budget. */
  timedOut?: true;
}

/** The longest a readiness probe waits for any host (they are pinged in parallel). */
export const HOST_PING_BUDGET_MS = 2000;

export interface OpsOptions {
  hosts?: readonly HostProbe[];
  /** Tests shorten it; production uses HOST_PING_BUDGET_MS. */
  hostPingBudgetMs?: number;
}

export function opsRoutes(metrics: Metrics, checks: ReadinessCheck[], opts: OpsOptions = {}): Route[] {
  const hosts = opts.hosts ?? [];
  const budget = opts.hostPingBudgetMs ?? HOST_PING_BUDGET_MS;
  return [
    {
      path: '/healthz',
      methods: ['GET', 'HEAD'],
      handler: (_req, res) => {
        json(res, 200, { status: 'ok' });
      },
    },
    {
      path: '/readyz',
      methods: ['GET', 'HEAD'],
      handler: async (_req, res) => {
        const [results, hostResults] = await Promise.all([
          Promise.all(checks.map(async (c) => [c.name, await Promise.resolve(c.check()).catch(() => false)] as const)),
          Promise.all(hosts.map(async (h) => [h.name, await probeHost(h, budget)] as const)),
        ]);
        const defaultHost = hostResults.find(([, r]) => r.default)?.[1];
        // `engine`: the default host (the check's name from before there were several hosts).
        const all = defaultHost ? [...results, ['engine', defaultHost.reachable] as const] : results;
        const ready = all.every(([, ok]) => ok);
        json(res, ready ? 200 : 503, {
          status: ready ? 'ready' : 'not ready',
          checks: Object.fromEntries(all),
          ...(hostResults.length > 0 ? { hosts: Object.fromEntries(hostResults) } : {}),
        });
      },
    },
    {
      path: '/metrics',
      methods: ['GET'],
      handler: async (_req, res) => {
        const body = await metrics.registry.metrics();
        res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(body);
      },
    },
  ];
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(`${JSON.stringify(body)}\n`);
}

/** A host's ping, within the budget; a ping still running then is reported as not reachable (timed out). */
async function probeHost(h: HostProbe, budgetMs: number): Promise<HostReadiness> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => {
      resolve('late');
    }, budgetMs);
  });
  try {
    const r = await Promise.race([h.ping().catch(() => false), late]);
    return r === 'late' ? { default: h.default, reachable: false, timedOut: true } : { default: h.default, reachable: r };
  } finally {
    clearTimeout(timer);
  }
}
