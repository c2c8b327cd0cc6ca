// Secrets never leave the host layer. Container (and image) environment values are stripped at
// the source — the names stay, so a finding can still say "API_KEY is set" — and free text the
// engine hands back (log lines, health-check output, command lines) is redacted for common
// secret shapes.
import type Docker from 'dockerode';
import type { Finding } from '../core/types.ts';

export const REDACTED = '[redacted]';

/** Words that make a key (`DB_PASSWORD`, `client_secret`, `--api-key`) name a secret. */
const SECRET_WORD = String.raw`(?:password|passwd|passphrase|pwd|token|secret|api[_-]?key|access[_-]?key|private[_-]?key|credentials?|auth[_-]?key)`;
/** `pass` on its own (`DB_PASS`, `--pass`), but not inside a word (`bypass`, `compass`). */
const PASS_WORD = String.raw`(?<![A-Za-z])pass(?![A-Za-z])`;
const KEY = String.raw`(?<![A-Za-z0-9_.-])[A-Za-z0-9_.-]*?(?:${SECRET_WORD}|${PASS_WORD})[A-Za-z0-9_.-]*`;
/** A value: quoted, or up to the next space or separator. */
const VALUE = String.raw`"[^"\n]*"|'[^'\n]*'|[^\s,;&"']+`;

type Replacement = string | ((match: string, ...groups: string[]) => string);

