// Practice tasks checked on the host, read-only: the listings the bot may already read
// (listImages, listContainers); nothing is created, started or removed.
import type { HostPort } from '../core/ports.ts';
import type { TaskCheck } from './types.ts';

/** `hello` means `hello:latest`; Docker Hub's long form counts as the short one. */
function normalRef(ref: string): string {
  const short = ref.replace(/^(docker\.io\/)?(library\/)?/, '');
  const lastPart = short.split('/').pop() ?? short;
  return lastPart.includes(':') || lastPart.includes('@') ? short : `${short}:latest`;
}

export interface TaskVerdict {
  ok: boolean;
  /** What is not there yet, in words a person can act on. */
  missing: string[];
}

export async function checkTaskOnHost(check: TaskCheck, host: HostPort): Promise<TaskVerdict> {
  const missing: string[] = [];
  const images = check.image || check.containerImage ? await host.listImages() : [];
  const hasImage = (ref: string) => images.some((i) => i.tags.some((t) => normalRef(t) === normalRef(ref)));
  if (check.image && !hasImage(check.image)) missing.push(`no image \`${check.image}\` yet (see \`docker images\`)`);
  const needContainers = check.container !== undefined || check.absentContainer !== undefined;
  const containers = needContainers ? await host.listContainers({ all: true }) : [];
  const named = (name: string) => containers.find((c) => c.names.includes(name));
  if (check.container) {
    const c = named(check.container);
    if (!c) missing.push(`no container named \`${check.container}\` yet (see \`docker ps -a\`)`);
    else if (check.containerImage && normalRef(c.image) !== normalRef(check.containerImage)) {
      const fromId = images.find((i) => i.id === c.imageId)?.tags.some((t) => normalRef(t) === normalRef(check.containerImage ?? ''));
      if (!fromId) missing.push(`\`${check.container}\` was started from \`${c.image}\`, not \`${check.containerImage}\``);
    }
  }
  if (check.absentContainer && named(check.absentContainer))
    missing.push(`\`${check.absentContainer}\` is still there (see \`docker ps -a\`)`);
  return { ok: missing.length === 0, missing };
}
