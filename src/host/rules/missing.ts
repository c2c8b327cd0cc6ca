// Rules for a subject that is not (or no longer) there: destroyed per the engine's recent
// events, close names instead, or nothing at all.

import type Docker from 'dockerode';
import type { EvidenceValue, Finding } from '../../core/types.ts';
import { exitCodeMeaning } from '../exit-codes.ts';
import { rankNames } from '../fuzzy.ts';
import type { EngineEvent } from '../inspector.ts';
import type { EventsHistory } from './model.ts';
import { containerName } from './facts.ts';
import { imageLabel } from './image.ts';
import { repoOf } from './match.ts';
import { bareAction, EVENT_ACTIONS_SHOWN } from '../redact.ts';

export const MAX_CLOSE_NAMES = 5;
/** Why a container leaves no trace once the event history no longer covers its removal. */
export const GONE_CAUSES =
  'Usual reasons a container is gone without a trace: it ran with `--rm` and stopped, `docker rm`, a prune (`docker container prune`, `docker system prune`), `docker compose down`, or it lives on another engine (another docker context or host).';
/** moby's daemon/events `eventsLimit`: the in-memory ring of recent events (20.10 through current). */
export const ENGINE_EVENTS_KEPT = 256;
export const EVENTS_NOTE = `The engine keeps only its last ${ENGINE_EVENTS_KEPT} events, in memory, and loses them when it restarts, so an older or busier-host removal leaves no trace.`;

/** Containers destroyed within the events window, newest first (one per container). */
export function destroyedContainers(
  events: EngineEvent[],
): Array<{ id: string; name: string; time: number; image: string; exitCode: number | null }> {
  const out = new Map<string, { id: string; name: string; time: number; image: string; exitCode: number | null }>();
  const exitCodes = new Map<string, number>();
  for (const e of [...events].sort((a, b) => a.time - b.time)) {
    if (e.Type !== 'container') continue;
    const attrs = e.Actor.Attributes;
    if (e.Action === 'die' && attrs.exitCode !== undefined) exitCodes.set(e.Actor.ID, Number(attrs.exitCode));
    if (e.Action === 'destroy') {
      out.set(e.Actor.ID, {
        id: e.Actor.ID,
        name: attrs.name ?? e.Actor.ID.slice(0, 12),
        time: e.time,
        image: attrs.image ?? '',
        exitCode: exitCodes.get(e.Actor.ID) ?? null,
      });
    }
  }
  // A name reused (`docker run --rm --name x` twice): its latest removal is the one that matters.
  const byName = new Map<string, { id: string; name: string; time: number; image: string; exitCode: number | null }>();
  for (const d of [...out.values()].sort((a, b) => b.time - a.time)) if (!byName.has(d.name)) byName.set(d.name, d);
  return [...byName.values()];
}

export function recentlyRemoved(d: ReturnType<typeof destroyedContainers>[number], events: EngineEvent[]): Finding {
  const mine = events.filter((e) => e.Actor.ID === d.id).sort((a, b) => a.time - b.time);
  const evidence: Record<string, EvidenceValue> = {
    container: d.name,
    id: d.id.slice(0, 12),
    image: d.image,
    destroyedAt: new Date(d.time * 1000).toISOString(),
    // Only lifecycle actions, by name: never an exec (its command line may hold secrets).
    events: mine
      .map((e) => bareAction(e.Action))
      .filter((a) => EVENT_ACTIONS_SHOWN.has(a))
      .join(', '),
  };
  if (d.exitCode !== null) {
    evidence.exitCode = d.exitCode;
    evidence.exitMeaning = exitCodeMeaning(d.exitCode).meaning;
  }
  const how =
    d.exitCode !== null ? `it exited (code ${d.exitCode}: ${exitCodeMeaning(d.exitCode).meaning}) and was then removed` : 'it was removed';
  return {
    code: 'recently_removed',
    severity: 'warning',
    subject: d.name,
    evidence,
    summary: `Container \`${d.name}\` is gone: the engine's recent events show ${how} at ${evidence.destroyedAt}. A container started with \`--rm\` is deleted as soon as it stops, and \`docker rm\` deletes it for good; the image is still there.`,
    fix: [
      `docker run -d --name ${d.name} ${d.image || 'IMAGE'}`,
      'Leave out --rm to keep a stopped container around for `docker logs` and `docker ps -a`.',
    ],
  };
}

/** Every name a person might have meant: container names, Compose services, image repositories. */
export function knownNames(containers: Docker.ContainerInfo[], images: Docker.ImageInfo[]): string[] {
  const names = containers.map(containerName);
  const repos = images.flatMap((i) => (i.RepoTags ?? []).filter((t) => t !== '<none>:<none>').map(repoOf));
  return [...new Set([...names, ...repos])];
}

