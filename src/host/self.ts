// The bot's own container, when it runs in one: the host-wide look leaves it out (it is not the
// person's app). Read once from /proc (a file, not the environment): the engine mounts
// /etc/hostname and /etc/hosts from /var/lib/docker/containers/<id>/, and cgroup v1 paths name
// the id too. Null outside a container, or when neither says.
import { readFileSync } from 'node:fs';

const ID_IN_PATH = /\/(?:docker\/containers|containers|docker)[/-]([0-9a-f]{64})\b/;

let cached: string | null | undefined;

export function ownContainerId(read: (path: string) => string = defaultRead): string | null {
  if (read === defaultRead && cached !== undefined) return cached;
  let id: string | null = null;
  for (const path of ['/proc/self/mountinfo', '/proc/self/cgroup']) {
    try {
      id = containerIdIn(read(path));
    } catch {
      id = null;
    }
    if (id) break;
  }
  if (read === defaultRead) cached = id;
  return id;
}

function defaultRead(p: string): string {
  return readFileSync(p, 'utf8');
}

/** The first 64-hex container id in a mountinfo/cgroup text, or null. */
export function containerIdIn(text: string): string | null {
  return ID_IN_PATH.exec(text)?.[1] ?? null;
}
