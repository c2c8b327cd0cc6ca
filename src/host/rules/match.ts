// Which containers and images a subject names, and which containers are worth inspecting.
// Runs on the list calls alone, before any inspect, so a diagnosis inspects only candidates.

import type Docker from 'dockerode';
import { normalizeName, sameName } from '../fuzzy.ts';
import { containerName } from './facts.ts';
import { COMPOSE_PROJECT, COMPOSE_SERVICE } from './model.ts';
import type { EngineEvent } from '../inspector.ts';

/** How the subject was recognised. `spelling` and `compose` also get a name_mismatch note. */
export type MatchKind = 'name' | 'id' | 'compose' | 'spelling' | 'image' | 'none';

export interface SubjectMatch {
  kind: MatchKind;
  /** The containers it names, most recent first. */
  containers: Docker.ContainerInfo[];
  /** The images it names (kind `image`). */
  images: Docker.ImageInfo[];
}

export const MAX_INSPECTS = 3;

export function matchSubject(subject: string, containers: Docker.ContainerInfo[], images: Docker.ImageInfo[]): SubjectMatch {
  const s = subject.trim().replace(/^\//, '');
  const found = (kind: MatchKind, cs: Docker.ContainerInfo[]): SubjectMatch => ({ kind, containers: byRecent(cs), images: [] });
  const byName = containers.filter((c) => c.Names.some((n) => n.replace(/^\//, '') === s));
  if (byName.length) return found('name', byName);
  if (looksLikeId(s)) {
    const byId = containers.filter((c) => idStartsWith(c.Id, s));
    if (byId.length) return found('id', byId);
  }
  const byCompose = containers.filter((c) => composeNames(c).includes(normalizeName(s)));
  if (byCompose.length) return found('compose', byCompose);
  const bySpelling = containers.filter((c) => c.Names.some((n) => sameName(s, n)));
  if (bySpelling.length) return found('spelling', bySpelling);
  const imgs = images.filter((i) => imageMatches(s, i));
  if (imgs.length) {
    const ids = new Set(imgs.map((i) => i.Id));
    const refs = new Set(imgs.flatMap((i) => i.RepoTags ?? []));
    return {
      kind: 'image',
      containers: byRecent(containers.filter((c) => ids.has(c.ImageID) || refs.has(withTag(c.Image)))),
      images: imgs,
    };
  }
  return { kind: 'none', containers: [], images: [] };
}

/** A Compose container is also known as `service`, `project-service` (and `project_service`). */
export function composeNames(c: Docker.ContainerInfo): string[] {
  const service = c.Labels[COMPOSE_SERVICE];
  if (!service) return [];
  const project = c.Labels[COMPOSE_PROJECT];
  return [service, ...(project ? [`${project}-${service}`] : [])].map(normalizeName);
}

/** The shortest id prefix we match, like people type (`3f2a`): `/`, `a` or `ab` never name an id. */
export const MIN_ID_PREFIX = 4;

export function looksLikeId(s: string): boolean {
  return new RegExp(`^(sha256:)?[0-9a-f]{${MIN_ID_PREFIX},64}$`, 'i').test(s);
}

/** Does `s` (a name or an id prefix) name this container id? Never for short or empty strings. */
export function idStartsWith(id: string, s: string): boolean {
  const p = s.replace(/^sha256:/, '').toLowerCase();
  return (
    looksLikeId(p) &&
    id
      .replace(/^sha256:/, '')
      .toLowerCase()
      .startsWith(p)
  );
}

/** `app` means `app:latest` to the engine, but a person saying `app` means any `app:*`. */
export function imageMatches(subject: string, image: Docker.ImageInfo): boolean {
  const s = subject.trim().toLowerCase();
  const tags = (image.RepoTags ?? []).filter((t) => t !== '<none>:<none>');
  if (tags.some((t) => t === s || t === withTag(s) || stripLibrary(t) === stripLibrary(withTag(s)))) return true;
  if (!hasTag(s) && tags.some((t) => repoOf(t) === s || stripLibrary(repoOf(t)) === stripLibrary(s))) return true;
  return idStartsWith(image.Id, s);
}

export function hasTag(ref: string): boolean {
  const last = ref.split('/').pop() ?? ref;
  return last.includes(':') || ref.includes('@');
}

export function withTag(ref: string): string {
  return hasTag(ref) || ref.startsWith('sha256:') ? ref : `${ref}:latest`;
}

export function repoOf(tag: string): string {
  const at = tag.indexOf('@');
  if (at >= 0) return tag.slice(0, at);
  const colon = tag.lastIndexOf(':');
  return colon > tag.lastIndexOf('/') ? tag.slice(0, colon) : tag;
}

function stripLibrary(ref: string): string {
  return ref.replace(/^docker\.io\//, '').replace(/^library\//, '');
}

export function byRecent<T extends { Created: number }>(xs: T[]): T[] {
  return [...xs].sort((a, b) => b.Created - a.Created);
}

/**
 * The containers worth a closer look when no subject is given: not running, not well, or
 * running a build whose tag has moved on (the list then shows the image id, not the tag).
 */
export function troubledContainers(containers: Docker.ContainerInfo[]): Docker.ContainerInfo[] {
  return containers.filter(
    (c) => c.State !== 'running' || /\((unhealthy|health: starting)\)/.test(c.Status) || c.Image.startsWith('sha256:'),
  );
}

/** When a container last did something: its latest die/stop event, else its creation. */
export function lastActivity(c: Docker.ContainerInfo, events: EngineEvent[]): number {
  let t = c.Created;
  for (const e of events) if (e.Actor.ID === c.Id && e.time > t) t = e.time;
  return t;
}

/** Which containers to inspect: at most MAX_INSPECTS, whatever the number on the host. */
export function containersToInspect(
  subject: string | undefined,
  containers: Docker.ContainerInfo[],
  images: Docker.ImageInfo[],
  events: EngineEvent[],
): Docker.ContainerInfo[] {
  if (subject && subject.trim()) return matchSubject(subject, containers, images).containers.slice(0, MAX_INSPECTS);
  // The most severe-looking first (as far as the list tells), so the host-wide look inspects those.
  return troubledContainers(containers)
    .sort((a, b) => listRank(a) - listRank(b) || lastActivity(b, events) - lastActivity(a, events))
    .slice(0, MAX_OVERVIEW_INSPECTS);
}

/** Inspects for the host-wide look: one per candidate it shows. */
export const MAX_OVERVIEW_INSPECTS = 5;

/** How severe a container looks from its list entry alone (lower is worse): 137 may be an OOM kill. */
export function listRank(c: Docker.ContainerInfo): number {
  const code = /^(?:Exited|Restarting) \((-?\d+)\)/.exec(c.Status)?.[1];
  if (c.State === 'restarting') return 1;
  if (c.State === 'dead') return 2;
  if (/\(unhealthy\)/.test(c.Status)) return 3;
  if (c.State === 'exited' && code === '137') return 0;
  if (c.State === 'exited' && code !== undefined && code !== '0') return 4;
  if (c.State === 'created') return 5;
  return 8;
}

export { containerName };