export function closeNames(subject: string, containers: Docker.ContainerInfo[], images: Docker.ImageInfo[]): string[] {
  return rankNames(subject, knownNames(containers, images), MAX_CLOSE_NAMES);
}

/**
 * name_mismatch: `closest` are the names the subject was probably meant to be. `matched` is
 * true when the subject did resolve (Compose service, another spelling) and false for a typo.
 */
export function nameMismatch(
  subject: string,
  closest: string[],
  containers: Docker.ContainerInfo[],
  images: Docker.ImageInfo[],
  matched: boolean,
): Finding | null {
  const first = closest[0];
  if (first === undefined) return null;
  const describe = (n: string): string => {
    const c = containers.find((x) => containerName(x) === n);
    if (c) return `${n} (container, ${c.State}: ${c.Status})`;
    const i = images.find((x) => (x.RepoTags ?? []).some((t) => repoOf(t) === n));
    return i ? `${n} (image ${imageLabel(i)})` : n;
  };
  const list = closest.map(describe);
  return {
    code: 'name_mismatch',
    severity: matched ? 'info' : 'warning',
    subject,
    evidence: { asked: subject, closest: closest.join(', '), ...(matched && closest[0] !== undefined ? { matchedAs: closest[0] } : {}) },
    summary: matched
      ? `No container is named exactly \`${subject}\`; it is \`${closest[0]}\` (Compose names containers \`project-service-N\`). Use that name with docker commands.`
      : `Did you mean \`${first}\`? Nothing here is named \`${subject}\`; the closest names: ${list.join('; ')}.`,
    fix: [`docker ps -a --filter name=${closest[0]}`, ...(matched ? [] : [`Ask again with the exact name, e.g. why ${closest[0]}`])],
  };
}

/** What not_found can say about the engine's event history for the window. */
export type HistoryVerdict = 'wrapped' | 'covers' | 'unknown';

/**
 * Events the ring may hold that the history call did not count: those that happened on a busy
 * engine between the call's `until` and the engine reading its ring (seen on a loaded machine: 2).
 */
export const HISTORY_SLACK = 8;

/**
 * The engine holds ENGINE_EVENTS_KEPT events; a window holding (nearly) that many may have lost
 * older ones (the oldest kept is where the history starts); fewer means nothing in it was dropped.
 */
export function historyVerdict(history: EventsHistory | undefined): HistoryVerdict {
  if (!history) return 'unknown';
  return history.count >= ENGINE_EVENTS_KEPT - HISTORY_SLACK ? 'wrapped' : 'covers';
}

function historySentence(verdict: HistoryVerdict, history: EventsHistory | undefined, subject: string, since: string): string {
  const oldest = history?.oldest != null ? new Date(history.oldest * 1000).toISOString() : null;
  if (verdict === 'wrapped')
    return `The engine's event history does not reach back far enough to tell what happened to \`${subject}\`: it keeps only its last ${ENGINE_EVENTS_KEPT} events and forgets them when it restarts; the oldest is from ${oldest ?? 'just now'}.`;
  if (verdict === 'covers')
    return `The engine's events since ${since} show no container of that name being removed, so it was not removed on this engine in that time (the engine forgets its events when it restarts).`;
  return `I also read the engine's events since ${since}. ${EVENTS_NOTE}`;
}

export function notFound(
  subject: string,
  counts: { containers: number; images: number; eventsSince: number; eventsUntil: number },
  history?: EventsHistory,
): Finding {
  const since = new Date(counts.eventsSince * 1000).toISOString();
  const verdict = historyVerdict(history);
  return {
    code: 'not_found',
    severity: 'error',
    subject,
    evidence: {
      asked: subject,
      containersSearched: counts.containers,
      imagesSearched: counts.images,
      eventsSince: since,
      eventsUntil: new Date(counts.eventsUntil * 1000).toISOString(),
      searched: 'container names and ids (running and stopped), Compose service labels, image tags and ids, recent engine events',
      eventsHistory: verdict,
      ...(history ? { eventsInWindow: history.count } : {}),
      ...(history?.oldest != null ? { eventsCover: new Date(history.oldest * 1000).toISOString() } : {}),
      usualCauses: '--rm, docker rm, a prune, docker compose down, another context or host',
    },
    summary: `Nothing on this host matches \`${subject}\`: I searched ${counts.containers} containers (running and stopped, by name, id and Compose service) and ${counts.images} images (by tag and id). ${historySentence(verdict, history, subject, since)} ${GONE_CAUSES}`,
    fix: [
      'docker ps -a',
      'docker images',
      'Check you are connected to the right engine (docker context ls, DOCKER_HOST): containers live on the host that created them.',
    ],
  };
}
