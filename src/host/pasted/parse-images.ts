// `docker images` / `docker image ls` tables → the engine's list entries (Docker.ImageInfo).
import type Docker from 'dockerode';
import { agoSeconds, cells, sizeBytes } from './table.ts';

const HEADER = /^\s*REPOSITORY\s{2,}TAG\s{2,}IMAGE ID\b/;
const HEX_ID = /^(?:sha256:)?[0-9a-f]{12,64}$/;

export function isImagesTable(lines: string[]): boolean {
  return lines.some((l) => HEADER.test(l));
}

export function parseImages(lines: string[], now: number): Docker.ImageInfo[] {
  const out: Docker.ImageInfo[] = [];
  for (const line of lines) {
    if (HEADER.test(line)) continue;
    const c = cells(line);
    // REPOSITORY TAG IMAGE-ID CREATED SIZE (newer CLIs may add DIGEST or CONTAINERS columns).
    const idAt = c.findIndex((x) => HEX_ID.test(x));
    if (idAt < 2) continue;
    const repo = c[0] ?? '';
    const tag = c[1] ?? '';
    const ago = agoSeconds(c[idAt + 1] ?? '');
    const id = c[idAt] ?? '';
    out.push({
      Id: id.startsWith('sha256:') ? id : `sha256:${id}`,
      ParentId: '',
      RepoTags: repo === '<none>' || tag === '<none>' ? [] : [`${repo}:${tag}`],
      RepoDigests: [],
      Created: ago === null ? now : now - ago,
      Size: sizeBytes(c[c.length - 1] ?? ''),
      VirtualSize: sizeBytes(c[c.length - 1] ?? ''),
      SharedSize: -1,
      Labels: {},
      Containers: -1,
    });
  }
  return out;
}
