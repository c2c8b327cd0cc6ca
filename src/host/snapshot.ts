// Reads what the rules need from the engine, at a constant cost whatever the host holds:
// list containers (all=true) + list images + one bounded events call, in parallel; then
// inspect only the candidates (≤ MAX_INSPECTS containers, and ≤ 1 image when the subject
// matched nothing in the lists), and, when the subject is nowhere to be found, one unfiltered
// events call over the same window to learn how far back the engine's history still reaches.
import type Docker from 'dockerode';
import type { DiagnoseRequest } from '../core/ports.ts';
import type { EngineEvent, ReadOnlyInspector } from './inspector.ts';
import { isImageReference } from './reference.ts';
import { containersToInspect, matchSubject } from './rules/match.ts';
import { closeNames } from './rules/missing.ts';
import type { EventsHistory, Snapshot } from './rules/model.ts';

export type { Snapshot } from './rules/model.ts';

/** How many log lines a diagnosis quotes (with COACH_SHOW_LOGS). */
export const LOG_TAIL = 50;

/** How far back the events call looks. */
export const EVENTS_WINDOW_S = 3600;

export async function readSnapshot(
  inspector: ReadOnlyInspector,
  req: DiagnoseRequest,
  now: number,
  selfId: string | null = null,
): Promise<Snapshot> {
  const subject = req.subject?.trim() || undefined;
  const startedAt = Date.now();
  // Not rounded up: the engine holds a bounded events call open until its `until` has passed.
  const eventsUntil = now / 1000;
  const eventsSince = Math.floor(eventsUntil) - EVENTS_WINDOW_S;
  const [containers, images, events] = await Promise.all([
    inspector.listContainers({ all: true }),
    inspector.listImages(),
    inspector.events({ since: eventsSince, until: eventsUntil, filters: eventFilters(subject) }),
  ]);
  const toInspect = containersToInspect(subject, containers, images, events);
  const unmatched = subject !== undefined && toInspect.length === 0 && matchSubject(subject, containers, images).kind === 'none';
  const wantImage = unmatched && mayBeImageRef(subject);
  const wantHistory = unmatched && mayBeNotFound(subject, containers, images, events);
  // The history is counted up to the moment it is read (the given clock, moved on by the time
  // spent so far): events that happened while the lists were read are in the ring too.
  const window = { since: eventsSince, until: eventsUntil + Math.max(0, Date.now() - startedAt) / 1000 };
  // The log of the container asked about (the first match); the inspector reads it only with
  // COACH_SHOW_LOGS, and gives null without a request otherwise.
  const logTarget = subject !== undefined ? toInspect[0] : undefined;
  const [inspected, imageInspect, logLines, history] = await Promise.all([
    Promise.all(toInspect.map((c) => inspector.inspectContainer(c.Id))),
    wantImage ? inspector.inspectImage(subject) : Promise.resolve(null),
    logTarget ? readLogs(inspector, logTarget.Id) : Promise.resolve(null),
    wantHistory ? readHistory(inspector, window) : Promise.resolve(null),
  ]);
  const inspects: Snapshot['inspects'] = {};
  for (const i of inspected) if (i) inspects[i.Id] = i;
  const logs = logTarget && logLines ? { [logTarget.Id]: logLines } : undefined;
  return {
    now,
    request: { ...req, subject },
    containers,
    images,
    events,
    eventsSince,
    eventsUntil,
    inspects,
    imageInspect,
    ...(logs ? { logs } : {}),
    ...(history ? { history } : {}),
    selfId,
  };
}

/**
 * The answer will be not_found (no removal in the subject's events, no close name): only then is
 * it worth asking how far back the engine's history reaches.
 */
function mayBeNotFound(subject: string, containers: Docker.ContainerInfo[], images: Docker.ImageInfo[], events: EngineEvent[]): boolean {
  if (events.some((e) => e.Type === 'container' && e.Action === 'destroy')) return false;
  return closeNames(subject, containers, images).length === 0;
}

/**
 * Every event the engine still holds for the window, counted (the events themselves are other
 * containers' business and are not kept). Best effort: a failure leaves the history unknown.
 * Behind `coach proxy` exec events are dropped before they reach us, so a window the engine
 * filled with execs can read as covered: the answer then still names the usual causes.
 */
async function readHistory(inspector: ReadOnlyInspector, window: { since: number; until: number }): Promise<EventsHistory | null> {
  try {
    const all = await inspector.events(window);
    const oldest = all.reduce<number | null>((t, e) => (t === null || e.time < t ? e.time : t), null);
    return { count: all.length, oldest };
  } catch {
    return null;
  }
}

/** Log lines are a help, not the diagnosis: a failure to read them leaves them out. */
async function readLogs(inspector: ReadOnlyInspector, id: string): Promise<string[] | null> {
  try {
    return await inspector.logs(id, LOG_TAIL);
  } catch {
    return null;
  }
}

/** With a subject, its own events (the engine matches names and ids); else every removal. */
export function eventFilters(subject: string | undefined): Record<string, string[]> {
  return subject
    ? { type: ['container'], container: [subject.replace(/^\//, '')] }
    : { type: ['container'], event: ['die', 'destroy', 'oom'] };
}

/** Worth asking the engine to resolve: a valid image reference (the engine answers others with 400). */
function mayBeImageRef(s: string): boolean {
  return isImageReference(s);
}
