// Whole JSON answers (inspect, lists, version, info, errors), filtered before they leave the
// proxy: the structural steps of src/host/redact.ts first — `Config.Env` keeps its names only,
// and a container's own env values are scrubbed from its command line, args, health check and
// health output — then the secret-shaped scrub over everything (scrub.ts), which also strips
// every other `Env` list wherever it appears.
import type Docker from 'dockerode';
import { sanitizeContainer, sanitizeImage, sanitizeListed } from '../host/redact.ts';
import { defuse } from './defuse.ts';
import type { BodyKind } from './policy.ts';
import { redactSecrets, scrubDeep } from './scrub.ts';

type Loose = Record<string, unknown>;

const isObject = (x: unknown): x is Loose => x !== null && typeof x === 'object' && !Array.isArray(x);

/** The filtered body, as text; a body that is not JSON is redacted as text. */
export function filterJsonBody(kind: BodyKind, text: string): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return redactSecrets(text);
  }
  return JSON.stringify(filterJson(kind, value));
}

export function filterJson(kind: BodyKind, value: unknown): unknown {
  // Long runs out first: sanitizeContainer scans command lines and health output too.
  return scrubDeep(structural(kind, defuse(value)));
}

function structural(kind: BodyKind, value: unknown): unknown {
  switch (kind) {
    case 'containerInspect':
      return isObject(value) ? sanitizeContainer(value as unknown as Docker.ContainerInspectInfo) : value;
    case 'imageInspect':
      return isObject(value) ? sanitizeImage(value as unknown as Docker.ImageInspectInfo) : value;
    case 'containerList':
      return Array.isArray(value)
        ? (value as unknown[]).map((c) => (isObject(c) ? sanitizeListed(c as unknown as Docker.ContainerInfo) : c))
        : value;
    default:
      return value;
  }
}
