// /healthz (alive), /readyz (intents loaded, platforms connected, engine reachable if
// configured) and /metrics, as routes for the shared HTTP server.
import type { Route } from '../http/server.ts';
import type { Metrics } from './metrics.ts';

export interface ReadinessCheck {
  name: string;
  check(): boolean | Promise<boolean>;
}

export function opsRoutes(metrics: Metrics, checks: ReadinessCheck[]): Route[] {
  const json = (res: import('node:http').ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(`${JSON.stringify(body)}\n`);
  };
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
        const results = await Promise.all(checks.map(async (c) => [c.name, await Promise.resolve(c.check()).catch(() => false)] as const));
        const ready = results.every(([, ok]) => ok);
        json(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks: Object.fromEntries(results) });
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
