// Engine list JSON → the plain summaries the core shows (`coach ps`, `coach images`).
/* eslint-disable @typescript-eslint/no-unnecessary-condition -- @types/dockerode marks fields required that
   engines omit or send as null (PublicPort, Labels, Health.Log, …); these guards read unchecked engine JSON. */
import type Docker from 'dockerode';
import type { ContainerSummary, ImageSummary } from '../core/ports.ts';

const NONE_TAG = '<none>:<none>';

export function toContainerSummary(c: Docker.ContainerInfo): ContainerSummary {
  return {
    id: c.Id,
    names: (c.Names ?? []).map((n) => n.replace(/^\//, '')),
    image: c.Image,
    imageId: c.ImageID,
    state: c.State,
    status: c.Status,
    exitCode: exitCodeOf(c.State, c.Status),
    ports: formatPorts(c.Ports ?? []),
    created: isoFromSeconds(c.Created),
    ...composeLabels(c.Labels),
  };
}

function composeLabels(labels: Record<string, string> | undefined): { project?: string; service?: string } {
  const project = labels?.['com.docker.compose.project'];
  const service = labels?.['com.docker.compose.service'];
  return { ...(project ? { project } : {}), ...(service ? { service } : {}) };
}

/** `Exited (137) 2 minutes ago` → 137; null for containers that have not exited. */
export function exitCodeOf(state: string, status: string): number | null {
  if (state !== 'exited' && state !== 'dead') return null;
  const m = /\((-?\d+)\)/.exec(status ?? '');
  return m ? Number(m[1]) : null;
}

/**
 * Like the PORTS column of `docker ps`: `0.0.0.0:8080->80/tcp`, `8080/tcp` (exposed, not
 * published). The IPv6 twin of an IPv4 mapping (`:::8080->80/tcp`) is folded into one.
 */
export function formatPorts(ports: Docker.Port[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const sorted = [...ports].sort((a, b) => a.PrivatePort - b.PrivatePort || (a.PublicPort ?? 0) - (b.PublicPort ?? 0));
  for (const p of sorted) {
    const proto = p.Type || 'tcp';
    const key = p.PublicPort ? `${p.PublicPort}->${p.PrivatePort}/${proto}` : `${p.PrivatePort}/${proto}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!p.PublicPort) out.push(`${p.PrivatePort}/${proto}`);
    else out.push(`${p.IP && p.IP !== '::' ? p.IP : '0.0.0.0'}:${p.PublicPort}->${p.PrivatePort}/${proto}`);
  }
  return out;
}

export function toImageSummaries(images: Docker.ImageInfo[], containers: Docker.ContainerInfo[]): ImageSummary[] {
  const byImage = new Map<string, string[]>();
  for (const c of containers) {
    const list = byImage.get(c.ImageID) ?? [];
    list.push(...(c.Names ?? []).slice(0, 1).map((n) => n.replace(/^\//, '')));
    byImage.set(c.ImageID, list);
  }
  return images.map((i) => ({
    id: i.Id,
    tags: (i.RepoTags ?? []).filter((t) => t !== NONE_TAG),
    size: i.Size,
    created: isoFromSeconds(i.Created),
    containers: byImage.get(i.Id) ?? [],
  }));
}

function isoFromSeconds(s: number | undefined): string {
  return typeof s === 'number' && Number.isFinite(s) ? new Date(s * 1000).toISOString() : '';
}