const SECRET_SHAPES: ReadonlyArray<[RegExp, Replacement]> = [
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g, REDACTED],
  // Authorization headers: the scheme stays, the credential goes (`Authorization: Bearer …`, `token …`).
  [
    /\b(authorization["']?\s*[=:]\s*["']?)(?:(Bearer|Basic|Token|Digest)\s+)?[^\s"',;]+/gi,
    (_m: string, head: string, scheme?: string) => `${head}${scheme ? `${scheme} ` : ''}${REDACTED}`,
  ],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/g, `$1 ${REDACTED}`],
  // credentials in URLs: scheme://user:pass@host (user may be empty)
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@/]+@/gi, `$1${REDACTED}@`],
  // key=value / key: value where the key names a secret (DB_PASSWORD=…, "client_secret": "…", token=…)
  [new RegExp(`(${KEY}["']?\\s*[=:]\\s*)(${VALUE})`, 'gi'), `$1${REDACTED}`],
  // --password VALUE, --token VALUE (a flag naming a secret, then its value after a space)
  [new RegExp(`((?:^|\\s)--?(?:[a-z0-9]+-)*(?:${SECRET_WORD}|pass)[ \\t]+)(?!-)(${VALUE})`, 'gi'), `$1${REDACTED}`],
  // mysql -pSECRET (the password glued to -p); also mysqldump, mysqladmin, mariadb…
  [
    /(\b(?:mysql|mysqldump|mysqladmin|mysqlimport|mysqlshow|mysqlcheck|mariadb(?:-[a-z]+)?)\b[^\n|;&]*?\s-p)(?!\s)([^\s"']+|"[^"]*"|'[^']*')/gi,
    `$1${REDACTED}`,
  ],
  // redis-cli -a SECRET
  [/(\bredis-cli\b[^\n|;&]*?\s-a\s+)([^\s"']+|"[^"]*"|'[^']*')/gi, `$1${REDACTED}`],
  [/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, REDACTED],
  [/\bxox[abposre]-[A-Za-z0-9-]{6,}/g, REDACTED],
  [/\bxapp-[A-Za-z0-9-]{6,}/g, REDACTED],
  [/\bgh[pousr]_[A-Za-z0-9]{16,}/g, REDACTED],
  [/\bgithub_pat_[A-Za-z0-9_]{16,}/g, REDACTED],
  [/\bglpat-[A-Za-z0-9_-]{16,}/g, REDACTED],
  [/\bdckr_pat_[A-Za-z0-9_-]{16,}/g, REDACTED],
  [/\bnpm_[A-Za-z0-9]{30,}/g, REDACTED],
  [/\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}/g, REDACTED],
  [/\bAIza[0-9A-Za-z_-]{35}\b/g, REDACTED],
  // JSON Web Tokens: three base64url parts, the first two starting with `{"` encoded.
  [/\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, REDACTED],
];

/** Redacts common secret shapes from free text (log lines, command lines, URLs, config values). */
export function redactSecrets(text: string): string {
  let out = text;
  for (const [re, replacement] of SECRET_SHAPES) out = out.replace(re, replacement as string);
  return out;
}

/** `tcp://admin:hunter2@host:2375` → `tcp://admin:[redacted]@host:2375`; other text unchanged. */
export function redactUrlCredentials(text: string): string {
  return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@/]+@/gi, `$1${REDACTED}@`);
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

/** Values this long are scrubbed wherever they appear; shorter ones only as whole words. */
const LONG_VALUE = 6;
const SECRET_NAME = new RegExp(`^(?:${KEY})$`, 'i');

/**
 * The environment values worth scrubbing from other text (before stripping): every value of
 * LONG_VALUE characters or more, and the short values of variables whose name says secret
 * (`DB_PASS=pw1`) — a short password is still a password.
 */
export function envValues(env: unknown): string[] {
  if (!Array.isArray(env)) return [];
  const out: string[] = [];
  for (const entry of env) {
    const s = String(entry);
    const eq = s.indexOf('=');
    if (eq <= 0) continue;
    const value = s.slice(eq + 1);
    if (value.length >= LONG_VALUE || (value.length >= 2 && SECRET_NAME.test(s.slice(0, eq)))) out.push(value);
  }
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Redacts secret shapes and the given literal values (e.g. this container's env values). */
export function scrubText(text: string, values: readonly string[] = []): string {
  let out = text;
  for (const v of values) {
    if (!out.includes(v)) continue;
    // A short value (`pw1`) only where it stands alone, so `pw1` does not eat `pw12345` or a word.
    out =
      v.length >= LONG_VALUE
        ? out.split(v).join(REDACTED)
        : out.replace(new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(v)}(?![A-Za-z0-9])`, 'g'), REDACTED);
  }
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

/**
 * The event actions and attributes the rules use; nothing else of an event is kept. Exec
 * actions carry the command line (`exec_create: sh -c … --password=…`): they are reduced to
 * their bare name here and never shown.
 */
export const EVENT_ACTIONS_SHOWN: ReadonlySet<string> = new Set([
  'create',
  'start',
  'restart',
  'die',
  'kill',
  'oom',
  'stop',
  'pause',
  'unpause',
  'rename',
  'destroy',
  'health_status',
]);
export const EVENT_ATTRIBUTES_KEPT: readonly string[] = ['name', 'image', 'exitCode', 'signal'];

export interface SafeEvent {
  Type: string;
  Action: string;
  Actor: { ID: string; Attributes: Record<string, string> };
  time: number;
  timeNano?: number;
}

/** `exec_create: sh -c …` → `exec_create`; `health_status: unhealthy` → `health_status`. */
export function bareAction(action: unknown): string {
  const a = typeof action === 'string' ? action : '';
  const colon = a.indexOf(':');
  return (colon === -1 ? a : a.slice(0, colon)).trim();
}

/** One engine event with only the allow-listed attributes, each redacted; the action without its arguments. */
export function sanitizeEvent(e: unknown): SafeEvent {
  const raw = (e ?? {}) as {
    Type?: unknown;
    Action?: unknown;
    Actor?: { ID?: unknown; Attributes?: unknown };
    time?: unknown;
    timeNano?: unknown;
  };
  const attrs = (raw.Actor?.Attributes ?? {}) as Record<string, unknown>;
  const kept: Record<string, string> = {};
  for (const k of EVENT_ATTRIBUTES_KEPT) if (typeof attrs[k] === 'string') kept[k] = redactSecrets(attrs[k]);
  return {
    Type: typeof raw.Type === 'string' ? raw.Type : '',
    Action: bareAction(raw.Action),
    Actor: { ID: typeof raw.Actor?.ID === 'string' ? raw.Actor.ID : '', Attributes: kept },
    time: typeof raw.time === 'number' ? raw.time : 0,
    ...(typeof raw.timeNano === 'number' ? { timeNano: raw.timeNano } : {}),
  };
}

/** A finding with secret shapes redacted from every text it carries (the last step of every diagnosis). */
export function redactFinding(f: Finding): Finding {
  const evidence: Finding['evidence'] = {};
  for (const [k, v] of Object.entries(f.evidence)) evidence[k] = typeof v === 'string' ? redactSecrets(v) : v;
  return { ...f, subject: redactSecrets(f.subject), evidence, summary: redactSecrets(f.summary), fix: f.fix.map(redactSecrets) };
}
