// Docker image references: `[registry-host[:port]/]path[:tag][@sha256:digest]`.
// Parsed with a single linear pass over one token (no backtracking-prone regexes).

export interface ImageRef {
  raw: string;
  /** Set only when the reference names one, e.g. `registry.example.com` or `localhost:5000`. */
  registry?: string;
  /** `myapp`, `team/app`, `library/nginx` is written `nginx`. */
  repository: string;
  tag?: string;
  digest?: string;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{32,64}$/;
const HOST = /^(?:localhost|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)(?::\d{1,5})?$|^[A-Za-z0-9-]+:\d{1,5}$/;

/** Parses a token as an image reference; null when it cannot be one. */
export function parseImageRef(token: string): ImageRef | null {
  if (token.length === 0 || token.length > 300) return null;
  let rest = token;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    if (!DIGEST.test(digest)) return null;
    rest = rest.slice(0, at);
  }
  const parts = rest.split('/');
  let registry: string | undefined;
  if (parts.length > 1 && HOST.test(parts[0] as string)) registry = parts.shift();
  const last = parts.pop() as string;
  let tag: string | undefined;
  let name = last;
  const colon = last.indexOf(':');
  if (colon >= 0) {
    tag = last.slice(colon + 1);
    name = last.slice(0, colon);
    if (!TAG.test(tag)) return null;
  }
  parts.push(name);
  if (!parts.every((p) => COMPONENT.test(p))) return null;
  return {
    raw: token,
    ...(registry ? { registry } : {}),
    repository: parts.join('/'),
    ...(tag ? { tag } : {}),
    ...(digest ? { digest } : {}),
  };
}

/** True when the reference says which registry it is in. */
export function hasRegistry(ref: ImageRef): boolean {
  return ref.registry !== undefined;
}
