// Rules about a running container that cannot be reached: failing health check, ports
// exposed but not published, or published on another port than the one asked about.
import type { Finding } from '../../core/types.ts';
import { formatPort } from './facts.ts';
import { baseEvidence } from './container-state.ts';
import type { ContainerFacts } from './model.ts';

const UP = new Set(['running', 'paused', 'restarting']);

export function unhealthy(c: ContainerFacts): Finding | null {
  if (c.state !== 'running' || c.health?.status !== 'unhealthy') return null;
  const h = c.health;
  return {
    code: 'unhealthy',
    severity: 'error',
    subject: c.name,
    evidence: {
      ...baseEvidence(c),
      health: h.status,
      failingStreak: h.failingStreak,
      lastProbeExitCode: h.lastExitCode,
      lastProbeOutput: h.lastOutput,
    },
    summary: `Container \`${c.name}\` is running but its health check fails${h.lastOutput ? `; the last probe said: ${h.lastOutput}` : h.lastExitCode !== null ? ` (the last probe exited with ${h.lastExitCode})` : ''}.`,
    fix: [
      `docker inspect --format '{{json .State.Health}}' ${c.name}`,
      `docker logs --tail 50 ${c.name}`,
      'Fix the app (or the HEALTHCHECK command if it tests the wrong thing), rebuild the image and re-create the container.',
    ],
  };
}

export function portNotPublished(c: ContainerFacts, askedPort?: number): Finding | null {
  if (!UP.has(c.state) || c.published.length > 0) return null;
  if (c.unpublished.length === 0 && askedPort === undefined) return null;
  const exposed = c.unpublished;
  const port = askedPort ?? firstPort(exposed) ?? 8080;
  const containerPort = firstPort(exposed) ?? askedPort ?? 80;
  return {
    code: 'port_not_published',
    severity: 'warning',
    subject: c.name,
    evidence: { ...baseEvidence(c), exposed: exposed.join(', '), published: '', ...(askedPort !== undefined ? { askedPort } : {}) },
    summary: `Container \`${c.name}\` ${exposed.length ? `exposes ${exposed.join(', ')}` : 'runs'} but publishes no port to the host, so nothing on the host (or your browser) can reach it. EXPOSE only documents a port; \`-p\` publishes it.`,
    fix: [
      'Re-create the container with the port published (host:container):',
      `docker rm -f ${c.name}`,
      `docker run -d --name ${c.name} -p ${port}:${containerPort} ${c.image}`,
    ],
  };
}

export function portMismatch(c: ContainerFacts, askedPort?: number): Finding | null {
  const first = c.published[0];
  if (askedPort === undefined || !UP.has(c.state) || !first) return null;
  if (c.published.some((p) => p.host === askedPort)) return null;
  const ports = c.published.map(formatPort);
  const inside = c.published.find((p) => p.container === askedPort);
  const hint = inside ? ` Port ${askedPort} is the container's side: from the host, use the host side (${inside.host}).` : '';
  return {
    code: 'port_mismatch',
    severity: 'error',
    subject: c.name,
    evidence: { ...baseEvidence(c), askedPort, ports: ports.join(', ') },
    summary: `You asked about port ${askedPort}, but container \`${c.name}\` publishes ${ports.join(', ')} (host->container).${hint}`,
    fix: [
      `Use the published host port: http://localhost:${first.host}/`,
      `docker port ${c.name}`,
      'Or re-create it with the port you want:',
      `docker rm -f ${c.name}`,
      `docker run -d --name ${c.name} -p ${askedPort}:${first.container} ${c.image}`,
    ],
  };
}

function firstPort(specs: string[]): number | undefined {
  const n = Number((specs[0] ?? '').split('/')[0]);
  return n > 0 ? n : undefined;
}
