// What the person named fills the place a unit's command leaves for it: "roll back web to 1.4"
// gets `docker run … web …`. Placeholders are written in angle brackets in a unit's answer or
// command (`<container>`, `<image>:<tag>`, `<image-name>`, `<port>`, `<code>`); one with nothing
// to fill it stays as written, which reads as "put yours here", and one with an example
// (`<container:web>`) shows the example.
import type { Entities } from './types.ts';

interface ImageParts {
  image: string;
  tag?: string;
}

/** `registry:5000/team/app:1.4` → app part and tag (a digest reference is never passed here). */
function imageParts(ref: string): ImageParts {
  const colon = ref.lastIndexOf(':');
  if (colon < 0 || ref.indexOf('/', colon) >= 0) return { image: ref };
  return { image: ref.slice(0, colon), tag: ref.slice(colon + 1) };
}

/**
 * The value each placeholder takes from the entities, when they name one. An image named without
 * a tag is its `latest` (what Docker reads it as), so `<image:myapp>:<tag:1.0>` never mixes the
 * person's image with the example's tag. `<image-name>` is the image's last path part, for a
 * command that puts it under another registry (`registry.example.com/team/<image-name:myapp>`).
 * A digest reference fills nothing: it cannot take a tag.
 */
function values(e: Entities): Map<string, string> {
  const v = new Map<string, string>();
  const name = e.names[0];
  if (name) for (const k of ['container', 'name']) v.set(k, name);
  const image = e.images[0];
  if (image && !image.includes('@')) {
    const parts = imageParts(image);
    v.set('image', parts.image);
    v.set('image-name', parts.image.slice(parts.image.lastIndexOf('/') + 1));
    v.set('tag', parts.tag ?? 'latest');
  }
  const port = e.ports[0];
  const inside = port?.container ?? port?.host;
  if (inside !== undefined) v.set('port', String(inside));
  if (port?.host !== undefined) v.set('host-port', String(port.host));
  if (port?.container !== undefined) v.set('container-port', String(port.container));
  const code = e.exitCodes[0];
  if (code !== undefined) for (const k of ['code', 'exit-code']) v.set(k, String(code));
  return v;
}

/** `<container>`, or `<container:web>`: with a default, an example value shown when the message names none. */
const PLACEHOLDER = /<([a-z][a-z-]{0,20})(?::([A-Za-z0-9][\w.-]{0,40}))?>/g;

export function fillPlaceholders(text: string, entities: Entities): string {
  const v = values(entities);
  return text.replace(PLACEHOLDER, (whole, key: string, example: string | undefined) => v.get(key) ?? example ?? whole);
}
