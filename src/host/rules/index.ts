// Runs every rule over a snapshot. Pure: the snapshot holds everything the engine said.
// With a subject: what it names (containers, images, a removed container) and what is wrong
// with each. Without: the most likely "missing" containers and images, most recent first.

import type Docker from 'dockerode';
import type { Finding } from '../../core/types.ts';
import { createdNotStarted, dead, exited, oomKilled, paused, restartLoop, running } from './container-state.ts';
import { containerFacts, containerName } from './facts.ts';
import { portMismatch, portNotPublished, unhealthy } from './health-ports.ts';
import { imageBuiltNeverRun, latestTagInUse, staleImage } from './image.ts';
import { idStartsWith, matchSubject } from './match.ts';
import { closeNames, destroyedContainers, nameMismatch, notFound, recentlyRemoved } from './missing.ts';
import { serviceNotCreated, withComposeFix } from './compose.ts';
import { hostOverview, type OverviewResult } from './overview.ts';
import type { ContainerFacts, Snapshot } from './model.ts';

export { MAX_CANDIDATES } from './overview.ts';

export function runRules(s: Snapshot): Finding[] {
  const subject = s.request.subject?.trim();
  return subject ? forSubject(s, subject) : overviewFindings(s);
}

/** The host-wide look with its counts (what `why` with no name shows). */
export function runOverview(s: Snapshot): OverviewResult {
  return hostOverview(s, { facts: (c) => facts(s, c), findings: containerFindings, createdFrom: createdFrom(s) });
}

/** Everything wrong (or right) with one container, most important first. */
export function containerFindings(facts: ContainerFacts, s: Snapshot, opts: { overview?: boolean } = {}): Finding[] {
  const c = withOomEvent(facts, s);
  const port = s.request.port;
  const found = [
    oomKilled(c),
    restartLoop(c),
    dead(c),
    exited(c),
    createdNotStarted(c),
    paused(c),
    unhealthy(c),
    portMismatch(c, port),
    portNotPublished(c, port),
    staleImage(c, s.images),
    opts.overview ? null : latestTagInUse(c),
  ].filter((f): f is Finding => f !== null);
  // `running` is the answer only when nothing else is wrong with a running container.
  if (!found.some((f) => f.severity !== 'info')) {
    const r = running(c);
    if (r) found.unshift(r);
  }
  return found;
}

/**
 * Engine 20.10 sets `State.OOMKilled` only when containerd's OOM event beats the exit event, a race
 * it loses under load; the engine's own `oom` event for the container is the firmer record.
 */
function withOomEvent(c: ContainerFacts, s: Snapshot): ContainerFacts {
  if (c.oomKilled === true || c.state === 'running' || c.state === 'created') return c;
  const oom = s.events.some((e) => e.Type === 'container' && e.Action === 'oom' && e.Actor.ID === c.id && e.time >= c.created);
  return oom ? { ...c, oomKilled: true, oomFromEvents: true } : c;
}

function createdFrom(s: Snapshot): string[] {
  return Object.values(s.inspects)
    .map((i) => i.Config.Image)
    .filter(Boolean);
}

function facts(s: Snapshot, c: Docker.ContainerInfo): ContainerFacts {
  return containerFacts(c, s.inspects[c.Id]);
}

function forSubject(s: Snapshot, subject: string): Finding[] {
  const m = matchSubject(subject, s.containers, s.images);
  const out: Finding[] = [];
  if (m.kind === 'compose' || m.kind === 'spelling') {
    const note = nameMismatch(subject, m.containers.map(containerName), s.containers, s.images, true);
    if (note) out.push(note);
  }
  for (const [n, c] of m.containers.entries()) {
    const f = facts(s, c);
    const found = withComposeFix(containerFindings(f, s), f);
    if (n === 0) withLogLines(found, s.logs?.[c.Id]);
    out.push(...found);
  }
  if (m.kind === 'image') {
    for (const i of m.images) {
      const never = imageBuiltNeverRun(i, s.containers, createdFrom(s));
      if (never) out.push(never);
    }
  }
  if (m.kind !== 'none') return out;
  if (s.imageInspect) {
    // The engine resolved a reference the lists could not (`docker.io/library/app:1`, a digest).
    const resolvedId = s.imageInspect.Id;
    const listed = s.images.find((i) => i.Id === resolvedId);
    if (listed) {
      const never = imageBuiltNeverRun(listed, s.containers, createdFrom(s));
      const users = s.containers.filter((c) => c.ImageID === listed.Id);
      return never ? [never] : users.flatMap((c) => containerFindings(facts(s, c), s));
    }
  }
  return gone(s, subject);
}

/** The subject names nothing here: removed (events), a typo ("did you mean" first), a Compose service never created, or nothing. */
function gone(s: Snapshot, subject: string): Finding[] {
  const name = subject.replace(/^\//, '');
  const removed = destroyedContainers(s.events).filter((d) => (name !== '' && d.name === name) || idStartsWith(d.id, name));
  if (removed.length) return removed.slice(0, 1).map((d) => recentlyRemoved(d, s.events));
  // A close name is the likely answer: say it first, not after a "not found" headline.
  const mismatch = nameMismatch(subject, closeNames(subject, s.containers, s.images), s.containers, s.images, false);
  if (mismatch) return [mismatch];
  const f = notFound(
    subject,
    { containers: s.containers.length, images: s.images.length, eventsSince: s.eventsSince, eventsUntil: s.eventsUntil },
    s.history,
  );
  const service = serviceNotCreated(subject, s.containers);
  if (!service) return [f];
  return [
    {
      ...f,
      evidence: { ...f.evidence, composeProjects: service.projects, service: 'no container (never created, or removed)' },
      summary: `${f.summary} ${service.summary}`,
      fix: [...service.fix, ...f.fix],
    },
  ];
}

/** The container's last log lines go with its most important finding (only there when COACH_SHOW_LOGS read them). */
function withLogLines(found: Finding[], lines: string[] | undefined): void {
  const first = found[0];
  if (first && lines && lines.length > 0) first.evidence.lastLogLines = lines.join('\n');
}

function overviewFindings(s: Snapshot): Finding[] {
  return hostOverview(s, { facts: (c) => facts(s, c), findings: containerFindings, createdFrom: createdFrom(s) }).findings;
}
