// One container's facts from its list entry, completed by its inspect JSON when there is one.
/* eslint-disable @typescript-eslint/no-unnecessary-condition -- @types/dockerode marks fields required that
   engines omit or send as null (PublicPort, Labels, Health.Log, …); these guards read unchecked engine JSON. */
import type Docker from 'dockerode';
import type { ContainerFacts, HealthFacts, PublishedPort } from './model.ts';

export const PROBE_OUTPUT_MAX = 200;

export function containerName(c: Docker.ContainerInfo): string {
  return (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, '');
}

export function containerFacts(c: Docker.ContainerInfo, inspect?: Docker.ContainerInspectInfo): ContainerFacts {
  const fromList = listFacts(c);
  if (!inspect) return fromList;
  const s = inspect.State;
  const ports = inspectPorts(inspect);
  return {
    ...fromList,
    image: inspect.Config?.Image || fromList.image,
    imageId: inspect.Image || fromList.imageId,
    state: s.Status || fromList.state,
    exitCode: s.Status === 'created' || s.Status === 'running' ? fromList.exitCode : s.ExitCode,
    oomKilled: s.OOMKilled,
    restartCount: inspect.RestartCount,
    restartPolicy: inspect.HostConfig?.RestartPolicy?.Name || 'no',
    startedAt: realTime(s.StartedAt),
    finishedAt: realTime(s.FinishedAt),
    error: s.Error || null,
    health: s.Health ? inspectHealth(s.Health) : fromList.health,
    published: ports.published,
    unpublished: ports.unpublished,
    labels: inspect.Config?.Labels ?? fromList.labels,
    inspected: true,
  };
}

function listFacts(c: Docker.ContainerInfo): ContainerFacts {
  const exited = /^(?:Exited|Restarting) \((-?\d+)\)/.exec(c.Status ?? '');
  const health = /\((unhealthy|healthy|health: starting)\)/.exec(c.Status ?? '')?.[1];
  const published: PublishedPort[] = [];
  const unpublished: string[] = [];
  for (const p of c.Ports ?? []) {
    if (p.PublicPort) published.push({ ip: p.IP ?? '', host: p.PublicPort, container: p.PrivatePort, proto: p.Type });
    else unpublished.push(`${p.PrivatePort}/${p.Type}`);
  }
  return {
    id: c.Id,
    shortId: c.Id.slice(0, 12),
    name: containerName(c),
    image: c.Image,
    imageId: c.ImageID,
    state: c.State,
    status: c.Status,
    created: c.Created,
    exitCode: exited ? Number(exited[1]) : null,
    oomKilled: null,
    restartCount: null,
    restartPolicy: null,
    startedAt: null,
    finishedAt: null,
    error: null,
    health: health
      ? { status: health === 'health: starting' ? 'starting' : health, failingStreak: null, lastOutput: null, lastExitCode: null }
      : null,
    published: dedupePorts(published),
    unpublished: [...new Set(unpublished)].filter((u) => !published.some((p) => `${p.container}/${p.proto}` === u)),
    labels: c.Labels ?? {},
    inspected: false,
  };
}

type Health = NonNullable<Docker.ContainerInspectInfo['State']['Health']>;

function inspectHealth(h: Health): HealthFacts {
  const last = h.Log?.[h.Log.length - 1];
  return {
    status: h.Status,
    failingStreak: h.FailingStreak ?? null,
    lastOutput: last ? trimOutput(last.Output) : null,
    lastExitCode: last ? last.ExitCode : null,
  };
}

export function trimOutput(s: string, max = PROBE_OUTPUT_MAX): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function inspectPorts(i: Docker.ContainerInspectInfo): { published: PublishedPort[]; unpublished: string[] } {
  const published: PublishedPort[] = [];
  const exposed = new Set(Object.keys(i.Config?.ExposedPorts ?? {}));
  // A running container's actual bindings are in NetworkSettings.Ports; a stopped one keeps
  // only what it asked for, in HostConfig.PortBindings.
  const running = i.State.Running || i.State.Paused || i.State.Restarting;
  const bound: Record<string, Array<{ HostIp: string; HostPort: string }> | null> = running
    ? (i.NetworkSettings?.Ports ?? {})
    : ((i.HostConfig?.PortBindings as typeof bound | undefined) ?? {});
  for (const [key, bindings] of Object.entries(bound)) {
    exposed.add(key);
    const [port, proto = 'tcp'] = key.split('/');
    for (const b of bindings ?? []) {
      const host = Number(b.HostPort);
      if (host > 0) published.push({ ip: b.HostIp ?? '', host, container: Number(port), proto });
    }
  }
  const unpublished = [...exposed].filter((k) => !published.some((p) => `${p.container}/${p.proto}` === k));
  return { published: dedupePorts(published), unpublished: unpublished.sort() };
}

/** The engine lists a binding once for 0.0.0.0 and once for `::`: one is enough to show. */
function dedupePorts(ps: PublishedPort[]): PublishedPort[] {
  const seen = new Map<string, PublishedPort>();
  for (const p of ps) {
    const k = `${p.host}:${p.container}/${p.proto}`;
    if (!seen.has(k)) seen.set(k, p);
  }
  return [...seen.values()];
}

export function formatPort(p: PublishedPort): string {
  return `${p.host}->${p.container}/${p.proto}`;
}

/** `0001-01-01T00:00:00Z` means "never" to the engine. */
function realTime(t: string | undefined): string | null {
  return t && !t.startsWith('0001-') ? t : null;
}
