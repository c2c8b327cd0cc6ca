// HostPort implementations for tests (injected into the real bot, no module mocking): one that
// returns listings and findings full of hostile names, and one whose calls never answer.
import type { ContainerSummary, DiagnoseRequest, HostPort, ImageSummary } from '../../../src/core/ports.ts';
import type { Diagnosis } from '../../../src/core/types.ts';

export const HOSTILE = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<@U0HACKER>',
  '<https://evil.example/|click me>',
  '<#C0SECRET|secret>',
  'a&b<c>d',
  '```<!subteam^S123>```',
];

export function hostileHost(calls: string[] = []): HostPort {
  const containers: ContainerSummary[] = HOSTILE.map((name, n) => ({
    id: `c${n}`.padEnd(64, '0'),
    names: [name],
    image: `${name}:latest`,
    imageId: `sha256:${String(n).padEnd(64, 'a')}`,
    state: 'exited',
    status: `Exited (1) <!here> ${n} minutes ago`,
    exitCode: 1,
    ports: [`0.0.0.0:8080-><!channel>/tcp`],
    created: new Date(0).toISOString(),
  }));
  const images: ImageSummary[] = HOSTILE.map((name, n) => ({
    id: `sha256:${String(n).padEnd(64, 'b')}`,
    tags: [`${name}:1.0`],
    size: 1e6 * (n + 1),
    created: new Date(0).toISOString(),
    containers: [name],
  }));
  return {
    description: 'unix:///var/run/<!channel>.sock',
    async diagnose(req: DiagnoseRequest): Promise<Diagnosis> {
      calls.push(`diagnose:${req.subject ?? ''}`);
      return {
        host: 'unix:///var/run/docker.sock',
        subject: req.subject ?? '<!channel>',
        findings: HOSTILE.map((name) => ({
          code: 'exited',
          severity: 'error',
          subject: name,
          evidence: { state: 'exited', exitCode: 1, log: `<!here> crashed: <@U0HACKER> ${name}` },
          summary: `The container ${name} exited with code 1.`,
          fix: [`docker logs ${name}`, `docker start ${name}`],
        })),
      };
    },
    async listContainers() {
      calls.push('listContainers');
      return containers;
    },
    async listImages() {
      calls.push('listImages');
      return images;
    },
    async suggestNames() {
      return HOSTILE;
    },
    async ping() {
      return true;
    },
  };
}

/** A host whose every call hangs (the engine stopped answering). */
export function hangingHost(calls: string[] = []): HostPort {
  const never = <T>(what: string) => {
    calls.push(what);
    return new Promise<T>(() => {});
  };
  return {
    description: 'unix:///var/run/docker.sock',
    diagnose: () => never('diagnose'),
    listContainers: () => never('listContainers'),
    listImages: () => never('listImages'),
    suggestNames: () => never('suggestNames'),
    ping: () => never('ping'),
  };
}

/** A host with far more, and far longer, output than one Slack message can hold. */
export function floodHost(): HostPort {
  const long = (s: string, n: number) => `${s}${'-<!here>&'.repeat(n)}`;
  const base = hostileHost();
  return {
    ...base,
    async diagnose(): Promise<Diagnosis> {
      return {
        host: long('unix:///run/docker.sock', 50),
        subject: long('web', 100),
        findings: Array.from({ length: 60 }, (_, n) => ({
          code: 'exited' as const,
          severity: 'error' as const,
          subject: long(`c${n}`, 200),
          evidence: { state: 'exited', log: long('boom', 400), exitCode: 1 },
          summary: long(`Container ${n} exited`, 100),
          fix: Array.from({ length: 20 }, (_, k) => long(`docker start c${n}-${k}`, 20)),
        })),
      };
    },
    async listContainers() {
      return Array.from({ length: 500 }, (_, n) => ({
        id: String(n).padEnd(64, '0'),
        names: [long(`c${n}`, 30)],
        image: long('img', 30),
        imageId: 'sha256:abc',
        state: 'running',
        status: long('Up', 30),
        exitCode: null,
        ports: [long('0.0.0.0:80', 30)],
        created: new Date(0).toISOString(),
      }));
    },
  };
}
