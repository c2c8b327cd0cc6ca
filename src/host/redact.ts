// Secrets never leave the host layer. Container (and image) environment values are stripped at
// the source — the names stay, so a finding can still say "API_KEY is set" — and free text the
// engine hands back (log lines, health-check output, command lines) is redacted for common
// secret shapes.
import type Docker from 'dockerode';

export const REDACTED = '[redacted]';

const SECRET_SHAPES: ReadonlyArray<[RegExp, string]> = [
  // key=value / key: value where the key names a secret (DB_PASSWORD=…, "client_secret": "…", token=…)
  [
    /([A-Za-z0-9_.-]*(?:password|passwd|pwd|token|secret|api[_-]?key|access[_-]?key|private[_-]?key|credentials?)[A-Za-z0-9_.-]*["']?\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s,;&"']+)/gi,
    `$1${REDACTED}`,
  ],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/g, `$1 ${REDACTED}`],
  [/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, REDACTED],
  [/\bxox[abposr]-[A-Za-z0-9-]{6,}/g, REDACTED],
  [/\bxapp-[A-Za-z0-9-]{6,}/g, REDACTED],
  [/\bgh[pousr]_[A-Za-z0-9]{16,}/g, REDACTED],
  [/\bgithub_pat_[A-Za-z0-9_]{16,}/g, REDACTED],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g, REDACTED],
  // credentials in URLs: scheme://user:pass@host
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+@/gi, `$1${REDACTED}@`],
];

/** Redacts common secret shapes from one line of free text. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const [re, replacement] of SECRET_SHAPES) out = out.replace(re, replacement);
  return out;
}

/** `API_KEY=abc` → `API_KEY=[redacted]`; the names stay, every value goes. */
export function stripEnv(env: unknown): string[] | undefined {
  if (!Array.isArray(env)) return undefined;
  return env.map((entry) => {
    const s = String(entry);
    const eq = s.indexOf('=');
    return eq === -1 ? s : `${s.slice(0, eq)}=${REDACTED}`;
  });
}

/** The environment values (long enough to be worth scrubbing from other text) before stripping. */
export function envValues(env: unknown): string[] {
  if (!Array.isArray(env)) return [];
  return env
    .map((e) => String(e))
    .map((s) => (s.includes('=') ? s.slice(s.indexOf('=') + 1) : ''))
    .filter((v) => v.length >= 6);
}

/** Redacts secret shapes and the given literal values (e.g. this container's env values). */
export function scrubText(text: string, values: readonly string[] = []): string {
  let out = text;
  for (const v of values) if (out.includes(v)) out = out.split(v).join(REDACTED);
  return redactSecrets(out);
}

type Loose = Record<string, unknown>;

function scrubStrings(x: unknown, values: readonly string[]): unknown {
  if (typeof x === 'string') return scrubText(x, values);
  if (Array.isArray(x)) return x.map((v) => scrubStrings(v, values));
  return x;
}

/**
 * A container inspect result that is safe to hand on: every `Config.Env` value replaced, and
 * the env values plus secret shapes scrubbed from the free-text fields (command line, args,
 * health-check output, state error).
 */
export function sanitizeContainer(info: Docker.ContainerInspectInfo): Docker.ContainerInspectInfo {
  const raw = info as unknown as Loose;
  const config = (raw.Config ?? {}) as Loose;
  const values = envValues(config.Env);
  const state = (raw.State ?? {}) as Loose;
  const health = state.Health as Loose | undefined;
  const out: Loose = {
    ...raw,
    Path: scrubStrings(raw.Path, values),
    Args: scrubStrings(raw.Args, values),
    Config: {
      ...config,
      Env: stripEnv(config.Env),
      Cmd: scrubStrings(config.Cmd, values),
      Entrypoint: scrubStrings(config.Entrypoint, values),
      Healthcheck: config.Healthcheck
        ? { ...(config.Healthcheck as Loose), Test: scrubStrings((config.Healthcheck as Loose).Test, values) }
        : config.Healthcheck,
    },
    State: {
      ...state,
      Error: scrubStrings(state.Error, values),
      Health: health
        ? {
            ...health,
            Log: Array.isArray(health.Log) ? health.Log.map((l: Loose) => ({ ...l, Output: scrubStrings(l.Output, values) })) : health.Log,
          }
        : health,
    },
  };
  return out as unknown as Docker.ContainerInspectInfo;
}

/** An image inspect result with its `Config.Env` / `ContainerConfig.Env` values replaced. */
export function sanitizeImage(info: Docker.ImageInspectInfo): Docker.ImageInspectInfo {
  const raw = info as unknown as Loose;
  const out: Loose = { ...raw };
  for (const key of ['Config', 'ContainerConfig']) {
    const c = raw[key] as Loose | undefined | null;
    if (c && typeof c === 'object') out[key] = { ...c, Env: stripEnv(c.Env), Cmd: scrubStrings(c.Cmd, []) };
  }
  return out as unknown as Docker.ImageInspectInfo;
}

/** `docker ps` Command column: secret shapes redacted. */
export function sanitizeListed(c: Docker.ContainerInfo): Docker.ContainerInfo {
  return { ...c, Command: typeof c.Command === 'string' ? redactSecrets(c.Command) : c.Command };
}
