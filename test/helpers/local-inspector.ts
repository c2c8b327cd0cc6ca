// INTERIM: a minimal ReadOnlyInspector over the engine socket, for tests only, used until
// host-A's createTestInspector (test/helpers/engine-client.ts) lands. GET requests only;
// Config.Env values stripped like the real inspector does.
import { request } from 'node:http';
import type Docker from 'dockerode';
import type { EngineEvent, ReadOnlyInspector } from '../../src/host/inspector.ts';

export interface CountingInspector extends ReadOnlyInspector {
  /** Every request sent, `GET /path?query`. */
  readonly requests: string[];
}

export function createLocalInspector(socketPath = process.env.DOCKER_HOST?.replace(/^unix:\/\//, '') || '/var/run/docker.sock'): CountingInspector {
  const requests: string[] = [];
  const get = (path: string): Promise<{ status: number; body: string }> =>
    new Promise((resolve, reject) => {
      requests.push(`GET ${path}`);
      const req = request({ socketPath, path, method: 'GET', timeout: 10_000 }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('timeout', () => req.destroy(new Error(`timeout: GET ${path}`)));
      req.on('error', reject);
      req.end();
    });
  const json = async <T>(path: string, nullOn404 = false): Promise<T | null> => {
    const r = await get(`/v1.41${path}`);
    if (r.status === 404 && nullOn404) return null;
    if (r.status >= 400) throw new Error(`engine said ${r.status} to GET ${path}: ${r.body.slice(0, 200)}`);
    return JSON.parse(r.body) as T;
  };
  return {
    description: `unix://${socketPath}`,
    requests,
    listContainers: async ({ all }) => (await json<Docker.ContainerInfo[]>(`/containers/json?all=${all ? 1 : 0}`))!,
    listImages: async () => (await json<Docker.ImageInfo[]>('/images/json'))!,
    inspectContainer: async (id) => {
      const c = await json<Docker.ContainerInspectInfo>(`/containers/${encodeURIComponent(id)}/json`, true);
      if (c?.Config?.Env) c.Config.Env = c.Config.Env.map((e) => e.split('=')[0]!);
      return c;
    },
    inspectImage: async (ref) => json<Docker.ImageInspectInfo>(`/images/${encodeURIComponent(ref)}/json`, true).catch(() => null),
    events: async ({ since, until, filters }) => {
      const q = new URLSearchParams({ since: String(since), until: String(until) });
      if (filters) q.set('filters', JSON.stringify(filters));
      const r = await get(`/v1.41/events?${q}`);
      return r.body.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as EngineEvent);
    },
    ping: async () => {
      await get('/_ping');
    },
    logs: async () => null,
  };
}
