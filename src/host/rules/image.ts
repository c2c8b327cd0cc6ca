// Rules about images: built but never run, a container running an older build than its tag,
// and containers started from `:latest`.
import type Docker from 'dockerode';
import type { Finding } from '../../core/types.ts';
import { baseEvidence, iso } from './container-state.ts';
import { hasTag, withTag } from './match.ts';
import type { ContainerFacts } from './model.ts';

export function imageLabel(i: Docker.ImageInfo): string {
  const tags = (i.RepoTags ?? []).filter((t) => t !== '<none>:<none>');
  return tags[0] ?? i.Id.replace(/^sha256:/, '').slice(0, 12);
}

/**
 * An image no container (running or stopped) was created from. `createdFrom`: the references
 * inspected containers were created from — a container still running an older build of this
 * tag is stale_image's case, not this one.
 */
export function imageBuiltNeverRun(
  image: Docker.ImageInfo,
  containers: Docker.ContainerInfo[],
  createdFrom: string[] = [],
): Finding | null {
  if (containers.some((c) => c.ImageID === image.Id)) return null;
  const refs = new Set(createdFrom.map(withTag));
  if ((image.RepoTags ?? []).some((t) => refs.has(t))) return null;
  const ref = imageLabel(image);
  return {
    code: 'image_built_never_run',
    severity: 'warning',
    subject: ref,
    evidence: {
      image: ref,
      imageId: image.Id,
      tags: (image.RepoTags ?? []).join(', '),
      created: iso(image.Created),
      size: image.Size,
      containers: 0,
    },
    summary: `Image \`${ref}\` exists, but no container (running or stopped) was ever created from it: building or pulling an image does not start anything. An image is the template; a container is what runs.`,
    fix: [`docker run -d --name ${safeName(ref)} ${ref}`, 'Add -p HOST:CONTAINER to reach a server in it from the host.'],
  };
}

/** The tag the container was created from now points at another image id. */
export function staleImage(c: ContainerFacts, images: Docker.ImageInfo[]): Finding | null {
  if (!c.image || c.image.startsWith('sha256:') || c.image.includes('@')) return null;
  const ref = withTag(c.image);
  const current = images.find((i) => (i.RepoTags ?? []).includes(ref));
  if (!current || current.Id === c.imageId) return null;
  return {
    code: 'stale_image',
    severity: 'warning',
    subject: c.name,
    evidence: {
      ...baseEvidence(c),
      image: ref,
      containerImageId: c.imageId,
      tagImageId: current.Id,
      tagCreated: iso(current.Created),
      containerCreated: iso(c.created),
    },
    summary: `Container \`${c.name}\` runs an older build of \`${ref}\`: the tag was rebuilt or pulled after the container was created, and a container never switches images by itself. Your latest changes are not in it.`,
    fix: ['Re-create the container from the new image:', `docker rm -f ${c.name}`, `docker run -d --name ${c.name} ${ref}`],
  };
}

export function latestTagInUse(c: ContainerFacts): Finding | null {
  if (!c.image || c.image.startsWith('sha256:') || c.image.includes('@')) return null;
  if (hasTag(c.image) && !c.image.endsWith(':latest')) return null;
  return {
    code: 'latest_tag_in_use',
    severity: 'info',
    subject: c.name,
    evidence: { ...baseEvidence(c), image: withTag(c.image) },
    summary: `Container \`${c.name}\` was started from \`${withTag(c.image)}\`: \`latest\` is just the default tag, not "the newest", so it is unclear which build it runs. Tag images with a version.`,
    fix: [
      `docker build -t ${c.image.replace(/:latest$/, '')}:1.0.0 .`,
      `docker image inspect --format '{{.Id}} {{.Created}}' ${withTag(c.image)}`,
    ],
  };
}

function safeName(ref: string): string {
  const repo = ref.slice(ref.lastIndexOf('/') + 1).replace(/[:@].*$/, '');
  return repo.replace(/[^a-zA-Z0-9_.-]/g, '-') || 'app';
}
