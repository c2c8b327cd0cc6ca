// Does the host hold something about *this* person's case? Pure functions over the container
// list: a name (or Compose service) the message uses, the one container that fits the exit code,
// port or image given, or — when nothing does — the few recently stopped names to offer.
import type { ContainerSummary } from './types.ts';
import { words } from './unit-pick.ts';

/** A name safe to show in prose: the engine's own charset for container names. */
export const PLAIN_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/;

/** Words too common to be taken as a name, even when a container happens to carry it. */
const NOT_NAMES = new Set(
  'app image images host server box stack service services log logs port ports code exit exited running stopped restart restarting loop curl run ps debug container'.split(
    ' ',
  ),
);

export interface Specifics {
  exitCode?: number;
  port?: number;
  image?: string;
}

/** A container name, Compose service (`api` of `shop-api-1`) or image repository the message uses as a word. */
export function nameInText(text: string, list: readonly ContainerSummary[]): string | null {
  const asked = new Set(words(text).filter((w) => w.length >= 2 && !NOT_NAMES.has(w)));
  if (asked.size === 0) return null;
  for (const c of list) {
    for (const n of c.names) if (asked.has(n.toLowerCase())) return n;
    if (c.service && asked.has(c.service.toLowerCase())) return c.service;
  }
  for (const c of list) {
    const repo = repoOf(c.image);
    if (repo && asked.has(repo.toLowerCase())) return repo;
  }
  return null;
}

function repoOf(image: string): string | null {
  if (image.startsWith('sha256:')) return null;
  const last = image.split('/').pop() ?? image;
  return last.replace(/[:@].*$/, '') || null;
}

function publishes(c: ContainerSummary, port: number): boolean {
  return c.ports.some((p) => p.includes(`:${port}->`) || p.includes(`->${port}/`) || p === `${port}/tcp` || p === `${port}/udp`);
}

/** The containers that fit every specific given; [] when none was given. */
export function fitting(list: readonly ContainerSummary[], s: Specifics): ContainerSummary[] {
  if (s.exitCode === undefined && s.port === undefined && s.image === undefined) return [];
  return list.filter(
    (c) =>
      (s.exitCode === undefined || c.exitCode === s.exitCode || new RegExp(`^Restarting \\(${s.exitCode}\\)`).test(c.status)) &&
      (s.port === undefined || publishes(c, s.port)) &&
      (s.image === undefined || c.image === s.image || repoOf(c.image) === repoOf(s.image)),
  );
}

/** Stopped (or restarting) containers, most recent first: the names a short offer shows. */
export function recentlyStopped(list: readonly ContainerSummary[], limit = 3): string[] {
  return [...list]
    .filter((c) => c.state === 'exited' || c.state === 'dead' || c.state === 'restarting')
    .sort((a, b) => b.created.localeCompare(a.created))
    .map((c) => c.names[0] ?? '')
    .filter((n) => PLAIN_NAME.test(n))
    .slice(0, limit);
}

export function plainName(c: ContainerSummary): string | null {
  const n = c.names[0];
  return n !== undefined && PLAIN_NAME.test(n) ? n : null;
}

/** "api is missing", "the api service", "service api": a name said in words the entity reader does not mark. */
const SUBJECT_PHRASES = [
  /\b([a-z0-9][a-z0-9_.-]{1,62}) (?:service |container )?(?:is|was|are) (?:missing|gone|not running|not there|down|not up)\b/i,
  /\bservice (?:called |named )?[`'"]?([a-z0-9][a-z0-9_.-]{1,62})\b/i,
  /\b(?:the )?([a-z0-9][a-z0-9_.-]{1,62}) service\b/i,
];

export function subjectPhrase(text: string, ordinaryWord: (word: string) => boolean = () => false): string | null {
  for (const re of SUBJECT_PHRASES) {
    const m = re.exec(text)?.[1]?.toLowerCase();
    if (m && !NOT_NAMES.has(m) && !STOPLIKE.has(m) && !ordinaryWord(m)) return m;
  }
  return null;
}

const STOPLIKE = new Set('my the a an this that it one our your their compose docker which what every some'.split(' '));
