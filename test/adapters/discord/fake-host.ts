// A HostPort for tests (injection through the port, not module mocking), with names chosen
// to be hostile: mentions, markdown, and names too long for Discord's choice limit.
import type { ContainerSummary, DiagnoseRequest, HostPort, ImageSummary } from '../../../src/core/ports.ts';
import type { Diagnosis } from '../../../src/core/types.ts';

export const HOSTILE = ['@everyone', '<@&123>', 'web', `very-long-${'x'.repeat(120)}`, '__bold__', '@here-api'];

export function fakeHost(opts: { delayMs?: number; suggestDelayMs?: number; names?: string[] } = {}): HostPort & { calls: string[] } {
  const names = opts.names ?? HOSTILE;
  const calls: string[] = [];
  const wait = (ms = 0) => new Promise((r) => setTimeout(r, ms));
  const containers: ContainerSummary[] = names.map((n, i) => ({
    id: `c${i}`.padEnd(64, '0'),
    names: [n],
    image: `${n}:1.0`,
    imageId: `sha256:${String(i).padEnd(64, 'a')}`,
    state: i % 2 ? 'exited' : 'running',
    status: i % 2 ? 'Exited (1) 2 minutes ago' : 'Up 5 minutes',
    exitCode: i % 2 ? 1 : null,
    ports: i === 2 ? ['0.0.0.0:8080->80/tcp'] : [],
    created: new Date(0).toISOString(),
  }));
  const images: ImageSummary[] = names.map((n, i) => ({
    id: `sha256:${String(i).padEnd(64, 'b')}`,
    tags: [`${n}:1.0`],
    size: 1e8,
    created: new Date(0).toISOString(),
    containers: [n],
  }));
  return {
    calls,
    description: 'unix:///var/run/docker.sock',
    async diagnose(req: DiagnoseRequest): Promise<Diagnosis> {
      calls.push(`diagnose ${req.subject ?? ''} ${req.port ?? ''}`.trim());
      await wait(opts.delayMs);
      return {
        host: 'unix:///var/run/docker.sock',
        subject: req.subject ?? null,
        findings: [
          {
            code: 'exited',
            severity: 'error',
            subject: req.subject ?? '@everyone',
            evidence: { state: 'exited', exitCode: 1, image: '<@&123>:latest' },
            summary: `The container ${req.subject ?? '@everyone'} exited with code 1.`,
            fix: ['docker logs web', 'docker start web'],
          },
        ],
      };
    },
    async listContainers({ all }) {
      calls.push(`ps ${all}`);
      await wait(opts.delayMs);
      return all ? containers : containers.filter((c) => c.state === 'running');
    },
    async listImages() {
      calls.push('images');
      await wait(opts.delayMs);
      return images;
    },
    async suggestNames(partial: string, limit: number) {
      calls.push(`suggest ${partial} ${limit}`);
      await wait(opts.suggestDelayMs);
      return names.filter((n) => n.includes(partial)).slice(0, limit);
    },
    async ping() {
      return true;
    },
  };
}
