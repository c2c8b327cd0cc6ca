// Secret-shaped values out of any JSON the engine sends, with the shared redaction functions of
// src/host/redact.ts (which decide what "secret-shaped" means; nothing here repeats their
// patterns). Four rules, applied everywhere in a body:
//  - an `Env` list keeps the names only (`DB_PASSWORD=[redacted]`);
//  - a string whose key names a secret (`api_token`, `DB_PASSWORD`, `splunk-token`) is replaced;
//  - in an argument list (or a `Command` line), the value after a flag that names a secret
//    (`--password`, `s3cret`);
//  - every other string is redacted for secret shapes (`--password=…`, `ghp_…`, `user:pw@host`),
//    except names and ids, which the bot matches on and which cannot hold `=` or spaces (an image
//    `vault-secrets:1.2` must stay itself, not become `vault-secrets:[redacted]`).
import { REDACTED, redactSecrets as redactScannable, stripEnv } from '../host/redact.ts';
import { defuseString, scannable } from './defuse.ts';

const redacted = new Map<string, string>();
const MAX_REMEMBERED = 10_000;

/**
 * The shared redaction, on a string it can scan quickly (defuse.ts); other strings go whole.
 * Short results are remembered: a host's answers repeat the same states, images and labels.
 */
export function redactSecrets(s: string): string {
  const known = redacted.get(s);
  if (known !== undefined) return known;
  const out = redactScannable(defuseString(s));
  if (s.length <= 256) {
    if (redacted.size >= MAX_REMEMBERED) redacted.clear();
    redacted.set(s, out);
  }
  return out;
}

const PROBE = 'x7probe';
/** Container and image names, ids, tags and digests (inspect, lists, event attributes). */
const IDENTIFIERS = new Set([
  'Id',
  'ID',
  'Image',
  'ImageID',
  'RepoTags',
  'RepoDigests',
  'Names',
  'Name',
  'Parent',
  'id',
  'from',
  'image',
  'name',
]);

const knownNames = new Map<string, boolean>();
const MAX_KNOWN = 5000;

/**
 * Does this key or flag name a secret? Asked of the shared redaction: would it redact the value
 * in `name=value`? Each `/`- or `@`-separated part is asked on its own (`secrets/db_password`).
 */
export function namesSecret(name: string): boolean {
  const hit = knownNames.get(name);
  if (hit !== undefined) return hit;
  if (!scannable(name)) return true;
  const parts = name.replace(/^-+/, '').split(/[^A-Za-z0-9_.-]+/);
  const secret = parts.some((p) => p !== '' && !redactSecrets(`${p}=${PROBE}`).endsWith(PROBE));
  if (knownNames.size >= MAX_KNOWN) knownNames.clear();
  knownNames.set(name, secret);
  return secret;
}

/** `["app", "--password", "s3cret", "--token=abc"]` → `["app", "--password", "[redacted]", "--token=[redacted]"]`. */
export function scrubArgv(args: readonly unknown[]): unknown[] {
  return args.map((a, i) => {
    if (typeof a !== 'string') return scrubDeep(a);
    const prev = i > 0 ? args[i - 1] : undefined;
    if (typeof prev === 'string' && /^-{1,2}[A-Za-z]/.test(prev) && !prev.includes('=') && namesSecret(prev)) return REDACTED;
    return redactSecrets(a);
  });
}

/** A whole command line in one string (`docker ps`'s Command): `--api-key abc` → `--api-key [redacted]`. */
export function scrubCommandLine(line: string): string {
  const parts = line.split(/(\s+)/);
  let prev = '';
  const out = parts.map((p) => {
    if (p.trim() === '') return p;
    const secretValue = /^-{1,2}[A-Za-z]/.test(prev) && !prev.includes('=') && namesSecret(prev);
    prev = p;
    return secretValue ? REDACTED : p;
  });
  return redactSecrets(out.join(''));
}

/** The four rules, through a whole JSON value (bounded by the body cap, so recursion is too). */
export function scrubDeep(value: unknown, key?: string): unknown {
  if (key !== undefined && IDENTIFIERS.has(key) && isIdentifier(value)) return value;
  if (key === 'Env' && Array.isArray(value)) return stripEnv(value);
  if (typeof value === 'string') {
    if (key !== undefined && namesSecret(key)) return REDACTED;
    return key === 'Command' ? scrubCommandLine(value) : redactSecrets(value);
  }
  if (Array.isArray(value)) {
    if (key !== undefined && namesSecret(key)) return value.map((v) => (typeof v === 'string' ? REDACTED : scrubDeep(v)));
    return scrubArgv(value);
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = scrubDeep(v, k);
    return out;
  }
  return value;
}

/** A name, id, tag or digest: no spaces, no `=` (so nothing `key=value`-shaped hides in it). */
function isIdentifier(v: unknown): boolean {
  const ok = (s: unknown) => typeof s === 'string' && /^[A-Za-z0-9/][A-Za-z0-9_.:@/-]*$/.test(s) && !s.includes('://');
  return Array.isArray(v) ? v.every(ok) : ok(v);
}
