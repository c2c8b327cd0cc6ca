// Compose awareness: a container's project and service come from its labels. Label values are
// engine-supplied text, so they reach a command line or a summary only when they look like the
// names Compose itself allows (letters, digits, `-`, `_`, `.`); otherwise a placeholder stands in.
import type Docker from 'dockerode';
import type { Finding } from '../../core/types.ts';
import { COMPOSE_PROJECT, COMPOSE_SERVICE, type ContainerFacts } from './model.ts';

const SAFE_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$/;

export function safeName(s: string | undefined): string | null {
  return s !== undefined && SAFE_NAME.test(s) ? s : null;
}

export interface ComposeRef {
  /** The label value (untrusted: evidence only). */
  project: string | null;
  service: string;
  /** For commands and summaries: the value when it is a plain name, else a placeholder. */
  shownService: string;
  shownProject: string | null;
}

export function composeOf(labels: Record<string, string> | undefined): ComposeRef | null {
  const service = labels?.[COMPOSE_SERVICE];
  if (!service) return null;
  const project = labels[COMPOSE_PROJECT] ?? null;
  return {
    project,
    service,
    shownService: safeName(service) ?? 'SERVICE',
    shownProject: project === null ? null : safeName(project),
  };
}

/** `docker compose -p shop` (so it works from any folder), or plain `docker compose` in the project folder. */
function composeCmd(ref: ComposeRef): string {
  return ref.shownProject ? `docker compose -p ${ref.shownProject}` : 'docker compose';
}

/** Codes whose fix re-creates the container: for a Compose service, Compose does that. */
const RECREATE = new Set(['exited', 'oom_killed', 'restart_loop', 'dead', 'created_not_started', 'stale_image']);

/**
 * A Compose service's findings get Compose's commands: `docker compose logs api` to read why,
 * `docker compose up -d api` to create or re-create it, instead of `docker rm` + `docker run`
 * (which would lose the service's settings from the compose file).
 */
export function withComposeFix(found: Finding[], c: ContainerFacts): Finding[] {
  const ref = composeOf(c.labels);
  if (!ref) return found;
  return found.map((f) => {
    const evidence = { ...f.evidence, composeProject: ref.project, composeService: ref.service };
    if (!RECREATE.has(f.code)) return { ...f, evidence };
    const kept = f.fix.filter((x) => !/^docker (rm|run|start)\b/.test(x));
    const cmd = composeCmd(ref);
    return { ...f, evidence, fix: [...kept, `${cmd} logs --tail 50 ${ref.shownService}`, `${cmd} up -d ${ref.shownService}`] };
  });
}

/** Compose projects on the host and the services each has a container for. */
export function composeProjects(containers: Docker.ContainerInfo[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const c of containers) {
    const ref = composeOf(c.Labels);
    if (!ref?.project) continue;
    const set = out.get(ref.project) ?? new Set<string>();
    set.add(ref.service);
    out.set(ref.project, set);
  }
  return out;
}

/**
 * The subject names no container, but Compose projects run here: as a service, it has no
 * container (never created, or removed). Words and commands to add to `not_found`.
 */
export function serviceNotCreated(
  subject: string,
  containers: Docker.ContainerInfo[],
): { summary: string; fix: string[]; projects: string } | null {
  const service = safeName(subject.trim());
  const projects = composeProjects(containers);
  if (!service || projects.size === 0) return null;
  const shown = [...projects.entries()].slice(0, 3);
  const list = shown
    .map(([p, ss]) => `${safeName(p) ?? 'a project'} (services with a container: ${[...ss].map((x) => safeName(x) ?? '?').join(', ')})`)
    .join('; ');
  const only = shown.length === 1 ? safeName(shown[0]?.[0]) : null;
  const cmd = only ? `docker compose -p ${only}` : 'docker compose';
  return {
    summary: `Compose projects here: ${list}. If \`${service}\` is a service in one of them, its container was never created (or was removed): \`up -d ${service}\` creates it.`,
    fix: [`${cmd} ps -a`, `${cmd} up -d ${service}`],
    projects: [...projects.keys()].join(', '),
  };
}
